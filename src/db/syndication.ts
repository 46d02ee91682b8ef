// Queries for feeds and sitemaps: what search engines, aggregators and feed
// readers see. Same rule as every reader query: published and due, nothing else.

import { and, asc, desc, eq, gte, inArray, lt, type SQL, sql } from "drizzle-orm";
import { fullHeadline } from "../content/headline";
import type { ArticleLocation, FeedItem, NewsLocation } from "../model/syndication";
import { type ArticleFilter, isPublished, teaserQuery, toTeaser } from "./articles";
import type { Database } from "./client";
import { articleMonths, articles, articleTags, authors, sections, tags } from "./schema";

/** The moment an article last changed for readers: its edit or, if later, its publication. */
const changedAt = sql<number>`max(${articles.updatedAt}, ${articles.publishedAt})`;
const lastChange = sql<number | null>`max(max(${articles.updatedAt}, ${articles.publishedAt}))`;
const toDate = (ms: number | null) => (ms === null ? null : new Date(ms));

export async function listFeedItems(
  db: Database,
  now: Date,
  limit: number,
  filter: Pick<ArticleFilter, "sectionId"> = {},
): Promise<FeedItem[]> {
  const where =
    filter.sectionId === undefined ? isPublished(now) : and(isPublished(now), eq(articles.sectionId, filter.sectionId));
  const rows = await teaserQuery(db, {
    updatedAt: sql`${articles.updatedAt}`.mapWith(articles.updatedAt),
    authorSlug: sql<string>`${authors.slug}`,
    authorName: sql<string>`${authors.name}`,
    authorByline: sql<string>`${authors.byline}`,
  })
    .innerJoin(authors, eq(authors.id, articles.authorId))
    .where(where)
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit);
  const tagRows = rows.length
    ? await db
        .select({ articleId: articleTags.articleId, slug: tags.slug, name: tags.name })
        .from(articleTags)
        .innerJoin(tags, eq(tags.id, articleTags.tagId))
        .where(
          inArray(
            articleTags.articleId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(asc(articleTags.position))
    : [];
  return rows.map((row) => ({
    ...toTeaser(row),
    author: { slug: row.authorSlug, name: row.authorName, byline: row.authorByline },
    updatedAt: row.updatedAt,
    tags: tagRows.filter((t) => t.articleId === row.id).map(({ slug, name }) => ({ slug, name })),
  }));
}

const VIETNAM_OFFSET_MS = 7 * 3600_000;

/**
 * Months (Vietnam time) that have published articles, newest first, with their
 * last change. Finished months come from article_months (kept by triggers,
 * migrations/0016): aggregating 250,000 articles took 0.4 s. The month under
 * way is read from its articles, because article_months also counts pieces
 * scheduled for later in it.
 */
export async function listArticleMonths(db: Database, now: Date): Promise<{ month: string; lastmod: Date | null }[]> {
  const local = new Date(now.getTime() + VIETNAM_OFFSET_MS);
  const current = local.toISOString().slice(0, 7);
  const currentStart = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - VIETNAM_OFFSET_MS);
  const [done, [running]] = await Promise.all([
    db
      .select({ month: articleMonths.month, lastmod: articleMonths.lastmod })
      .from(articleMonths)
      .where(lt(articleMonths.month, current))
      .orderBy(desc(articleMonths.month)),
    db
      .select({ lastmod: lastChange })
      .from(articles)
      .where(and(isPublished(now), gte(articles.publishedAt, currentStart))),
  ]);
  const months = done.map((r) => ({ month: r.month, lastmod: toDate(r.lastmod) }));
  return running?.lastmod == null ? months : [{ month: current, lastmod: toDate(running.lastmod) }, ...months];
}

/**
 * The newest change among published articles in visible sections (what the
 * sections' own lastmods add up to), or among those with a tag: the sitemap
 * index's dates for pages.xml and tags.xml. The newest publication and the
 * newest edit, each the first row of an index walk (not an aggregate).
 */
export async function newestArticleChange(db: Database, now: Date, of: "sections" | "tags"): Promise<Date | null> {
  const where =
    of === "sections"
      ? sql`+a.section_id in (select ${sections.id} from ${sections} where ${sections.hidden} = 0)`
      : sql`exists (select 1 from ${articleTags} t where t.article_id = a.id)`;
  // "+published_at" in the second: the walk is down (status, updated_at), not the published index.
  const [row] = await db.all<{ at: number | null }>(sql`select max(
      (select a.published_at from ${articles} a where a.status = 'published' and a.published_at <= ${now.getTime()}
        and ${where} order by a.published_at desc limit 1),
      (select a.updated_at from ${articles} a where a.status = 'published' and +a.published_at <= ${now.getTime()}
        and ${where} order by a.updated_at desc limit 1)) as at`);
  return toDate(row?.at ?? null);
}

