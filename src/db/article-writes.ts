// Writes of articles. Every write validates the body and lands as one D1
// batch (a transaction): an article is never stored without its tags.
import { eq, inArray, sql } from "drizzle-orm";
import { figureImageIds, parseBody } from "../content/blocks";
import { nfc } from "../vi/normalize";
import { slugify } from "../vi/slug";
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

export async function createArticle(db: Database, input: ArticleInput): Promise<number> {
  const body = parseBody(input.body);
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

  const tagList = uniqueTags(input.tags ?? []);
  const insertArticle = db.insert(articles).values({
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
  }).returning({ id: articles.id });
  const [inserted] = await db.batch([
    insertArticle,
    ...tagList.map((t) => db.insert(tags).values(t).onConflictDoNothing({ target: tags.slug })),
    // AUTOINCREMENT ids only grow and a batch is one transaction, so
    // max(id) here is the article inserted above.
    ...tagList.map((t, position) => db.insert(articleTags).select(
      db.select({
        articleId: sql<number>`(select max(${articles.id}) from ${articles})`.as("article_id"),
        tagId: tags.id,
        position: sql<number>`${position}`.as("position"),
      }).from(tags).where(eq(tags.slug, t.slug)),
    )),
  ]);
  const id = inserted[0]?.id;
  if (id === undefined) throw new Error("article insert returned no id");
  return id;
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

export async function setArticleStatus(db: Database, id: number, status: ArticleStatus, publishedAt?: Date): Promise<void> {
  await db.update(articles)
    .set({ status, updatedAt: new Date(), ...(publishedAt ? { publishedAt } : {}) })
    .where(eq(articles.id, id));
}
