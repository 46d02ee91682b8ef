// The one source of truth for the database. drizzle-kit generates the SQL in
// migrations/ from this file; wrangler applies it.
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type * as Records from "../model/records";
import {
  ARTICLE_STATUSES,
  COMMENT_STATUSES,
  LEGACY_TARGETS,
  POLL_PLACEMENTS,
  STATIC_PAGE_STATUSES,
  USER_ROLES,
} from "../model/statuses";

const now = sql`(unixepoch('subsec') * 1000)`;

export const sections = sqliteTable(
  "sections",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    position: integer("position").notNull().default(0),
    /** Menus: whether the section is a link in the header and in the footer. */
    inHeader: integer("in_header", { mode: "boolean" }).notNull().default(true),
    inFooter: integer("in_footer", { mode: "boolean" }).notNull().default(true),
    /** Hidden: out of the menus, the home page and the sitemap's section list; its pages and articles still answer. */
    hidden: integer("hidden", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [index("sections_position_idx").on(t.position)],
);

/** A section's former slugs: /{oldSlug}/… answers 301 to the section's address now. */
export const sectionSlugRedirects = sqliteTable(
  "section_slug_redirects",
  {
    oldSlug: text("old_slug").primaryKey(),
    sectionId: integer("section_id")
      .notNull()
      .references(() => sections.id, { onDelete: "cascade" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
  },
  (t) => [index("section_slug_redirects_section_idx").on(t.sectionId)],
);

export const authors = sqliteTable("authors", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  /** The name as printed under an article (a pen name may differ from the real name). */
  byline: text("byline").notNull(),
  bio: text("bio").notNull().default(""),
  /** A photo from the library for the author's page (no foreign key: deleting the photo leaves the page without it). */
  photoImageId: integer("photo_image_id"),
});

export const images = sqliteTable(
  "images",
  {
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
    uploadedBy: integer("uploaded_by"),
  },
  (t) => [index("images_created_idx").on(t.createdAt)],
);

export const articles = sqliteTable(
  "articles",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    sectionId: integer("section_id")
      .notNull()
      .references(() => sections.id),
    authorId: integer("author_id")
      .notNull()
      .references(() => authors.id),
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
    /** Grows on every save; a save must name the version it edited (no silent overwrites). */
    version: integer("version").notNull().default(1),
    /** The newsroom user who created it (reporters may edit only their own). */
    createdBy: integer("created_by"),
    /** The last save an editor marked as significant: readers see "Cập nhật: …". Other saves leave it. */
    significantUpdateAt: integer("significant_update_at", { mode: "timestamp_ms" }),
    /** Share and search: the title and description shown instead of the headline and lead, when set. */
    seoTitle: text("seo_title"),
    seoDescription: text("seo_description"),
    /** The photo of the share card instead of the hero, when set. */
    socialImageId: integer("social_image_id").references(() => images.id),
  },
  (t) => [
    uniqueIndex("articles_slug_unique").on(t.slug),
    // Scheduled publishing and the newsroom's status filter.
    index("articles_status_updated_idx").on(t.status, t.updatedAt),
    // Home and feeds: newest published first.
    index("articles_status_published_idx").on(t.status, t.publishedAt),
    // Section pages.
    index("articles_section_status_published_idx").on(t.sectionId, t.status, t.publishedAt),
    // Author pages.
    index("articles_author_status_published_idx").on(t.authorId, t.status, t.publishedAt),
    // The newsroom's list: last edited first, under a LIMIT (no sort of the whole archive).
    index("articles_updated_idx").on(t.updatedAt),
    // A section's or author's last change (the pages sitemap), and the newsroom's list filtered by either.
    index("articles_section_updated_idx").on(t.sectionId, t.updatedAt),
    index("articles_author_updated_idx").on(t.authorId, t.updatedAt),
  ],
);

export const tags = sqliteTable("tags", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
});