/** What a sitemap needs of an article, and the newest first order both article sitemaps use. */
const locationFields = {
  id: articles.id,
  slug: articles.slug,
  sectionSlug: sections.slug,
  publishedAt: articles.publishedAt,
  lastmod: changedAt,
};
const newestFirst = [desc(articles.publishedAt), desc(articles.id)];

function toLocation(r: {
  id: number;
  slug: string;
  sectionSlug: string;
  publishedAt: Date | null;
  lastmod: number;
}): ArticleLocation {
  return {
    id: r.id,
    slug: r.slug,
    section: { slug: r.sectionSlug },
    publishedAt: r.publishedAt ?? new Date(0),
    lastmod: new Date(r.lastmod),
  };
}

/** Published articles with publication time in [start, end), newest first. */
export async function listArticlesBetween(
  db: Database,
  now: Date,
  start: Date,
  end: Date,
  limit = 50_000,
): Promise<ArticleLocation[]> {
  const rows = await db
    .select(locationFields)
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(and(isPublished(now), gte(articles.publishedAt, start), lt(articles.publishedAt, end)))
    .orderBy(...newestFirst)
    .limit(limit);
  return rows.map(toLocation);
}

/** Google News: articles published since `since` (at most 1,000, its limit), with their titles. */
export async function listNewsSince(db: Database, now: Date, since: Date): Promise<NewsLocation[]> {
  const rows = await db
    .select({ ...locationFields, kicker: articles.kicker, headline: articles.headline })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(and(isPublished(now), gte(articles.publishedAt, since)))
    .orderBy(...newestFirst)
    .limit(1000);
  return rows.map((r) => ({ ...toLocation(r), title: fullHeadline(r) }));
}

/**
 * The newest change among one section's or author's published articles: the
 * newest publication, from its (…, status, published_at) index, or the newest
 * edit, from its (…, updated_at) index, each the first due row of a walk. An
 * aggregate over their articles took 0.3 s (sections) and 0.2 s (authors) at 250,000.
 */
function newestChangeOf(column: "section_id" | "author_id", owner: SQL, now: Date) {
  const by = sql.raw(`a.${column}`);
  return sql<number | null>`max(
    (select a.published_at from ${articles} a where ${by} = ${owner} and a.status = 'published'
      and a.published_at <= ${now.getTime()} order by a.published_at desc limit 1),
    (select a.updated_at from ${articles} a where ${by} = ${owner} and +a.status = 'published'
      and +a.published_at <= ${now.getTime()} order by a.updated_at desc limit 1))`;
}

/** Sections, authors and tags that have published articles, with their newest change. */
export async function listSectionLastmods(db: Database, now: Date): Promise<{ slug: string; lastmod: Date | null }[]> {
  const rows = await db
    .select({ slug: sections.slug, lastmod: newestChangeOf("section_id", sql`${sections.id}`, now) })
    .from(sections)
    .where(eq(sections.hidden, false))
    .orderBy(asc(sections.position), asc(sections.id));
  return rows.map((r) => ({ slug: r.slug, lastmod: toDate(r.lastmod) }));
}

export async function listAuthorLastmods(db: Database, now: Date): Promise<{ slug: string; lastmod: Date | null }[]> {
  const lastmod = newestChangeOf("author_id", sql`${authors.id}`, now);
  const rows = await db
    .select({ slug: sql<string>`slug`, lastmod: sql<number>`lastmod` })
    .from(sql`(select ${authors.slug} as slug, ${lastmod} as lastmod from ${authors}) x`)
    .where(sql`lastmod is not null`)
    .orderBy(sql`slug`);
  return rows.map((r) => ({ slug: r.slug, lastmod: toDate(r.lastmod) }));
}

/**
 * Tags with published articles, last changed first. Each tag's newest change is
 * the first due row of a walk down article_tags (tag_id, changed_at), a copy of
 * its articles' change times kept by triggers: the aggregate over 750,000 tag
 * rows took 1 s.
 */
export async function listTagLastmods(
  db: Database,
  now: Date,
  limit = 50_000,
): Promise<{ slug: string; lastmod: Date | null }[]> {
  const lastmod = sql`(select t.changed_at from ${articleTags} t join ${articles} a on a.id = t.article_id
     where t.tag_id = ${tags.id} and +a.status = 'published' and a.published_at <= ${now.getTime()}
     order by t.changed_at desc limit 1)`;
  const rows = await db
    .select({ slug: sql<string>`slug`, lastmod: sql<number>`lastmod` })
    .from(sql`(select ${tags.slug} as slug, ${lastmod} as lastmod from ${tags}) x`)
    .where(sql`lastmod is not null`)
    .orderBy(sql`lastmod desc`)
    .limit(limit);
  return rows.map((r) => ({ slug: r.slug, lastmod: toDate(r.lastmod) }));
}
