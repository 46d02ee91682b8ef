// The one source of truth for the database. drizzle-kit generates the SQL in
// migrations/ from this file; wrangler applies it.
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const ARTICLE_STATUSES = ["draft", "review", "scheduled", "published", "archived"] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

const now = sql`(unixepoch('subsec') * 1000)`;

export const sections = sqliteTable("sections", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  description: text("description").notNull().default(""),
  position: integer("position").notNull().default(0),
}, (t) => [index("sections_position_idx").on(t.position)]);

export const authors = sqliteTable("authors", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  /** The name as printed under an article (a pen name may differ from the real name). */
  byline: text("byline").notNull(),
  bio: text("bio").notNull().default(""),
});

export const images = sqliteTable("images", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  r2Key: text("r2_key").notNull().unique(),
  width: integer("width").notNull(),
  height: integer("height").notNull(),
  mime: text("mime").notNull(),
  bytes: integer("bytes").notNull(),
  alt: text("alt").notNull(),
  caption: text("caption").notNull().default(""),
  credit: text("credit").notNull().default(""),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
});

export const articles = sqliteTable("articles", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  sectionId: integer("section_id").notNull().references(() => sections.id),
  authorId: integer("author_id").notNull().references(() => authors.id),
  kicker: text("kicker"),
  headline: text("headline").notNull(),
  slug: text("slug").notNull(),
  lead: text("lead").notNull(),
  /** JSON array of typed body blocks, validated by src/content/blocks.ts on every write. */
  body: text("body").notNull(),
  status: text("status", { enum: ARTICLE_STATUSES }).notNull().default("draft"),
  heroImageId: integer("hero_image_id").references(() => images.id),
  publishedAt: integer("published_at", { mode: "timestamp_ms" }),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull().default(now),
}, (t) => [
  // Home and feeds: newest published first.
  index("articles_status_published_idx").on(t.status, t.publishedAt),
  // Section pages.
  index("articles_section_status_published_idx").on(t.sectionId, t.status, t.publishedAt),
  // Author pages.
  index("articles_author_status_published_idx").on(t.authorId, t.status, t.publishedAt),
]);

export const tags = sqliteTable("tags", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
});

export const articleTags = sqliteTable("article_tags", {
  articleId: integer("article_id").notNull().references(() => articles.id, { onDelete: "cascade" }),
  tagId: integer("tag_id").notNull().references(() => tags.id, { onDelete: "cascade" }),
  position: integer("position").notNull().default(0),
}, (t) => [
  primaryKey({ columns: [t.articleId, t.tagId] }),
  // Tag pages and related articles go from tag to articles.
  index("article_tags_tag_idx").on(t.tagId, t.articleId),
]);

export type Section = typeof sections.$inferSelect;
export type Author = typeof authors.$inferSelect;
export type Image = typeof images.$inferSelect;
export type Article = typeof articles.$inferSelect;
export type Tag = typeof tags.$inferSelect;

/**
 * Content versions for edge cache keys (see docs/caching.md). A scope is what
 * a page shows ("home", "article:12", "section:3", "tag:5", "author:2",
 * "global"); its stamp only grows, and every write that changes what a scope
 * shows gives it a stamp newer than any other.
 */
export const cacheVersions = sqliteTable("cache_versions", {
  scope: text("scope").primaryKey(),
  stamp: integer("stamp").notNull(),
});