export const articleTags = sqliteTable(
  "article_tags",
  {
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    tagId: integer("tag_id")
      .notNull()
      .references(() => tags.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
    /**
     * The article's published time, copied by triggers (migration 0016) on every
     * write of either table: a tag's newest articles are an index walk.
     */
    publishedAt: integer("published_at", { mode: "timestamp_ms" }),
    /** Likewise its last change, max(updated_at, published_at): the tags sitemap's dates. */
    changedAt: integer("changed_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.tagId] }),
    // Tag pages and related articles go from tag to articles.
    index("article_tags_tag_idx").on(t.tagId, t.articleId),
    index("article_tags_tag_published_idx").on(t.tagId, t.publishedAt),
    index("article_tags_tag_changed_idx").on(t.tagId, t.changedAt),
  ],
);

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

export const users = sqliteTable("users", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  role: text("role", { enum: USER_ROLES }).notNull(),
  /** The byline this person writes under, if any. */
  authorId: integer("author_id").references(() => authors.id),
  /** PBKDF2-SHA256; parameters stored so they can be raised later. */
  passwordHash: text("password_hash").notNull(),
  passwordSalt: text("password_salt").notNull(),
  passwordIterations: integer("password_iterations").notNull(),
  disabled: integer("disabled", { mode: "boolean" }).notNull().default(false),
  /** Set when an admin chose the password (a new account, a reset): every /admin page asks for a new one first. */
  mustChangePassword: integer("must_change_password", { mode: "boolean" }).notNull().default(false),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
});

export const sessions = sqliteTable(
  "sessions",
  {
    /** SHA-256 of the cookie's token: a leaked table does not give working sessions. */
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    csrfToken: text("csrf_token").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    lastSeenAt: integer("last_seen_at", { mode: "timestamp_ms" }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    /** A coarse label read from the User-Agent at sign-in ("Chrome · Android"); never the UA itself or the IP. */
    device: text("device").notNull().default(""),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Failed logins per account and per (hashed) IP, for throttling. */
export const loginFailures = sqliteTable("login_failures", {
  key: text("key").primaryKey(),
  count: integer("count").notNull(),
  windowStart: integer("window_start", { mode: "timestamp_ms" }).notNull(),
});

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at", { mode: "timestamp_ms" }).notNull().default(now),
    userId: integer("user_id"),
    action: text("action").notNull(),
    target: text("target").notNull().default(""),
    detail: text("detail").notNull().default(""),
  },
  (t) => [index("audit_log_at_idx").on(t.at)],
);

export const articleRevisions = sqliteTable(
  "article_revisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    savedAt: integer("saved_at", { mode: "timestamp_ms" }).notNull().default(now),
    savedBy: integer("saved_by"),
    /** JSON of the article's editable fields as saved. */
    snapshot: text("snapshot").notNull(),
  },
  (t) => [index("article_revisions_article_idx").on(t.articleId, t.version)],
);

/**
 * "Tự động lưu": what the article form held while an editor typed, stored
 * every 15-30 s apart from the article (readers never see it). One slot per
 * editor and article; a new article's slot has no article (article_id null).
 * Only the last few of a slot are kept (src/db/autosaves.ts).
 */
export const articleAutosaves = sqliteTable(
  "article_autosaves",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Null: a new article, not saved yet. */
    articleId: integer("article_id").references(() => articles.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The article's version the form was opened at (0 for a new article). */
    baseVersion: integer("base_version").notNull(),
    savedAt: integer("saved_at", { mode: "timestamp_ms" }).notNull().default(now),
    /** JSON of the form's fields as typed (strings), the body already checked like a save. */
    snapshot: text("snapshot").notNull(),
    /** SHA-256 of the snapshot: an unchanged form is not stored twice. */
    contentHash: text("content_hash").notNull(),
  },
  (t) => [
    index("article_autosaves_slot_idx").on(t.userId, t.articleId, t.savedAt),
    // The revisions page: one article's autosaves, every editor's, newest first.
    index("article_autosaves_article_idx").on(t.articleId, t.savedAt),
  ],
);

/**
 * An article form posted after its session ended, kept for the sign-in that
 * follows (never in a URL or a cached page). Found by the SHA-256 of a random
 * key in the sign-in form and bound to a second random value in a cookie;
 * deleted when used, and refused after expires_at. Short, small and few per
 * client (src/newsroom/article-recovery.tsx).
 */
export const signInStashes = sqliteTable(
  "sign_in_stashes",
  {
    id: text("id").primaryKey(),
    /** SHA-256 of the random value in the browser's cookie. */
    cookieHash: text("cookie_hash").notNull(),
    /** The hashed client (never a raw IP), to cap stashes per client. */
    client: text("client").notNull(),
    /** Where the form was posted: "/admin/bai-viet" or "/admin/bai-viet/12". */
    target: text("target").notNull(),
    /** JSON of the form's fields as posted. */
    data: text("data").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("sign_in_stashes_client_idx").on(t.client), index("sign_in_stashes_expires_idx").on(t.expiresAt)],
);

/** "Đính chính": correction notes on a published article, plain text, shown to readers oldest first. */
export const articleCorrections = sqliteTable(
  "article_corrections",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    /** Plain text checked by src/content/article-rules.ts (validateCorrection), never HTML. */
    text: text("text").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
    createdBy: integer("created_by"),
  },
  (t) => [index("article_corrections_article_idx").on(t.articleId, t.createdAt)],
);

