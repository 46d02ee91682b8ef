// Writes of articles. Every write validates the body and lands as one D1
// batch (a transaction): the article, its tags, a revision, the audit entry
// and the cache version bumps of every page that shows it, all or nothing.
import { eq, inArray, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import {
  articleNotFoundError,
  correctionNeedsPublishedError,
  missingImagesError,
  missingRelatedError,
  missingSocialImageError,
  selfRelatedError,
  slugTakenError,
  unknownAuthorError,
  validateArticle,
  validateCorrection,
} from "../content/article-rules";
import { type BodyBlock, figureImageIds, relatedArticleIds } from "../content/blocks";
import type { ArticleStatus } from "../model/statuses";
import { indexForSearch, removeFromSearch, type SearchDocument } from "../search/index-writes";
import { formatDate, formatTime } from "../vi/dates";
import { existingArticleIds } from "./articles";
import { type AuditAction, auditEntry } from "./audit";
import type { Database } from "./client";
import { articleCorrections, articleRevisions, articles, articleTags, authors, images, tags } from "./schema";
import { writeContent } from "./versions";

export interface ArticleInput {
  sectionId: number;
  authorId: number;
  kicker?: string | null;
  headline: string;
  /** Empty: made from the headline (and made unique). Given: must be free. */
  slug?: string;
  lead: string;
  body: unknown;
  status: ArticleStatus;
  publishedAt?: Date | null;
  heroImageId?: number | null;
  tags?: string[];
  /** Share and search, optional: shown instead of the headline and lead, when set. */
  seoTitle?: string | null;
  seoDescription?: string | null;
  /** The share card's photo instead of the hero, when set. */
  socialImageId?: number | null;
  /**
   * The editor typed the publish time (a past one, or a schedule): a change of
   * it is written to the audit log as "article.publish_time", old -> new.
   */
  publishTimeChosen?: boolean;
  /** Marked "Thay đổi quan trọng": readers see "Cập nhật" with this save's time. Updates only. */
  significantUpdate?: boolean;
}

/** Who is writing, for revisions and the audit log. */
export interface WriteContext {
  userId?: number | null;
  /**
   * More statements for the same batch, given the article's id (SQL for a new
   * one): the importer's mapping row and old addresses land with the article
   * or not at all.
   */
  extra?: (articleId: number | SQL) => SQLWrapper[];
}

/** Someone else saved the article since this editor opened it. */
export class EditConflictError extends Error {
  constructor(readonly currentVersion: number) {
    super(
      "Bài viết vừa được người khác lưu trong lúc bạn sửa. Hãy mở lại bài để xem bản mới nhất rồi sửa tiếp; nội dung bạn nhập vẫn được giữ bên dưới.",
    );
    this.name = "EditConflictError";
  }
}

/** What a revision keeps: the article's editable fields as saved. */
export interface ArticleSnapshot {
  sectionId: number;
  authorId: number;
  kicker: string | null;
  headline: string;
  slug: string;
  lead: string;
  body: BodyBlock[];
  status: ArticleStatus;
  publishedAt: number | null;
  heroImageId: number | null;
  tags: string[];
  /** Absent in revisions saved before the share fields existed. */
  seoTitle?: string | null;
  seoDescription?: string | null;
  socialImageId?: number | null;
}

interface CheckedArticle {
  row: typeof articles.$inferInsert & { slug: string };
  tags: { slug: string; name: string }[];
  snapshot: ArticleSnapshot;
  search: SearchDocument;
}

async function checkArticle(db: Database, input: ArticleInput, id: number | null): Promise<CheckedArticle> {
  const valid = validateArticle(input);
  const { headline, lead, body, kicker, tags: tagList, seoTitle, seoDescription } = valid;
  const slug = await uniqueSlug(db, valid.slug, valid.slugTyped, id);

  const imageIds = [...new Set([...figureImageIds(body), ...(input.heroImageId ? [input.heroImageId] : [])])];
  if (imageIds.length) {
    const found = await db.select({ id: images.id }).from(images).where(inArray(images.id, imageIds));
    const missing = imageIds.filter((i) => !found.some((f) => f.id === i));
    if (missing.length) throw missingImagesError(missing);
  }
  const relatedIds = relatedArticleIds(body);
  if (id !== null && relatedIds.includes(id)) throw selfRelatedError();
  const relatedFound = await existingArticleIds(db, relatedIds);
  const relatedMissing = relatedIds.filter((i) => !relatedFound.has(i));
  if (relatedMissing.length) throw missingRelatedError(relatedMissing);
  const socialImageId = input.socialImageId ?? null;
  if (socialImageId !== null) {
    const [found] = await db.select({ id: images.id }).from(images).where(eq(images.id, socialImageId)).limit(1);
    if (!found) throw missingSocialImageError(socialImageId);
  }
  const [author] = await db
    .select({ byline: authors.byline, name: authors.name })
    .from(authors)
    .where(eq(authors.id, input.authorId))
    .limit(1);
  if (!author) throw unknownAuthorError();
  const row = {
    sectionId: input.sectionId,
    authorId: input.authorId,
    kicker,
    headline,
    slug,
    lead,
    body: JSON.stringify(body),
    status: input.status,
    heroImageId: input.heroImageId ?? null,
    publishedAt: input.publishedAt ?? null,
    seoTitle,
    seoDescription,
    socialImageId,
  };
  return {
    row,
    tags: tagList,
    snapshot: { ...row, body, publishedAt: row.publishedAt?.getTime() ?? null, tags: tagList.map((t) => t.name) },
    search: {
      headline,
      kicker,
      lead,
      body,
      tags: tagList.map((t) => t.name),
      author: `${author.byline} ${author.name}`,
    },
  };
}

/** A slug the editor typed must be free; one made from the headline gets -2, -3… if taken. */
async function uniqueSlug(db: Database, wanted: string, typed: boolean, id: number | null): Promise<string> {
  const taken = new Set(
    (
      await db
        .select({ slug: articles.slug, id: articles.id })
        .from(articles)
        // Prefix range instead of LIKE: D1 refuses long LIKE patterns, and the range uses the index.
        .where(
          sql`${articles.slug} = ${wanted} or (${articles.slug} >= ${`${wanted}-`} and ${articles.slug} < ${`${wanted}.`})`,
        )
    )
      .filter((r) => r.id !== id)
      .map((r) => r.slug),
  );
  if (!taken.has(wanted)) return wanted;
  if (typed) throw slugTakenError(wanted);
  for (let n = 2; ; n++) if (!taken.has(`${wanted}-${n}`)) return `${wanted}-${n}`;
}

function tagStatements(db: Database, articleId: number | SQL, list: { slug: string; name: string }[]): SQLWrapper[] {
  return [
    ...list.map((t) => db.insert(tags).values(t).onConflictDoNothing({ target: tags.slug })),
    ...list.map(
      (t, position) => sql`
      insert into ${articleTags} (article_id, tag_id, position)
      select ${articleId}, id, ${position} from ${tags} where slug = ${t.slug}`,
    ),
  ];
}

/**
 * "article:12" for the audit log. A JS number is bound as a REAL by D1, so
 * `'article:' || ?` would give "article:12.0": a known id is formatted here,
 * only the id of a row inserted in the same batch is concatenated in SQL.
 */
const auditTarget = (target: number | SQL): SQL =>
  typeof target === "number" ? sql`${`article:${target}`}` : sql`'article:' || ${target}`;

function statusAudit(
  ctx: WriteContext,
  before: ArticleStatus | null,
  after: ArticleStatus,
  target: number | SQL,
): SQLWrapper[] {
  if (before === after) return [];
  const action: AuditAction | null =
    after === "published"
      ? "article.publish"
      : after === "scheduled"
        ? "article.schedule"
        : before === "published"
          ? "article.unpublish"
          : null;
  if (!action) return [];
  return [
    sql`insert into audit_log (user_id, action, target) values (${ctx.userId ?? null}, ${action}, ${auditTarget(target)})`,
  ];
}

/** "27/11/2026 14:05" in Vietnam time, or "chưa có" for no time; for the audit log. */
const auditTime = (at: Date | null | undefined) => (at ? `${formatDate(at)} ${formatTime(at)}` : "chưa có");

/** The audit entry of a publish time the editor changed, naming the old and the new time. */
function publishTimeAudit(
  ctx: WriteContext,
  input: ArticleInput,
  before: Date | null,
  target: number | SQL,
): SQLWrapper[] {
  const after = input.publishedAt ?? null;
  if (!input.publishTimeChosen || !after || after.getTime() === before?.getTime()) return [];
  const detail = `${auditTime(before)} -> ${auditTime(after)}`;
  return [
    sql`insert into audit_log (user_id, action, target, detail) values (${ctx.userId ?? null}, ${"article.publish_time" satisfies AuditAction}, ${auditTarget(target)}, ${detail})`,
  ];
}

export async function createArticle(db: Database, input: ArticleInput, ctx: WriteContext = {}): Promise<number> {
  const checked = await checkArticle(db, input, null);
  // AUTOINCREMENT ids only grow and a batch is one transaction, so max(id)
  // after the insert is the new article.
  const newId = sql`(select max(id) from ${articles})`;
  const [inserted] = await writeContent(
    db,
    [
      db
        .insert(articles)
        .values({ ...checked.row, createdBy: ctx.userId ?? null })
        .returning({ id: articles.id }),
      ...tagStatements(db, newId, checked.tags),
      sql`insert into ${articleRevisions} (article_id, version, saved_by, snapshot) values (${newId}, 1, ${ctx.userId ?? null}, ${JSON.stringify(checked.snapshot)})`,
      ...statusAudit(ctx, null, checked.row.status!, newId),
      ...publishTimeAudit(ctx, input, null, newId),
      ...indexForSearch(newId, checked.search),
      ...(ctx.extra?.(newId) ?? []),
    ],
    [{ article: newId }],
  );
  const id = (inserted?.results[0] as { id: number } | undefined)?.id;
  if (id === undefined) throw new Error("article insert returned no id");
  return id;
}

/**
 * Saves a new version of an article. `expectedVersion` is the version the
 * editor opened; if someone saved since, nothing is written and
 * EditConflictError says so. Pages showing the old and new version both miss.
 */
export async function updateArticle(
  db: Database,
  id: number,
  input: ArticleInput,
  ctx: WriteContext & { expectedVersion?: number } = {},
): Promise<number> {
  const [current] = await db
    .select({ version: articles.version, status: articles.status, publishedAt: articles.publishedAt })
    .from(articles)
    .where(eq(articles.id, id))
    .limit(1);
  if (!current) throw articleNotFoundError();
  const expected = ctx.expectedVersion ?? current.version;
  if (expected !== current.version) throw new EditConflictError(current.version);
  const checked = await checkArticle(db, input, id);
  const next = expected + 1;
  const savedAt = new Date();
  // Only a published article can be updated for readers; the form refuses the mark elsewhere.
  const significant = input.significantUpdate === true && checked.row.status === "published";
  try {
    await writeContent(
      db,
      [
        // The guard: version is NULL (a NOT NULL violation that rolls back the
        // whole batch) unless the article is still at the version we read.
        sql`insert into ${articleRevisions} (article_id, version, saved_by, snapshot)
          values (${id}, (select case when version = ${expected} then ${next} end from ${articles} where id = ${id}), ${ctx.userId ?? null}, ${JSON.stringify(checked.snapshot)})`,
        db
          .update(articles)
          .set({
            ...checked.row,
            version: next,
            updatedAt: savedAt,
            ...(significant ? { significantUpdateAt: savedAt } : {}),
          })
          .where(eq(articles.id, id)),
        db.delete(articleTags).where(eq(articleTags.articleId, id)),
        ...tagStatements(db, id, checked.tags),
        ...statusAudit(ctx, current.status, checked.row.status!, id),
        ...publishTimeAudit(ctx, input, current.publishedAt, id),
        ...indexForSearch(id, checked.search),
        ...(ctx.extra?.(id) ?? []),
      ],
      [{ article: id }],
    );
  } catch (err) {
    const [now] = await db.select({ version: articles.version }).from(articles).where(eq(articles.id, id)).limit(1);
    if (now && now.version !== expected) throw new EditConflictError(now.version);
    throw err;
  }
  return next;
}

/**
 * Adds a correction note ("Đính chính") to a published article, dated now.
 * Throws InvalidArticleError for an empty or too long text, or an article
 * that is not published. The article's page misses at once; the article
 * itself (and its version, so nobody's open form goes stale) is unchanged.
 */
export async function addCorrection(
  db: Database,
  articleId: number,
  rawText: string,
  ctx: WriteContext & { now?: Date } = {},
): Promise<void> {
  const text = validateCorrection(rawText);
  const [current] = await db
    .select({ status: articles.status })
    .from(articles)
    .where(eq(articles.id, articleId))
    .limit(1);
  if (!current) throw articleNotFoundError();
  if (current.status !== "published") throw correctionNeedsPublishedError();
  const at = ctx.now ?? new Date();
  await writeContent(
    db,
    [
      db.insert(articleCorrections).values({ articleId, text, createdAt: at, createdBy: ctx.userId ?? null }),
      auditEntry(db, {
        userId: ctx.userId ?? null,
        action: "article.correct",
        target: `article:${articleId}`,
        detail: text.slice(0, 200),
      }),
    ],
    [{ article: articleId }],
  );
}

/** Publishes scheduled articles whose time has come; returns their ids. */
export async function publishDueArticles(db: Database, now: Date): Promise<number[]> {
  const due = await db
    .select({ id: articles.id })
    .from(articles)
    .where(sql`${articles.status} = 'scheduled' and ${articles.publishedAt} <= ${now.getTime()}`);
  for (const { id } of due) {
    await writeContent(
      db,
      [
        db
          .update(articles)
          .set({ status: "published", updatedAt: now, version: sql`${articles.version} + 1` })
          .where(sql`${articles.id} = ${id} and ${articles.status} = 'scheduled'`),
        auditEntry(db, { userId: null, action: "article.publish", target: `article:${id}`, detail: "Đăng theo lịch" }),
      ],
      [{ article: id }],
      now.getTime(),
    );
  }
  return due.map((d) => d.id);
}

export async function deleteArticle(db: Database, id: number, ctx: WriteContext = {}): Promise<void> {
  await writeContent(
    db,
    [
      db.delete(articleTags).where(eq(articleTags.articleId, id)),
      db.delete(articleRevisions).where(eq(articleRevisions.articleId, id)),
      db.delete(articleCorrections).where(eq(articleCorrections.articleId, id)),
      db.delete(articles).where(eq(articles.id, id)),
      ...removeFromSearch(id),
      auditEntry(db, { userId: ctx.userId ?? null, action: "article.delete", target: `article:${id}` }),
    ],
    [{ article: id }],
  );
}
