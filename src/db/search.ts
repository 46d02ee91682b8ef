// Full-text search over published articles (see migrations/0005_search_index.sql).
import { inArray, sql } from "drizzle-orm";
import type { ArticleTeaser } from "./article-types";
import { isPublished, teaserQuery, toTeaser } from "./articles";
import type { Database } from "./client";
import { articles } from "./schema";

export interface SearchHit extends ArticleTeaser {
  /** Lead and body text, for the snippet. */
  text: string;
}

/** Headline above kicker and tags, above lead, above author, above body. */
const WEIGHTS = sql.raw("10.0, 6.0, 3.0, 1.0, 4.0, 2.0");

export async function searchArticles(db: Database, match: string, tonedMatch: string | null, now: Date, limit: number, offset: number): Promise<{ hits: SearchHit[]; total: number }> {
  const nowMs = now.getTime();
  const exactToneFirst = tonedMatch
    ? sql`case when a.id in (select rowid from search_toned where search_toned match ${tonedMatch}) then 0 else 1 end, `
    : sql``;
  const [ranked, [count]] = await Promise.all([
    db.all<{ id: number }>(sql`
      select a.id from search_index join ${articles} a on a.id = search_index.rowid
       where search_index match ${match} and a.status = 'published' and a.published_at <= ${nowMs}
       order by ${exactToneFirst}bm25(search_index, ${WEIGHTS}), a.published_at desc
       limit ${limit} offset ${offset}`),
    db.all<{ n: number }>(sql`
      select count(*) as n from search_index join ${articles} a on a.id = search_index.rowid
       where search_index match ${match} and a.status = 'published' and a.published_at <= ${nowMs}`),
  ]);
  const ids = ranked.map((r) => r.id);
  if (!ids.length) return { hits: [], total: count?.n ?? 0 };
  const rows = await teaserQuery(db, { text: sql<string>`${articles.lead} || ' ' || (select group_concat(json_extract(b.value, '$.text'), ' ') from json_each(${articles.body}) b)` })
    .where(sql`${inArray(articles.id, ids)} and ${isPublished(now)}`);
  const byId = new Map(rows.map((r) => [r.id, { ...toTeaser(r), text: r.text ?? "" }]));
  return { hits: ids.flatMap((id) => byId.get(id) ?? []), total: count?.n ?? 0 };
}
