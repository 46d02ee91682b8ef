// Stored records as every layer sees them: plain data, no drizzle types.
// src/db/schema.ts checks at compile time that each table's row is exactly
// the record here, so the two cannot drift apart.
import type { ArticleStatus, CommentStatus, LegacyTarget, PollPlacement, StaticPageStatus, UserRole } from "./statuses";

export interface Section {
  id: number;
  slug: string;
  name: string;
  description: string;
  position: number;
  inHeader: boolean;
  inFooter: boolean;
  /** Out of the menus, the home page and the sitemap's section list; its pages and articles still answer. */
  hidden: boolean;
}

/** A section's former slug, answering 301 to its address now. */
export interface SectionSlugRedirect {
  oldSlug: string;
  sectionId: number;
  createdAt: Date;
}

export interface Author {
  id: number;
  slug: string;
  name: string;
  /** The name as printed under an article (a pen name may differ from the real name). */
  byline: string;
  bio: string;
  /** A photo from the library, shown on the author's page. */
  photoImageId: number | null;
}

export interface Image {
  id: number;
  r2Key: string;
  width: number;
  height: number;
  mime: string;
  bytes: number;
  alt: string;
  caption: string;
  credit: string;
  createdAt: Date;
  uploadedBy: number | null;
}

export interface Article {
  id: number;
  sectionId: number;
  authorId: number;
  kicker: string | null;
  headline: string;
  slug: string;
  lead: string;
  /** JSON array of typed body blocks, validated by src/content/blocks.ts on every write. */
  body: string;
  status: ArticleStatus;
  heroImageId: number | null;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** Grows on every save; a save must name the version it edited. */
  version: number;
  createdBy: number | null;
  /** The last save marked as significant ("Cập nhật" for readers); other saves leave it. */
  significantUpdateAt: Date | null;
  /** Share and search: shown instead of the headline (title) and lead (description) when set. */
  seoTitle: string | null;
  seoDescription: string | null;
  /** The share card's photo instead of the hero, when set. */
  socialImageId: number | null;
}

/** A correction note ("Đính chính") on an article: plain text, never HTML. */
export interface ArticleCorrection {
  id: number;
  articleId: number;
  text: string;
  createdAt: Date;
  createdBy: number | null;
}

/** "Tự động lưu": the article form as typed, kept apart from the article. */
export interface ArticleAutosave {
  id: number;
  /** Null for a new article not saved yet. */
  articleId: number | null;
  userId: number;
  baseVersion: number;
  savedAt: Date;
  snapshot: string;
  contentHash: string;
}

/** An article form posted after its session ended, kept briefly for the sign-in that follows. */
export interface SignInStash {
  id: string;
  cookieHash: string;
  client: string;
  target: string;
  data: string;
  createdAt: Date;
  expiresAt: Date;
}

export interface Tag {
  id: number;
  slug: string;
  name: string;
}

export interface User {
  id: number;
  email: string;
  name: string;
  role: UserRole;
  authorId: number | null;
  passwordHash: string;
  passwordSalt: string;
  passwordIterations: number;
  disabled: boolean;
  /** The password was set by an admin: the user must choose their own before anything else. */
  mustChangePassword: boolean;
  createdAt: Date;
}

export interface Session {
  id: string;
  userId: number;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  /** "Chrome · Android", or "" when the User-Agent said nothing recognisable. */
  device: string;
}

export interface Comment {
  id: number;
  articleId: number;
  parentId: number | null;
  name: string;
  email: string | null;
  body: string;
  bodyHash: string;
  status: CommentStatus;
  ipHash: string;
  createdAt: Date;
  moderatedAt: Date | null;
  moderatedBy: number | null;
}

export interface Poll {
  id: number;
  question: string;
  placement: PollPlacement;
  opensAt: Date;
  closesAt: Date;
  archived: boolean;
  createdAt: Date;
}

export interface PollOption {
  id: number;
  pollId: number;
  label: string;
  position: number;
  votes: number;
}

export interface StaticPage {
  id: number;
  slug: string;
  title: string;
  body: string;
  status: StaticPageStatus;
  position: number;
  inHeader: boolean;
  inFooter: boolean;
  createdAt: Date;
  updatedAt: Date;
  updatedBy: number | null;
}

export interface BreakingNews {
  id: number;
  text: string;
  url: string | null;
  expiresAt: Date;
  endedAt: Date | null;
  createdAt: Date;
  createdBy: number | null;
}

/** An imported item and what it became here (docs/import.md). */
export interface ImportMapping {
  source: string;
  kind: string;
  sourceId: string;
  targetId: number;
  hash: string;
  importedAt: Date;
}

/** An old address of imported content, answering 301 to what it now is. */
export interface LegacyRedirect {
  path: string;
  kind: LegacyTarget;
  targetId: number;
  createdAt: Date;
}