export const comments = sqliteTable(
  "comments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    /** Replies are one level deep: a reply's parent is never itself a reply. */
    parentId: integer("parent_id"),
    name: text("name").notNull(),
    /** Never shown to readers. */
    email: text("email"),
    body: text("body").notNull(),
    /** SHA-256 of the normalised text, for refusing duplicates. */
    bodyHash: text("body_hash").notNull(),
    status: text("status", { enum: COMMENT_STATUSES }).notNull().default("pending"),
    /** Keyed hash of the client IP; the raw address is never stored. */
    ipHash: text("ip_hash").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
    moderatedAt: integer("moderated_at", { mode: "timestamp_ms" }),
    moderatedBy: integer("moderated_by"),
  },
  (t) => [
    index("comments_article_status_idx").on(t.articleId, t.status, t.createdAt),
    index("comments_status_created_idx").on(t.status, t.createdAt),
    index("comments_ip_created_idx").on(t.ipHash, t.createdAt),
    index("comments_body_hash_idx").on(t.bodyHash),
  ],
);

export const polls = sqliteTable("polls", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  question: text("question").notNull(),
  placement: text("placement", { enum: POLL_PLACEMENTS }).notNull().default("sidebar"),
  opensAt: integer("opens_at", { mode: "timestamp_ms" }).notNull(),
  closesAt: integer("closes_at", { mode: "timestamp_ms" }).notNull(),
  archived: integer("archived", { mode: "boolean" }).notNull().default(false),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
});

export const pollOptions = sqliteTable(
  "poll_options",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    pollId: integer("poll_id")
      .notNull()
      .references(() => polls.id, { onDelete: "cascade" }),
    label: text("label").notNull(),
    position: integer("position").notNull(),
    votes: integer("votes").notNull().default(0),
  },
  (t) => [index("poll_options_poll_idx").on(t.pollId, t.position)],
);

/** Polls attached to particular articles (placement "articles"). */
export const pollArticles = sqliteTable(
  "poll_articles",
  {
    pollId: integer("poll_id")
      .notNull()
      .references(() => polls.id, { onDelete: "cascade" }),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.pollId, t.articleId] }), index("poll_articles_article_idx").on(t.articleId)],
);

/** One row per counted vote: a client (hashed IP) per poll per time window. */
export const pollVoters = sqliteTable(
  "poll_voters",
  {
    pollId: integer("poll_id")
      .notNull()
      .references(() => polls.id, { onDelete: "cascade" }),
    voter: text("voter").notNull(),
    token: text("token").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.pollId, t.voter] })],
);

/** Forecasts fetched by the weather job; history kept 30 days. */
export const weatherForecasts = sqliteTable(
  "weather_forecasts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    place: text("place").notNull(),
    fetchedAt: integer("fetched_at", { mode: "timestamp_ms" }).notNull(),
    text: text("text").notNull(),
    tempMin: integer("temp_min"),
    tempMax: integer("temp_max"),
    /** The validated values the text was written from (JSON). */
    data: text("data").notNull(),
  },
  (t) => [index("weather_forecasts_place_idx").on(t.place, t.fetchedAt)],
);

/** Every run of the weather job per place: ok, or why not. */
export const weatherRuns = sqliteTable(
  "weather_runs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    place: text("place").notNull(),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
    ok: integer("ok", { mode: "boolean" }).notNull(),
    reason: text("reason").notNull().default(""),
  },
  (t) => [index("weather_runs_place_idx").on(t.place, t.at)],
);

/** A forecast text pinned by an editor; wins over the automatic one until it expires. */
export const weatherOverrides = sqliteTable(
  "weather_overrides",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    place: text("place").notNull(),
    text: text("text").notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    createdBy: integer("created_by"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
  },
  (t) => [index("weather_overrides_place_idx").on(t.place, t.expiresAt)],
);

/**
 * Per month (Vietnam time, "YYYY-MM") of published articles, the newest change
 * (edit or publication) among them, for the sitemap index. Kept by triggers
 * (migration 0016); it counts scheduled pieces too, so a month that is not
 * over yet is read from the articles themselves (listArticleMonths).
 */
export const articleMonths = sqliteTable("article_months", {
  month: text("month").primaryKey(),
  lastmod: integer("lastmod").notNull(),
});

/** Article views per hour (sampled, see src/reader/view-counter.ts), for "Đọc nhiều". */
export const articleViews = sqliteTable(
  "article_views",
  {
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    /** Hours since the epoch. */
    hour: integer("hour").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.hour] }), index("article_views_hour_idx").on(t.hour)],
);

