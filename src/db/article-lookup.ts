// Published articles found by headline, for the newsroom's "Xem thêm" picker
// (GET /admin/bai-viet/tim.json): a few rows, newest first.
import { and, desc, eq, lte, type SQL, sql } from "drizzle-orm";
import type { Database } from "./client";
import { articles, sections } from "./schema";

export interface ArticleLookupRow {
  id: number;
  headline: string;
  slug: string;
  sectionSlug: string;
  publishedAt: Date | null;
}

const columns = {
  id: articles.id,
  headline: articles.headline,
  slug: articles.slug,
  sectionSlug: sections.slug,
  publishedAt: articles.publishedAt,
};

const published = (now: Date): SQL => and(eq(articles.status, "published"), lte(articles.publishedAt, now)) as SQL;

/**
 * Published articles whose headline holds `q` (case-folded as SQLite's
 * lower() does: ASCII only) or whose slug holds `slugQ` (the query without
 * diacritics, as slugs are written, so "cau rong" finds "Cầu Rồng").
 * instr, not LIKE: D1 refuses LIKE patterns over 50 bytes.
 */
export function findPublishedArticles(
  db: Database,
  q: string,
  slugQ: string,
  now: Date,
  limit: number,
): Promise<ArticleLookupRow[]> {
  const match = slugQ
    ? sql`(instr(lower(${articles.headline}), lower(${q})) > 0 or instr(${articles.slug}, ${slugQ}) > 0)`
    : sql`instr(lower(${articles.headline}), lower(${q})) > 0`;
  return db
    .select(columns)
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(and(published(now), match))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit);
}

/** One published article by id, or undefined. */
export async function findPublishedArticle(db: Database, id: number, now: Date): Promise<ArticleLookupRow | undefined> {
  const [row] = await db
    .select(columns)
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(and(published(now), eq(articles.id, id)))
    .limit(1);
  return row;
}
