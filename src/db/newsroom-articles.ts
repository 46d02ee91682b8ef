// The newsroom's view of articles: every status, with who made them.

import { and, asc, count, desc, eq, or, type SQL, sql } from "drizzle-orm";
import type { NewsroomFilter, NewsroomRow } from "../model/newsroom";
import type { Article } from "../model/records";
import type { Database } from "./client";
import { articleCorrections, articleRevisions, articles, articleTags, authors, sections, tags } from "./schema";

function where(filter: NewsroomFilter): SQL | undefined {
  const conditions: SQL[] = [];
  if (filter.status) conditions.push(eq(articles.status, filter.status));
  if (filter.sectionId) conditions.push(eq(articles.sectionId, filter.sectionId));
  if (filter.authorId) conditions.push(eq(articles.authorId, filter.authorId));
  if (filter.visibleTo !== undefined)
    conditions.push(or(eq(articles.status, "published"), eq(articles.createdBy, filter.visibleTo))!);
  // instr, not LIKE: D1 refuses LIKE patterns over 50 bytes (a pasted headline is longer). Case as LIKE: ASCII only.
  if (filter.q) conditions.push(sql`instr(lower(${articles.headline}), lower(${filter.q})) > 0`);
  return conditions.length ? and(...conditions) : undefined;
}

export async function listNewsroomArticles(
  db: Database,
  filter: NewsroomFilter,
  limit: number,
  offset: number,
): Promise<{ rows: NewsroomRow[]; total: number }> {
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: articles.id,
        headline: articles.headline,
        status: articles.status,
        sectionName: sections.name,
        authorName: authors.byline,
        updatedAt: articles.updatedAt,
        publishedAt: articles.publishedAt,
        createdBy: articles.createdBy,
      })
      .from(articles)
      .innerJoin(sections, eq(sections.id, articles.sectionId))
      .innerJoin(authors, eq(authors.id, articles.authorId))
      .where(where(filter))
      .orderBy(desc(articles.updatedAt), desc(articles.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(articles).where(where(filter)),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function getArticleForEdit(
  db: Database,
  id: number,
): Promise<{ article: Article; tags: string[] } | null> {
  const [[article], tagRows] = await Promise.all([
    db.select().from(articles).where(eq(articles.id, id)).limit(1),
    db
      .select({ name: tags.name })
      .from(articleTags)
      .innerJoin(tags, eq(tags.id, articleTags.tagId))
      .where(eq(articleTags.articleId, id))
      .orderBy(asc(articleTags.position)),
  ]);
  return article ? { article, tags: tagRows.map((t) => t.name) } : null;
}

export function listRevisions(db: Database, articleId: number) {
  return db
    .select({
      id: articleRevisions.id,
      version: articleRevisions.version,
      savedAt: articleRevisions.savedAt,
      savedBy: articleRevisions.savedBy,
    })
    .from(articleRevisions)
    .where(eq(articleRevisions.articleId, articleId))
    .orderBy(desc(articleRevisions.version));
}

export async function getRevision(db: Database, articleId: number, revisionId: number) {
  const [row] = await db
    .select()
    .from(articleRevisions)
    .where(and(eq(articleRevisions.articleId, articleId), eq(articleRevisions.id, revisionId)))
    .limit(1);
  return row ?? null;
}

export function listAuthors(db: Database) {
  return db
    .select({ id: authors.id, slug: authors.slug, name: authors.name, byline: authors.byline })
    .from(authors)
    .orderBy(authors.name);
}

/** Articles whose hero, share card or body uses an image (for refusing its deletion). */
export function articlesUsingImage(db: Database, imageId: number) {
  return db
    .select({ id: articles.id, headline: articles.headline })
    .from(articles)
    .where(sql`
    ${articles.heroImageId} = ${imageId} or ${articles.socialImageId} = ${imageId} or exists (
      select 1 from json_each(${articles.body}) b
       where json_extract(b.value, '$.type') in ('figure', 'video') and json_extract(b.value, '$.imageId') = ${imageId})`);
}

/** An article's corrections, oldest first, for the newsroom. */
export function listCorrections(db: Database, articleId: number) {
  return db
    .select({ id: articleCorrections.id, text: articleCorrections.text, createdAt: articleCorrections.createdAt })
    .from(articleCorrections)
    .where(eq(articleCorrections.articleId, articleId))
    .orderBy(asc(articleCorrections.createdAt), asc(articleCorrections.id));
}
