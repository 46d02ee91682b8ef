// Tags as readers may see them: a tag exists for readers only once one of its
// articles is published and its time has come. A tag used only by drafts or
// scheduled pieces is as unknown as a tag that does not exist, so an
// unpublished topic cannot be probed by its name.
import { and, eq, sql } from "drizzle-orm";
import type { Tag } from "../model/records";
import type { Database } from "./client";
import { articles, articleTags, tags } from "./schema";

/** The tag with this slug if it has a published article (at `now`); else null. */
export async function getPublishedTagBySlug(db: Database, slug: string, now: Date): Promise<Tag | null> {
  // One index walk on (tag_id, published_at), newest first, checking each article's status.
  const published = sql`exists (select 1 from ${articleTags} t join ${articles} a on a.id = t.article_id
     where t.tag_id = ${tags.id} and t.published_at <= ${now.getTime()}
       and +a.status = 'published' and a.published_at <= ${now.getTime()})`;
  const [row] = await db
    .select()
    .from(tags)
    .where(and(eq(tags.slug, slug), published))
    .limit(1);
  return row ?? null;
}
