// The fixed lists the database, the routes and the views share. The schema
// (src/db/schema.ts) uses them as column enums, so a value outside them
// cannot be stored.

export const ARTICLE_STATUSES = ["draft", "review", "scheduled", "published", "unpublished"] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export const USER_ROLES = ["admin", "editor", "reporter"] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const COMMENT_STATUSES = ["pending", "approved", "rejected", "spam"] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

export const POLL_PLACEMENTS = ["sidebar", "articles"] as const;
export type PollPlacement = (typeof POLL_PLACEMENTS)[number];

export const STATIC_PAGE_STATUSES = ["draft", "published"] as const;
export type StaticPageStatus = (typeof STATIC_PAGE_STATUSES)[number];

/** What an old (imported) address answers 301 to: docs/import.md. */
export const LEGACY_TARGETS = ["article", "section", "tag", "author", "image"] as const;
export type LegacyTarget = (typeof LEGACY_TARGETS)[number];