/**
 * The paper's identity, one row (id 1): JSON checked by src/site/settings.ts.
 * Absent fields fall back to the wrangler.toml vars, so a new deployment
 * shows its own name before anyone opens the settings page.
 */
export const siteSettings = sqliteTable("site_settings", {
  id: integer("id").primaryKey(),
  data: text("data").notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull().default(now),
  updatedBy: integer("updated_by"),
});

/** "Giới thiệu", "Liên hệ"…: body blocks like an article's, at /{slug}. */
export const staticPages = sqliteTable("static_pages", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  title: text("title").notNull(),
  body: text("body").notNull(),
  status: text("status", { enum: STATIC_PAGE_STATUSES }).notNull().default("draft"),
  position: integer("position").notNull().default(0),
  inHeader: integer("in_header", { mode: "boolean" }).notNull().default(false),
  inFooter: integer("in_footer", { mode: "boolean" }).notNull().default(true),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull().default(now),
  updatedBy: integer("updated_by"),
});

/** The "Tin nóng" banner: shown on every page until it expires or an editor ends it. */
export const breakingNews = sqliteTable(
  "breaking_news",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    text: text("text").notNull(),
    /** A site path ("/thoi-su/…") or an https:// address; null for text only. */
    url: text("url"),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    endedAt: integer("ended_at", { mode: "timestamp_ms" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
    createdBy: integer("created_by"),
  },
  (t) => [index("breaking_news_expires_idx").on(t.expiresAt)],
);

/**
 * The importer's memory (scripts/import/, docs/import.md): one row per item
 * of a source (a WordPress site, a JSON file) and kind ("article", "media",
 * "author", "section"), naming what it became here. A rerun finds the row
 * and updates, never duplicates; `hash` is the item's content as last
 * imported, so an unchanged item is skipped.
 */
export const importMappings = sqliteTable(
  "import_mappings",
  {
    source: text("source").notNull(),
    kind: text("kind").notNull(),
    sourceId: text("source_id").notNull(),
    targetId: integer("target_id").notNull(),
    hash: text("hash").notNull().default(""),
    importedAt: integer("imported_at", { mode: "timestamp_ms" }).notNull().default(now),
  },
  (t) => [
    primaryKey({ columns: [t.source, t.kind, t.sourceId] }),
    index("import_mappings_target_idx").on(t.kind, t.targetId),
  ],
);

/**
 * Old addresses of imported content ("/?p=12", "/2019/05/01/slug/",
 * "/category/x/", "/wp-content/uploads/..."): each names what it now is (an
 * article, a section, a tag, an author or an image by id), so the 301 goes
 * to the current address even after a rename.
 */
export const legacyRedirects = sqliteTable("legacy_redirects", {
  /** The old path with its query ("/?p=12"), as normalised by scripts/import/paths.ts. */
  path: text("path").primaryKey(),
  kind: text("kind", { enum: LEGACY_TARGETS }).notNull(),
  targetId: integer("target_id").notNull(),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
});

// Each table's row must be exactly its record in src/model/records.ts: a
// column added here without the record (or the reverse) fails the typecheck.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Check<T extends true> = T;
export type RecordsMatchTables = [
  Check<Same<typeof sections.$inferSelect, Records.Section>>,
  Check<Same<typeof sectionSlugRedirects.$inferSelect, Records.SectionSlugRedirect>>,
  Check<Same<typeof authors.$inferSelect, Records.Author>>,
  Check<Same<typeof images.$inferSelect, Records.Image>>,
  Check<Same<typeof articles.$inferSelect, Records.Article>>,
  Check<Same<typeof tags.$inferSelect, Records.Tag>>,
  Check<Same<typeof articleCorrections.$inferSelect, Records.ArticleCorrection>>,
  Check<Same<typeof articleAutosaves.$inferSelect, Records.ArticleAutosave>>,
  Check<Same<typeof signInStashes.$inferSelect, Records.SignInStash>>,
  Check<Same<typeof users.$inferSelect, Records.User>>,
  Check<Same<typeof sessions.$inferSelect, Records.Session>>,
  Check<Same<typeof comments.$inferSelect, Records.Comment>>,
  Check<Same<typeof polls.$inferSelect, Records.Poll>>,
  Check<Same<typeof pollOptions.$inferSelect, Records.PollOption>>,
  Check<Same<typeof staticPages.$inferSelect, Records.StaticPage>>,
  Check<Same<typeof breakingNews.$inferSelect, Records.BreakingNews>>,
  Check<Same<typeof importMappings.$inferSelect, Records.ImportMapping>>,
  Check<Same<typeof legacyRedirects.$inferSelect, Records.LegacyRedirect>>,
];
