// Reader-side article queries. Only published articles whose time has come
// are ever returned; drafts and scheduled pieces do not exist for readers.
import { and, asc, count, desc, eq, gt, gte, inArray, lt, lte, or, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { readStoredBody } from "../content/blocks";
import type { ArticleFull, ArticleLink, ArticleTeaser, ImageData } from "../model/article";
import type { Image } from "../model/records";
import type { Database } from "./client";
import { distinct, joined, type Reads, readOnce, reads, template } from "./read-batch";
import { articleCorrections, articles, articleTags, authors, images, pollArticles, sections, tags } from "./schema";

export function isPublished(now: Date): SQL {
  return and(eq(articles.status, "published"), lte(articles.publishedAt, now))!;
}

/**
 * The same test for rows already found by id (`id in (...)`, a join on the id):
 * the unary plus keeps SQLite off the (status, published_at) index, which it
 * otherwise prefers to the ids and walks through every published article
 * (30-60 ms a query at 250,000: search results, "Xem thêm", most read).
 */
export function isPublishedRow(now: Date | SQLWrapper): SQL {
  return sql`+${articles.status} = 'published' and ${articles.publishedAt} <= ${now instanceof Date ? now.getTime() : now}`;
}

/** The values of an article page's queries, filled per request into SQL built once (read-batch.ts, template). */
const ID = sql.placeholder("id");
/** Now, in ms since the epoch (as published_at is stored). */
const NOW = sql.placeholder("now");
const LIMIT = sql.placeholder("limit");
const LIMIT_TWICE = sql.placeholder("limitTwice");

const teaserColumns = {
  id: articles.id,
  slug: articles.slug,
  kicker: articles.kicker,
  headline: articles.headline,
  lead: articles.lead,
  publishedAt: articles.publishedAt,
  sectionId: sections.id,
  sectionSlug: sections.slug,
  sectionName: sections.name,
  hero: images,
};

export type TeaserRow = {
  id: number;
  slug: string;
  kicker: string | null;
  headline: string;
  lead: string;
  publishedAt: Date | null;
  sectionId: number;
  sectionSlug: string;
  sectionName: string;
  hero: Image | null;
};

export function toImageData(image: Image): ImageData {
  return {
    id: image.id,
    key: image.r2Key,
    width: image.width,
    height: image.height,
    alt: image.alt,
    caption: image.caption,
    credit: image.credit,
  };
}

export function toTeaser(row: TeaserRow): ArticleTeaser {
  const hero = joined(row.hero);
  return {
    id: row.id,
    slug: row.slug,
    section: { id: row.sectionId, slug: row.sectionSlug, name: row.sectionName },
    kicker: row.kicker,
    headline: row.headline,
    lead: row.lead,
    publishedAt: row.publishedAt ?? new Date(0),
    hero: hero ? toImageData(hero) : null,
  };
}

export function teaserQuery<E extends Record<string, SQL.Aliased | SQL>>(db: Database, extra?: E) {
  return db
    .select({ ...teaserColumns, ...(extra ?? ({} as E)) })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .leftJoin(images, eq(images.id, articles.heroImageId));
}

export interface ArticleFilter {
  sectionId?: number;
  authorId?: number;
  tagId?: number;
}

function publishedWhere(now: Date, filter: ArticleFilter = {}): SQL {
  const conditions = [isPublished(now)];
  if (filter.sectionId !== undefined) conditions.push(eq(articles.sectionId, filter.sectionId));
  if (filter.authorId !== undefined) conditions.push(eq(articles.authorId, filter.authorId));
  if (filter.tagId !== undefined) {
    conditions.push(
      inArray(
        articles.id,
        sql`(select ${articleTags.articleId} from ${articleTags} where ${articleTags.tagId} = ${filter.tagId})`,
      ),
    );
  }
  return and(...conditions)!;
}

export interface LatestOptions {
  now: Date;
  limit: number;
  offset?: number;
  filter?: ArticleFilter;
  /**
   * Keyset pagination: only articles older than this one, in the list's order
   * (published time, then id). An index range, whatever the page's depth.
   */
  before?: ListCursor;
}

export function listLatest(db: Database, opts: LatestOptions): Promise<ArticleTeaser[]> {
  return readOnce(db, latestReads(db, opts));
}

/** listLatest's query, to send with others (read-batch.ts). */
export function latestReads(db: Database, opts: LatestOptions): Reads<ArticleTeaser[]> {
  const before = opts.before;
  // One upper bound on published_at, not two (now and the cursor's): with two, SQLite
  // leaves the section's or author's index for the status one (test/query-plans.test.ts).
  const upTo = before && before.publishedAt < opts.now ? before.publishedAt : opts.now;
  const where = publishedWhere(upTo, opts.filter);
  const query = db
    .select(distinct(teaserColumns))
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .leftJoin(images, eq(images.id, articles.heroImageId))
    .where(before ? and(where, or(lt(articles.publishedAt, before.publishedAt), lt(articles.id, before.id))) : where)
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(opts.limit)
    .offset(opts.offset ?? 0);
  return reads([query], ([rows]) => rows.map(toTeaser));
}

/** A position in a list: where a keyset page starts (an article's published time and id). */
export interface ListCursor {
  publishedAt: Date;
  id: number;
}

/** The position of a published article, for `?truoc=<id>` pages; null when it is not one. */
export async function getListCursor(db: Database, id: number, now: Date): Promise<ListCursor | null> {
  const [row] = await db
    .select({ id: articles.id, publishedAt: articles.publishedAt })
    .from(articles)
    .where(and(eq(articles.id, id), isPublished(now)))
    .limit(1);
  return row?.publishedAt ? { id: row.id, publishedAt: row.publishedAt } : null;
}

/**
 * Ids of the articles at or after `from` in the list's order, oldest first
 * (the previous page's link is the 21st). Only the index is read.
 */
export function listIdsFrom(
  db: Database,
  now: Date,
  from: ListCursor,
  limit: number,
  filter?: ArticleFilter,
): Promise<number[]> {
  return readOnce(db, idsFromReads(db, now, from, limit, filter));
}

/** listIdsFrom's query, to send with others (read-batch.ts). */
export function idsFromReads(
  db: Database,
  now: Date,
  from: ListCursor,
  limit: number,
  filter?: ArticleFilter,
): Reads<number[]> {
  const query = db
    .select({ id: articles.id })
    .from(articles)
    .where(
      and(
        publishedWhere(now, filter),
        gte(articles.publishedAt, from.publishedAt),
        or(gt(articles.publishedAt, from.publishedAt), gte(articles.id, from.id)),
      ),
    )
    .orderBy(asc(articles.publishedAt), asc(articles.id))
    .limit(limit);
  return reads([query], ([rows]) => rows.map((r) => r.id));
}

/**
 * The id at a position of the list, newest first: old `?page=N` addresses find
 * where their page starts. An offset, but over the index only and for old links.
 */
export async function idAtPosition(
  db: Database,
  now: Date,
  position: number,
  filter?: ArticleFilter,
): Promise<number | null> {
  const [row] = await db
    .select({ id: articles.id })
    .from(articles)
    .where(publishedWhere(now, filter))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(1)
    .offset(position);
  return row?.id ?? null;
}

export async function countPublished(db: Database, now: Date, filter?: ArticleFilter): Promise<number> {
  const [row] = await db.select({ n: count() }).from(articles).where(publishedWhere(now, filter));
  return row?.n ?? 0;
}

/**
 * The latest few published articles of every section, in one query: for each
 * section (a few rows), its newest ids from the section's index. Not a window
 * function over all articles: that sorted the whole archive (0.5 s at 250,000).
 */
export function listLatestPerSection(
  db: Database,
  now: Date,
  perSection: number,
): Promise<Map<number, ArticleTeaser[]>> {
  return readOnce(db, latestPerSectionReads(db, now, perSection));
}

/** listLatestPerSection's query, to send with others (read-batch.ts). */
export function latestPerSectionReads(
  db: Database,
  now: Date,
  perSection: number,
): Reads<Map<number, ArticleTeaser[]>> {
  const query = db
    .select(distinct(teaserColumns))
    .from(sections)
    .innerJoin(
      articles,
      sql`${articles.id} in (select a2.id from ${articles} a2
        where a2.section_id = ${sections.id} and a2.status = 'published' and a2.published_at <= ${now.getTime()}
        order by a2.published_at desc, a2.id desc limit ${perSection})`,
    )
    .leftJoin(images, eq(images.id, articles.heroImageId))
    .orderBy(asc(articles.sectionId), desc(articles.publishedAt), desc(articles.id));
  return reads([query], ([rows]) => {
    const bySection = new Map<number, ArticleTeaser[]>();
    for (const row of rows) {
      const list = bySection.get(row.sectionId) ?? [];
      list.push(toTeaser(row));
      bySection.set(row.sectionId, list);
    }
    return bySection;
  });
}

export function getPublishedArticle(db: Database, id: number, now: Date): Promise<ArticleFull | null> {
  return readOnce(db, publishedArticleReads(id, now));
}

/** An article as readers see it, null if it is not published: six queries, sent together (read-batch.ts). */
export function publishedArticleReads(id: number, now: Date): Reads<ArticleFull | null> {
  return publishedArticle({ id, now: now.getTime() });
}

const publishedArticle = template(
  (db) =>
    [
      db
        .select(
          distinct({
            ...teaserColumns,
            body: articles.body,
            significantUpdateAt: articles.significantUpdateAt,
            seoTitle: articles.seoTitle,
            seoDescription: articles.seoDescription,
            authorSlug: authors.slug,
            authorName: authors.name,
            authorByline: authors.byline,
            // Any poll attached, open or not: the page then keeps a poll box of its own.
            hasPoll: sql<number>`exists (select 1 from ${pollArticles} where ${pollArticles.articleId} = ${articles.id})`,
          }),
        )
        .from(articles)
        .innerJoin(sections, eq(sections.id, articles.sectionId))
        .innerJoin(authors, eq(authors.id, articles.authorId))
        .leftJoin(images, eq(images.id, articles.heroImageId))
        .where(and(eq(articles.id, ID), eq(articles.status, "published"), lte(articles.publishedAt, NOW)))
        .limit(1),
      db
        .select({ slug: tags.slug, name: tags.name })
        .from(articleTags)
        .innerJoin(tags, eq(tags.id, articleTags.tagId))
        .where(eq(articleTags.articleId, ID))
        .orderBy(asc(articleTags.position)),
      // The photos of the body's figure blocks and video thumbnails, found in the stored JSON.
      db
        .select()
        .from(images)
        .where(
          inArray(
            images.id,
            sql`(
      select json_extract(b.value, '$.imageId') from ${articles}, json_each(${articles.body}) b
       where ${articles.id} = ${ID} and json_extract(b.value, '$.type') in ('figure', 'video'))`,
          ),
        ),
      db
        .select({ text: articleCorrections.text, at: articleCorrections.createdAt })
        .from(articleCorrections)
        .where(eq(articleCorrections.articleId, ID))
        .orderBy(asc(articleCorrections.createdAt), asc(articleCorrections.id)),
      // The share card's own photo, if the editor chose one.
      db
        .select()
        .from(images)
        .where(sql`${images.id} = (select ${articles.socialImageId} from ${articles} where ${articles.id} = ${ID})`)
        .limit(1),
      // The published articles the body's "Xem thêm" boxes link to.
      seeAlsoQuery(
        db,
        sql`(select json_extract(b.value, '$.articleId') from ${articles}, json_each(${articles.body}) b
       where ${articles.id} = ${ID} and json_extract(b.value, '$.type') = 'related')`,
        NOW,
      ),
    ] as const,
  ([rows, tagRows, figureRows, correctionRows, socialRows, seeAlsoRows]) => {
    const row = rows[0];
    if (!row) return null;
    const body = readStoredBody(row.body);
    const teaser = toTeaser(row);
    // A significant update only counts once it is after the publication (a backdated
    // time set later could put the publication after it).
    const significantUpdateAt =
      row.significantUpdateAt && row.significantUpdateAt > teaser.publishedAt ? row.significantUpdateAt : null;
    const modifiedMs = Math.max(
      teaser.publishedAt.getTime(),
      significantUpdateAt?.getTime() ?? 0,
      ...correctionRows.map((r) => r.at.getTime()),
    );
    return {
      ...teaser,
      author: { slug: row.authorSlug, name: row.authorName, byline: row.authorByline },
      body,
      modifiedAt: new Date(modifiedMs),
      significantUpdateAt,
      corrections: correctionRows,
      tags: tagRows,
      figures: new Map(figureRows.map((img) => [img.id, toImageData(img)])),
      seeAlso: toSeeAlso(seeAlsoRows),
      seoTitle: row.seoTitle,
      seoDescription: row.seoDescription,
      socialImage: socialRows[0] ? toImageData(socialRows[0]) : null,
      hasPoll: Boolean(row.hasPoll),
    };
  },
);

/**
 * Related reading: articles sharing the most tags first, then the same
 * section, then the latest anywhere, newest first within each; never the
 * article itself. Candidates come from indexes, not a scan of all articles.
 */
export function listRelated(db: Database, articleId: number, now: Date, limit: number): Promise<ArticleTeaser[]> {
  return readOnce(db, relatedReads(articleId, now, limit));
}

/** listRelated's one query, to send with others (read-batch.ts). */
export function relatedReads(articleId: number, now: Date, limit: number): Reads<ArticleTeaser[]> {
  return related({ id: articleId, now: now.getTime(), limit, limitTwice: limit * 2 });
}

const related = template(
  (db) => {
    const articleId = ID;
    const nowMs = NOW;
    const limit = LIMIT;
    const sectionOf = sql`(select section_id from ${articles} where id = ${articleId})`;
    // Scored by shared tags without reading every article of a common tag (5,000 at
    // 250,000): an article sharing two or more tags is in one of the article's tags
    // other than its largest, so those (smaller) tags are read whole; of the largest,
    // only the newest published few can still make the list, a walk down
    // (tag_id, published_at). Exactly the old result, for a few hundred rows.
    const mine = sql`(select tag_id from ${articleTags} where article_id = ${articleId})`;
    const largest = sql`(select m.tag_id from ${articleTags} m where m.article_id = ${articleId}
      order by (select count(*) from ${articleTags} c where c.tag_id = m.tag_id) desc, m.tag_id limit 1)`;
    const candidates = sql`
    select id, (select count(*) from ${articleTags} x where x.article_id = s.id and x.tag_id in ${mine}) as score
      from (select t.article_id as id from ${articleTags} t
             where t.tag_id in ${mine} and t.tag_id != ${largest}
            union
            select id from (select t.article_id as id from ${articleTags} t join ${articles} a on a.id = t.article_id
             where t.tag_id = ${largest} and t.published_at <= ${nowMs} and +a.status = 'published'
               and t.article_id != ${articleId}
             order by t.published_at desc limit ${limit})) s
     where s.id != ${articleId}
    union all
    select id, 0 from (select id from ${articles}
      where section_id = ${sectionOf} and status = 'published' and published_at <= ${nowMs} and id != ${articleId}
      order by published_at desc limit ${LIMIT_TWICE})
    union all
    select id, -1 from (select id from ${articles}
      where status = 'published' and published_at <= ${nowMs} and id != ${articleId}
      order by published_at desc limit ${LIMIT_TWICE})`;
    const scored = db.$with("scored").as(
      db
        .select({ id: sql<number>`c.id`.as("cid"), score: sql<number>`max(c.score)`.as("score") })
        .from(sql`(${candidates}) c`)
        .groupBy(sql`c.id`),
    );
    const query = db
      .with(scored)
      .select(distinct(teaserColumns))
      .from(scored)
      // CROSS JOIN keeps the candidates outside: as an inner join SQLite walked every
      // published article and probed the candidates (0.5 s an article page at 250,000).
      .crossJoin(articles)
      .innerJoin(sections, eq(sections.id, articles.sectionId))
      .leftJoin(images, eq(images.id, articles.heroImageId))
      .where(and(eq(articles.id, scored.id), isPublishedRow(NOW)))
      .orderBy(desc(scored.score), desc(articles.publishedAt))
      .limit(limit);
    return [query] as const;
  },
  ([rows]) => rows.map(toTeaser),
);

function seeAlsoQuery(db: Database, ids: SQL | number[], now: Date | SQLWrapper) {
  return db
    .select(distinct({ id: articles.id, slug: articles.slug, headline: articles.headline, sectionSlug: sections.slug }))
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(and(inArray(articles.id, ids), isPublishedRow(now)));
}

function toSeeAlso(rows: { id: number; slug: string; headline: string; sectionSlug: string }[]) {
  return new Map<number, ArticleLink>(
    rows.map((r) => [r.id, { id: r.id, slug: r.slug, headline: r.headline, section: { slug: r.sectionSlug } }]),
  );
}

/**
 * The published articles among `ids`, for "Xem thêm" boxes of a body that is
 * not a stored article (a static page, the newsroom's preview).
 */
export async function getSeeAlso(db: Database, ids: number[], now: Date): Promise<Map<number, ArticleLink>> {
  if (!ids.length) return new Map();
  return toSeeAlso(await seeAlsoQuery(db, ids, now));
}

/** Which of `ids` are articles at all, published or not: what a "Xem thêm" box may point to. */
export async function existingArticleIds(db: Database, ids: number[]): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const rows = await db.select({ id: articles.id }).from(articles).where(inArray(articles.id, ids));
  return new Set(rows.map((r) => r.id));
}
