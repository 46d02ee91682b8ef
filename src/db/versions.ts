// Versioned cache keys. The Cache API is per data centre and cache.delete
// reaches only one, so a write never deletes: it gives the scopes it touches
// a stamp newer than every other, and the next request anywhere computes a new
// key and misses. A page's version is the newest stamp among its scopes.
import { type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { type PageDeps, scope } from "../model/content-scopes";
import { runBatch } from "./batch";
import { type Database, recordBumped } from "./client";

/** A stamp newer than all existing ones: time in ms, or one more than the newest. */
const nextStamp = (now: number) => sql`(select max(${now}, coalesce(max(stamp), 0) + 1) from cache_versions)`;

/** Statements that bump scopes by name; run in the same batch as the write. */
function bumpScopes(scopes: string[], now = Date.now()): SQL[] {
  if (!scopes.length) return [];
  const rows = sql.join(
    [...new Set(scopes)].map((s) => sql`(${s}, ${nextStamp(now)})`),
    sql`, `,
  );
  return [
    sql`insert into cache_versions (scope, stamp) values ${rows} on conflict(scope) do update set stamp = excluded.stamp
        returning scope`,
  ];
}

/**
 * Bumps everything that shows an article as it is stored now: the article,
 * its section, author and tags, the home page, feeds and sitemaps. An edit runs
 * this before and after the change, so old and new section/tags both miss.
 * `articleId` may be SQL (e.g. the id of the row just inserted in the batch).
 */
function bumpArticle(articleId: number | SQL, now = Date.now()): SQL[] {
  return [
    ...bumpScopes([scope.home, scope.feeds, scope.sitemaps], now),
    sql`insert into cache_versions (scope, stamp)
        select s, ${nextStamp(now)} from (
          select 'article:' || id as s from articles where id = ${articleId}
          union all select 'section:' || section_id from articles where id = ${articleId}
          union all select 'author:' || author_id from articles where id = ${articleId}
          union all select 'tag:' || tag_id from article_tags where article_id = ${articleId}
        ) where true
        on conflict(scope) do update set stamp = excluded.stamp
        returning scope`,
  ];
}

function scopesOf(deps: PageDeps): SQL {
  switch (deps.kind) {
    case "home":
      return sql`select ${scope.home}`;
    case "article":
      // D1 allows 5 terms in a compound select (the global scope is one):
      // section and author come from one row, as one term.
      return sql`select ${scope.article(deps.id)}
        union all select j.value from articles, json_each(json_array('section:' || section_id, 'author:' || author_id)) j
         where articles.id = ${deps.id}
        union all select 'tag:' || tag_id from article_tags where article_id = ${deps.id}
        union all select 'article:' || json_extract(b.value, '$.articleId') from articles, json_each(articles.body) b
         where articles.id = ${deps.id} and json_extract(b.value, '$.type') = 'related'`;
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
 * wait for D1. A write through this isolate clears it (writeContent), so
 * locally and for the editor who made a change it shows at once; other
 * isolates see it within ttlMs (CACHE_VERSION_TTL_MS, 0 = always ask D1).
 */
const memo = new Map<string, { read: VersionRead; at: number }>();
let generation = 0;

/** Changes whenever a write through this isolate makes it forget the versions it had read. */
export const versionsGeneration = (): number => generation;
const MEMO_MAX_ENTRIES = 2000;

/**
 * When the versions of `list` now in the memo were read from D1: the oldest
 * of them (now, for any not remembered). What was read then may already be
 * old by the time a page is served, so whoever trusts it longer (the page
 * cache's front door) counts from here, not from the serving.
 */
export function versionsReadAt(list: PageDeps[], now = Date.now()): number {
  let oldest = now;
  for (const deps of list) oldest = Math.min(oldest, memo.get(JSON.stringify(deps))?.at ?? now);
  return oldest;
}

/**
 * What a write changed, in the content's own terms: a scope by name
 * (src/model/content-scopes.ts), or an article, which stands for everything
 * that shows it (its page, section, author, tags, home, feeds, sitemaps).
 */
export type Touched = string | { article: number | SQL };

/**
 * The one way content is written: the statements and the version bumps of
 * what they touched run in one D1 batch (one transaction, all or nothing),
 * then this isolate forgets the versions it had read. An existing article
 * (a numeric id) is bumped before and after the statements, so its old and
 * new section and tags both miss; an id given as SQL names a row the batch
 * itself creates, bumped after. Returns the statements' own results, in order.
 */
export async function writeContent(
  db: Database,
  statements: SQLWrapper[],
  touched: Touched[],
  now = Date.now(),
  options: WriteOptions = {},
): Promise<D1Result[]> {
  const articles = touched.flatMap((t) => (typeof t === "string" ? [] : [t.article]));
  const scopes = touched.filter((t): t is string => typeof t === "string");
  const before = articles.flatMap((id) => (typeof id === "number" ? bumpArticle(id, now) : []));
  const after = [...bumpScopes(scopes, now), ...articles.flatMap((id) => bumpArticle(id, now))];
  const results = await runBatch(db, [...before, ...statements, ...after]);
  memo.clear();
  generation += 1;
  // The scopes the bumps actually wrote (an article's section, author and tags
  // are found in SQL): what a cache in front of the Worker must purge.
  const bumps = [...results.slice(0, before.length), ...results.slice(before.length + statements.length)];
  if (options.purge !== false) {
    recordBumped(
      db,
      bumps.flatMap((r) => (r.results as { scope: string }[]).map((row) => row.scope)),
    );
  }
  return results.slice(before.length, before.length + statements.length);
}

export interface WriteOptions {
  /**
   * false: a cache in front of the Worker is not told (no purge). For writes
   * so frequent that a purge each would use up Workers Cache's purge rate (a
   * reader's vote), so that editors' purges still go through; the pages they
   * show on keep their own edge lifetime (docs/caching.md). The versions are
   * bumped all the same, so the Worker's own cache shows the change at once.
   */
  purge?: boolean;
}

/** A version read: the newest stamp among the scopes, and the scopes themselves (global included). */
export interface VersionRead {
  version: number;
  scopes: string[];
}

/** The content version of a page: the newest stamp of its scopes, one indexed query. */
export async function readVersion(db: Database, deps: PageDeps, ttlMs = 0): Promise<number> {
  const [version] = await readVersions(db, [deps], ttlMs);
  return version!;
}

/**
 * The versions of several pages or fragments (a page and the fragments in
 * it), each as readVersion gives it; those not remembered are read in one D1
 * round trip (a batch of one indexed query each).
 */
export async function readVersions(db: Database, list: PageDeps[], ttlMs = 0): Promise<number[]> {
  return (await readScopedVersions(db, list, ttlMs)).map((r) => r.version);
}

/**
 * readVersions with the names of the scopes each version covers (what a
 * page's Cache-Tags are made of): the same query, the same round trip and memo.
 */
export async function readScopedVersions(db: Database, list: PageDeps[], ttlMs = 0): Promise<VersionRead[]> {
  const now = Date.now();
  const reads: VersionRead[] = [];
  const missing = new Map<string, { deps: PageDeps; at: number[] }>();
  list.forEach((deps, i) => {
    const memoKey = JSON.stringify(deps);
    const known = memo.get(memoKey);
    if (known && now - known.at < ttlMs) reads[i] = known.read;
    else {
      const wanted = missing.get(memoKey);
      if (wanted) wanted.at.push(i);
      else missing.set(memoKey, { deps, at: [i] });
    }
  });
  if (!missing.size) return reads;
  type Row = { v: number | null; scopes: string | null };
  const queries = [...missing.values()].map(({ deps }) => versionQuery(deps));
  const rows =
    queries.length === 1
      ? [await db.all<Row>(queries[0]!)]
      : (await runBatch(db, queries)).map((r) => r.results as Row[]);
  [...missing].forEach(([memoKey, { at }], n) => {
    const row = rows[n]?.[0];
    const scopes = (JSON.parse(row?.scopes ?? "[]") as (string | null)[]).filter((s): s is string => !!s);
    const read: VersionRead = { version: row?.v ?? 0, scopes: [...new Set(scopes)] };
    for (const i of at) reads[i] = read;
    if (ttlMs > 0) {
      if (memo.size >= MEMO_MAX_ENTRIES) memo.clear();
      memo.set(memoKey, { read, at: now });
    }
  });
  return reads;
}

function versionQuery(deps: PageDeps): SQL {
  return sql`with s(scope) as (select ${scope.global} union all ${scopesOf(deps)})
     select (select max(stamp) from cache_versions where scope in (select scope from s)) as v,
            (select json_group_array(scope) from s) as scopes`;
}
