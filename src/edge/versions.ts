// Versioned cache keys. The Cache API is per data centre and cache.delete
// reaches only one, so a write never deletes: it gives the scopes it touches
// a stamp newer than every other, and the next request anywhere computes a new
// key and misses. A page's version is the newest stamp among its scopes.
import { type SQL, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { type PageDeps, scope } from "./scopes";

/** A stamp newer than all existing ones: time in ms, or one more than the newest. */
const nextStamp = (now: number) => sql`(select max(${now}, coalesce(max(stamp), 0) + 1) from cache_versions)`;

/** Statements that bump scopes by name; run them in the same batch as the write. */
export function bumpScopes(scopes: string[], now = Date.now()): SQL[] {
  if (!scopes.length) return [];
  const rows = sql.join(
    [...new Set(scopes)].map((s) => sql`(${s}, ${nextStamp(now)})`),
    sql`, `,
  );
  return [
    sql`insert into cache_versions (scope, stamp) values ${rows} on conflict(scope) do update set stamp = excluded.stamp`,
  ];
}

/**
 * Bumps everything that shows an article as it is stored now: the article,
 * its section, author and tags, the home page, feeds and sitemaps. An edit runs
 * this before and after the change, so old and new section/tags both miss.
 * `articleId` may be SQL (e.g. the id of the row just inserted in the batch).
 */
export function bumpArticle(articleId: number | SQL, now = Date.now()): SQL[] {
  return [
    ...bumpScopes([scope.home, scope.feeds, scope.sitemaps], now),
    sql`insert into cache_versions (scope, stamp)
        select s, ${nextStamp(now)} from (
          select 'article:' || id as s from articles where id = ${articleId}
          union all select 'section:' || section_id from articles where id = ${articleId}
          union all select 'author:' || author_id from articles where id = ${articleId}
          union all select 'tag:' || tag_id from article_tags where article_id = ${articleId}
        ) where true
        on conflict(scope) do update set stamp = excluded.stamp`,
  ];
}

function scopesOf(deps: PageDeps): SQL {
  switch (deps.kind) {
    case "home":
      return sql`select ${scope.home}`;
    case "article":
      return sql`select ${scope.article(deps.id)}
        union all select 'section:' || section_id from articles where id = ${deps.id}
        union all select 'author:' || author_id from articles where id = ${deps.id}
        union all select 'tag:' || tag_id from article_tags where article_id = ${deps.id}`;
    case "section":
      return sql`select 'section:' || id from sections where slug = ${deps.slug}`;
    case "tag":
      return sql`select 'tag:' || id from tags where slug = ${deps.slug}`;
    case "author":
      return sql`select 'author:' || id from authors where slug = ${deps.slug}`;
    case "scopes":
      return deps.scopes.length
        ? sql.join(
            deps.scopes.map((s) => sql`select ${s}`),
            sql` union all `,
          )
        : sql`select null`;
  }
}

/**
 * Versions read in this isolate in the last `ttlMs`, so a cache HIT does not
 * wait for D1. A write through this isolate clears it (versionsChanged), so
 * locally and for the editor who made a change it shows at once; other
 * isolates see it within ttlMs (CACHE_VERSION_TTL_MS, 0 = always ask D1).
 */
const memo = new Map<string, { version: number; at: number }>();
const MEMO_MAX_ENTRIES = 2000;

export function versionsChanged(): void {
  memo.clear();
}

/** The content version of a page: the newest stamp of its scopes, one indexed query. */
export async function readVersion(db: Database, deps: PageDeps, ttlMs = 0): Promise<number> {
  const memoKey = JSON.stringify(deps);
  const now = Date.now();
  const known = memo.get(memoKey);
  if (known && now - known.at < ttlMs) return known.version;
  const [row] = await db.all<{ v: number | null }>(sql`
    select max(stamp) as v from cache_versions
     where scope in (select ${scope.global} union all ${scopesOf(deps)})`);
  const version = row?.v ?? 0;
  if (ttlMs > 0) {
    if (memo.size >= MEMO_MAX_ENTRIES) memo.clear();
    memo.set(memoKey, { version, at: now });
  }
  return version;
}
