// The URLs the load test reads and writes against, taken from the seeded
// database so they are real pages and real photos.
import type { Env } from "../../src/env";
import { articlePath, mediaPath } from "../../src/site/urls";

export interface LoadTargets {
  articles: { id: number; path: string }[];
  sections: string[];
  imagePaths: string[];
  /** Every poll's options and their counts before the run, to compare with afterwards. */
  votesBefore: Map<number, number>;
}

export async function readTargets(env: Env): Promise<LoadTargets> {
  const now = Date.now();
  const { results: articles } = await env.DB.prepare(
    `select a.id, a.slug, s.slug as section from articles a join sections s on s.id = a.section_id
      where a.status = 'published' and a.published_at <= ? order by a.id`,
  )
    .bind(now)
    .all<{ id: number; slug: string; section: string }>();
  const { results: sections } = await env.DB.prepare("select slug from sections order by position").all<{
    slug: string;
  }>();
  const { results: images } = await env.DB.prepare("select r2_key from images order by id").all<{ r2_key: string }>();
  const { results: options } = await env.DB.prepare("select id, votes from poll_options").all<{
    id: number;
    votes: number;
  }>();
  if (!articles.length || !images.length) throw new Error("the seeded database has no articles or photos");
  return {
    articles: articles.map((a) => ({
      id: a.id,
      path: articlePath({ id: a.id, slug: a.slug, section: { slug: a.section } }),
    })),
    sections: sections.map((s) => `/${s.slug}`),
    imagePaths: images.map((i) => mediaPath(i.r2_key)),
    votesBefore: new Map(options.map((o) => [o.id, o.votes])),
  };
}
