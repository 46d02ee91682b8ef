// `npm run bench`, the article MISS (issue 20: at most 15 ms locally). Every
// measured request is the first request for an article page: a page never
// stored under any key, so its version is read from D1, its raw page looked
// up and not found, rendered from D1, stored and stitched, as for a reader
// who opens an article nobody in that data centre has opened since it last
// changed. The articles are copies of one demo article (same section, author,
// tags, photos, body and "Xem thêm" links; each its own id and slug) in a
// throwaway local state next to the demo paper, so the demo's own state is
// untouched and every copy renders the same page. Each copy is asked for
// once: no query parameter is involved, so the measure stays a MISS whatever
// the cache key keeps (issue 21 drops the parameters a page does not read).
import { rm } from "node:fs/promises";
import { sql } from "drizzle-orm";
import { runBatch } from "../../src/db/batch";
import { openDatabase } from "../../src/db/client";
import { seedDemoPaper } from "../demo/seed-node";
import { freePort, startWranglerDev } from "../dev-server";
import { withLocalPlatform } from "../local-platform";
import { createTempState, removeTempState } from "../temp-state";
import { benchEditorCookie } from "./editor-cookie";
import { startReference } from "./ratios";

export interface Latency {
  p50: number;
  p99: number;
}

export interface MissResult {
  /** The demo article the copies were made of. */
  article: string;
  /** wrangler dev's own overhead on the same server: a fingerprinted static file. */
  baseline: Latency;
  miss: Latency;
  /** The same article rendered for an editor (BYPASS: no lookup, no store): how issue 20 measured its 28 ms. */
  bypass: Latency;
  /** The reference Worker (reference-workers/miss-floor.ts): one D1 read and one Cache API write, nothing rendered. */
  floorOne: Latency;
  /** The same with a version read first: two D1 round trips in a row. */
  floorTwo: Latency;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function summarize(times: number[]): Latency {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

/** Time to the last byte of one answer, and its X-Cache. */
export async function timedFetch(
  url: string,
  init?: RequestInit,
): Promise<{ ms: number; status: number; xCache: string | null }> {
  const start = performance.now();
  const res = await fetch(url, init);
  await res.arrayBuffer();
  return { ms: performance.now() - start, status: res.status, xCache: res.headers.get("x-cache") };
}

/**
 * A local state with the demo paper and `count` copies of the demo article
 * with the most parts ("Xem thêm" links), published before every demo
 * article. Returns the state's directory and the copies' addresses.
 */
export async function missState(count: number): Promise<{ state: string; source: string; urls: string[] }> {
  const state = await createTempState("edge-news-miss");
  const made = withLocalPlatform(async (env) => {
    await seedDemoPaper(env);
    const db = openDatabase(env.DB);
    type Row = { id: number; slug: string; section: string };
    const of = (rows: Row[]) => rows.map((r) => `/${r.section}/${r.slug}-${r.id}.html`);
    const [rich] = of(
      (
        await env.DB.prepare(
          `select a.id, a.slug, s.slug as section from articles a join sections s on s.id = a.section_id
           where a.status = 'published' and exists (select 1 from json_each(a.body) b where json_extract(b.value, '$.type') = 'related')
           order by a.id limit 1`,
        ).all<Row>()
      ).results,
    );
    if (!rich) throw new Error("no demo article with related links");
    const id = Number(/-(\d+)\.html$/.exec(rich)![1]);
    // Copies get ids above every demo article's.
    const after = (await env.DB.prepare("select max(id) as n from articles").first<number>("n")) ?? 0;
    for (let from = 1; from <= count; from += 100) {
      const to = Math.min(count, from + 99);
      await runBatch(db, [
        sql`with recursive n(i) as (select cast(${from} as integer) union all select i + 1 from n where i < ${to})
            insert into articles (section_id, author_id, kicker, headline, slug, lead, body, status, hero_image_id,
              published_at, created_at, updated_at, created_by, seo_title, seo_description, social_image_id)
            select section_id, author_id, kicker, headline || ' (' || i || ')', slug || '-ban-' || i, lead, body, status,
              hero_image_id, (select min(published_at) from articles) - i * 60000, created_at, updated_at, created_by,
              seo_title, seo_description, social_image_id
            from articles, n where articles.id = ${id}`,
        sql`insert into article_tags (article_id, tag_id, position)
            select copy.id, t.tag_id, t.position from articles copy, article_tags t
            where copy.id > ${after} and copy.id not in (select article_id from article_tags) and t.article_id = ${id}`,
      ]);
    }
    const copies = await env.DB.prepare(
      `select a.id, a.slug, s.slug as section from articles a join sections s on s.id = a.section_id
       where a.id > ? order by a.id`,
    )
      .bind(after)
      .all<Row>();
    return { source: rich, urls: of(copies.results) };
  }, state);
  try {
    return { state, ...(await made) };
  } catch (error) {
    await removeTempState(state);
    throw error;
  }
}

/**
 * The MISS line: `samples` distinct articles, each asked for once, in turn
 * with a static file (wrangler dev's own overhead, same server, same moment),
 * the editor's render of the demo article, and the floor reference Worker
 * (reference-workers/miss-floor.ts) answering the same page's bytes from D1.
 * Fails if any answer is not a 200 with the X-Cache it should carry, so the
 * line cannot quietly turn into HITs.
 */
export async function benchMiss(samples: number): Promise<MissResult> {
  const { state, source, urls } = await missState(samples);
  try {
    const dev = await startWranglerDev({ port: await freePort(), persistTo: state });
    let floor: Awaited<ReturnType<typeof startReference>> | undefined;
    try {
      const home = await (await fetch(`${dev.url}/`)).text();
      const favicon = home.match(/href="(\/_\/[^"]+)"/)?.[1] ?? "/";
      const page = await (await fetch(dev.url + source, { headers: { "accept-encoding": "identity" } })).arrayBuffer();
      floor = await startReference("miss-floor", page, `/?n=${2 * samples + 40}`);
      const cookie = await benchEditorCookie();
      const expect = async (url: string, xCache: string, init?: RequestInit) => {
        const res = await timedFetch(url, init);
        if (res.status !== 200 || res.xCache !== xCache)
          throw new Error(`MISS line: ${url} answered ${res.status} X-Cache ${res.xCache}, not a 200 ${xCache}`);
        return res.ms;
      };
      // Warm: the demo article itself (chrome, shared fragments), the static file, the reference.
      for (let i = 0; i < 20; i++) {
        await timedFetch(`${dev.url}${i % 2 ? source : favicon}`);
        await timedFetch(`${floor.server.url}/${1 + (i % 2)}/${2 * samples + 1 + i}`);
      }
      const times = {
        baseline: [] as number[],
        miss: [] as number[],
        bypass: [] as number[],
        floorOne: [] as number[],
        floorTwo: [] as number[],
      };
      for (const [i, url] of urls.entries()) {
        times.baseline.push((await timedFetch(dev.url + favicon)).ms);
        times.floorOne.push(await expect(`${floor.server.url}/1/${i + 1}`, "MISS"));
        times.floorTwo.push(await expect(`${floor.server.url}/2/${samples + i + 1}`, "MISS"));
        times.bypass.push(await expect(dev.url + source, "BYPASS", { headers: { cookie } }));
        times.miss.push(await expect(dev.url + url, "MISS"));
      }
      return {
        article: source,
        baseline: summarize(times.baseline),
        miss: summarize(times.miss),
        bypass: summarize(times.bypass),
        floorOne: summarize(times.floorOne),
        floorTwo: summarize(times.floorTwo),
      };
    } finally {
      await dev.stop();
      if (floor) {
        await floor.server.stop();
        await rm(floor.state, { recursive: true, force: true });
      }
    }
  } finally {
    await removeTempState(state);
  }
}
