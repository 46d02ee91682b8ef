// Writes of articles. Every write validates the body and lands as one D1
// batch (a transaction): the article, its tags and the cache version bumps
// of every page that shows it, all or nothing.
import { eq, inArray, sql, type SQLWrapper } from "drizzle-orm";
import { figureImageIds, parseBody, type BodyBlock } from "../content/blocks";
import { bumpArticle, versionsChanged } from "../edge/versions";
import { nfc } from "../vi/normalize";
import { slugify } from "../vi/slug";
import { runBatch } from "./batch";
import type { Database } from "./client";
import { articles, articleTags, images, tags, type ArticleStatus } from "./schema";

export interface ArticleInput {
  sectionId: number;
  authorId: number;
  kicker?: string | null;
  headline: string;
  slug?: string;
  lead: string;
  body: unknown;
  status: ArticleStatus;
  publishedAt?: Date | null;
  heroImageId?: number | null;
  tags?: string[];
}

export class InvalidArticleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidArticleError";
  }
}

function requiredText(value: string, label: string, max: number): string {
  const text = nfc(value).trim();
  if (!text) throw new InvalidArticleError(`${label} không được để trống`);
  if (text.length > max) throw new InvalidArticleError(`${label} tối đa ${max} ký tự`);
  return text;
}

interface CheckedArticle {
  row: typeof articles.$inferInsert;
  tags: { slug: string; name: string }[];
}

async function checkArticle(db: Database, input: ArticleInput): Promise<CheckedArticle> {
  const body: BodyBlock[] = parseBody(input.body);
  const headline = requiredText(input.headline, "Tiêu đề", 300);
  const lead = requiredText(input.lead, "Sapo", 1000);
  const kicker = input.kicker ? nfc(input.kicker).trim() || null : null;
  const slug = slugify(input.slug || headline);
  if (!slug) throw new InvalidArticleError("Không tạo được đường dẫn từ tiêu đề");
  if (input.status === "published" && !input.publishedAt) throw new InvalidArticleError("Bài đã đăng cần có thời điểm đăng");

  const imageIds = [...new Set([...figureImageIds(body), ...(input.heroImageId ? [input.heroImageId] : [])])];
  if (imageIds.length) {
    const found = await db.select({ id: images.id }).from(images).where(inArray(images.id, imageIds));
    const missing = imageIds.filter((id) => !found.some((f) => f.id === id));
    if (missing.length) throw new InvalidArticleError(`Ảnh không tồn tại: ${missing.join(", ")}`);
  }
  return {
    row: {
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
    },
    tags: uniqueTags(input.tags ?? []),
  };
}

function uniqueTags(names: string[]): { slug: string; name: string }[] {
  const bySlug = new Map<string, string>();
  for (const raw of names) {
    const name = nfc(raw).trim();
    const slug = slugify(name);
    if (name && slug && !bySlug.has(slug)) bySlug.set(slug, name);
  }
  return [...bySlug].map(([slug, name]) => ({ slug, name }));
}

function tagStatements(db: Database, articleId: number | ReturnType<typeof sql>, list: { slug: string; name: string }[]): SQLWrapper[] {
  return [
    ...list.map((t) => db.insert(tags).values(t).onConflictDoNothing({ target: tags.slug })),
    ...list.map((t, position) => sql`
      insert into ${articleTags} (article_id, tag_id, position)
      select ${articleId}, id, ${position} from ${tags} where slug = ${t.slug}`),
  ];
}

export async function createArticle(db: Database, input: ArticleInput): Promise<number> {
  const checked = await checkArticle(db, input);
  // AUTOINCREMENT ids only grow and a batch is one transaction, so max(id)
  // after the insert is the new article.
  const newId = sql`(select max(id) from ${articles})`;
  const [inserted] = await runBatch(db, [
    db.insert(articles).values(checked.row).returning({ id: articles.id }),
    ...tagStatements(db, newId, checked.tags),
    ...bumpArticle(newId),
  ]);
  versionsChanged();
  const id = (inserted?.results[0] as { id: number } | undefined)?.id;
  if (id === undefined) throw new Error("article insert returned no id");
  return id;
}

/** Replaces an article's fields and tags; pages showing the old and the new version both miss. */
export async function updateArticle(db: Database, id: number, input: ArticleInput): Promise<void> {
  const [existing] = await db.select({ id: articles.id }).from(articles).where(eq(articles.id, id)).limit(1);
  if (!existing) throw new InvalidArticleError("Bài viết không tồn tại");
  const checked = await checkArticle(db, input);
  await runBatch(db, [
    ...bumpArticle(id),
    db.update(articles).set({ ...checked.row, updatedAt: new Date() }).where(eq(articles.id, id)),
    db.delete(articleTags).where(eq(articleTags.articleId, id)),
    ...tagStatements(db, id, checked.tags),
    ...bumpArticle(id),
  ]);
  versionsChanged();
}

export async function setArticleStatus(db: Database, id: number, status: ArticleStatus, publishedAt?: Date): Promise<void> {
  await runBatch(db, [
    db.update(articles).set({ status, updatedAt: new Date(), ...(publishedAt ? { publishedAt } : {}) }).where(eq(articles.id, id)),
    ...bumpArticle(id),
  ]);
  versionsChanged();
}
