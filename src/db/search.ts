// Full-text search over published articles (see migrations/0005_search_index.sql).
import { inArray, sql } from "drizzle-orm";
import type { ArticleTeaser } from "../model/article";
import { isPublishedRow, teaserQuery, toTeaser } from "./articles";
import type { Database } from "./client";
import { articles } from "./schema";

export interface SearchHit extends ArticleTeaser {
  /** Lead and body text, for the snippet. */
  text: string;
}

/** Candidates beyond the page, so unpublished matches dropped after ranking do not shorten it. */
const SLACK = 100;
/** Above this many matches the total is FTS5's own count (it may include unpublished pieces). */
const EXACT_COUNT_LIMIT = 1000;
/**
 * Only the latest this many matches (highest rowids, the article ids) are ranked
 * by relevance; older ones follow, newest first. bm25 over every match was
 * 170-250 ms for a word in 94,500 of 250,000 articles; over 2,000 it is ~10 ms
 * (docs/performance.md, "Archive"). Below 2,000 matches nothing changes.
 */
export const RANKED_WINDOW = 2000;

/**
 * Ranked by FTS5's rank (bm25 weighted in migrations/0007), exact tone matches
 * first, computed inside the index for the top candidates of the latest
 * RANKED_WINDOW matches only; then the older matches, newest first. Visibility
 * is checked on the candidates.
 */
export async function searchArticles(
  db: Database,
  match: string,
  tonedMatch: string | null,
  now: Date,
  limit: number,
  offset: number,
): Promise<{ hits: SearchHit[]; total: number }> {
  const nowMs = now.getTime();
  const take = offset + limit + SLACK;
  // The lowest rowid of the window (0 when there are fewer matches): one walk down the doclist.
  const windowStart = sql`coalesce((select rowid from search_index where search_index match ${match}
    order by rowid desc limit 1 offset ${RANKED_WINDOW - 1}), 0)`;
  // Within the window, exact tone matches first (their rowids in the window only: a common
  // toned word has tens of thousands), then bm25. Decided inside the candidate query, so
  // that every page cuts the same order.
  const tone = tonedMatch
    ? sql`case when rowid in (select rowid from search_toned
        where search_toned match ${tonedMatch} and rowid >= ${windowStart}) then 0 else 1 end`
    : sql`0`;
  const [ranked, [matches], [visible]] = await Promise.all([
    db.all<{ id: number }>(sql`
      select a.id from (
        select * from (select rowid as id, ${tone} as tone, rank, 0 as older from search_index
          where search_index match ${match} and rowid >= ${windowStart} order by tone, rank, rowid desc limit ${take})
        union all
        select * from (select rowid as id, 1, 0, 1 from search_index
          where search_index match ${match} and rowid < ${windowStart} order by rowid desc limit ${take})) s
        join ${articles} a on a.id = s.id
       where +a.status = 'published' and a.published_at <= ${nowMs}
       order by s.older, s.tone, s.rank, s.id desc
       limit ${limit} offset ${offset}`),
    db.all<{ n: number }>(sql`select count(*) as n from search_index where search_index match ${match}`),
    db.all<{ n: number }>(sql`
      select count(*) as n from (select rowid as id from search_index where search_index match ${match} limit ${EXACT_COUNT_LIMIT}) s
        join ${articles} a on a.id = s.id where +a.status = 'published' and a.published_at <= ${nowMs}`),
  ]);
  const total = (matches?.n ?? 0) > EXACT_COUNT_LIMIT ? matches!.n : (visible?.n ?? 0);
  const ids = ranked.map((r) => r.id);
  if (!ids.length) return { hits: [], total };
  const rows = await teaserQuery(db, {
    // The snippet's text: the lead, then each block's text, a list's items, a table's caption
    // and cells and a video's title included (an item or cell is a string or an object with
    // its marks; the marks are not needed for a plain-text snippet). blockText in JS says the same.
    text: sql<string>`${articles.lead} || ' ' || (select group_concat(coalesce(json_extract(b.value, '$.text'), case json_extract(b.value, '$.type')
      when 'list' then (select group_concat(case when i.type = 'object' then json_extract(i.value, '$.text') else i.value end, ' ') from json_each(b.value, '$.items') i)
      when 'video' then json_extract(b.value, '$.title')
      when 'table' then coalesce(json_extract(b.value, '$.caption') || ' ', '') || (select group_concat(case when c.type = 'object' then json_extract(c.value, '$.text') else c.value end, ' ')
        from (select h.value, h.type from json_each(b.value, '$.header') h union all select rc.value, rc.type from json_each(b.value, '$.rows') r, json_each(r.value) rc) c)
      end), ' ') from json_each(${articles.body}) b)`,
  }).where(sql`${inArray(articles.id, ids)} and ${isPublishedRow(now)}`);
  const byId = new Map(rows.map((r) => [r.id, { ...toTeaser(r), text: r.text ?? "" }]));
  return { hits: ids.flatMap((id) => byId.get(id) ?? []), total };
}
