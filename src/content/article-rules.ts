// What makes an article's input valid, and the Vietnamese messages that tell
// the editor which field to fix. The rules sit next to the content model
// (./blocks) rather than in the write module, so they can be read without
// the SQL around them; src/db/article-writes.ts runs validateArticle first
// and then only writes what it returns.
//
// Three checks need stored data (a typed slug must be free, the images and
// the author must exist), so the write module makes them, but with the
// errors below: every message an editor can get about an article is here.
//
// A library, so it names the fields it reads (ArticleFields) instead of
// importing the write module's ArticleInput: that has them all, and the
// compiler checks it still does where the write module calls the rules.
import type { ArticleStatus } from "../model/statuses";
import { nfc } from "../vi/normalize";
import { slugify } from "../vi/slug";
import { type BodyBlock, parseBody } from "./blocks";

/** An article input the editor must correct; `field` is the form field the message is shown at. */
export class InvalidArticleError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "InvalidArticleError";
  }
}

/** Lengths in characters, after NFC and trimming. Longer kickers and tag names are cut, not refused. */
const HEADLINE_MAX = 300;
const LEAD_MAX = 1000;
const KICKER_MAX = 200;
const TAG_NAME_MAX = 60;
/** Tags kept per article; the rest are dropped. */
const TAGS_MAX = 10;
/** Share and search: what search results and share cards show before they cut. */
export const SEO_TITLE_MAX = 70;
export const SEO_DESCRIPTION_MAX = 160;

/** The fields of an article's input that the rules read. */
export interface ArticleFields {
  headline: string;
  lead: string;
  kicker?: string | null;
  /** Raw blocks, from the markup parser or a script; parseBody checks them. */
  body: unknown;
  /** Empty: made from the headline. */
  slug?: string;
  status: ArticleStatus;
  publishedAt?: Date | null;
  tags?: string[];
  /** Share and search, optional: empty means the headline and the lead are used. */
  seoTitle?: string | null;
  seoDescription?: string | null;
}

/** An article input that passed the rules, normalised as it will be stored. */
export interface ValidArticle {
  headline: string;
  lead: string;
  kicker: string | null;
  body: BodyBlock[];
  /** The slug asked for: the one typed, else one made from the headline. Not yet known to be free. */
  slug: string;
  /** A typed slug must be free; a made one gets -2, -3… when taken. */
  slugTyped: boolean;
  /** Unique by slug, in the order given. */
  tags: { slug: string; name: string }[];
  /** One line each, or null when not set. */
  seoTitle: string | null;
  seoDescription: string | null;
}

/**
 * Checks and normalises an article input. Throws InvalidArticleError for a
 * field to fix, or InvalidBodyError (./blocks) for the body; the first
 * problem found is the one reported.
 */
export function validateArticle(input: ArticleFields): ValidArticle {
  const headline = requiredText(input.headline, "Tiêu đề", HEADLINE_MAX, "headline");
  const lead = requiredText(input.lead, "Sapo", LEAD_MAX, "lead");
  const body: BodyBlock[] = parseBody(input.body);
  const kicker = input.kicker ? nfc(input.kicker).trim().slice(0, KICKER_MAX) || null : null;
  if ((input.status === "published" || input.status === "scheduled") && !input.publishedAt) {
    throw new InvalidArticleError("Cần có thời điểm đăng", "publishedAt");
  }
  const slugTyped = Boolean(input.slug?.trim());
  const slug = slugify(input.slug?.trim() || headline);
  if (!slug) throw new InvalidArticleError("Không tạo được đường dẫn từ tiêu đề", "slug");
  const seoTitle = optionalLine(input.seoTitle, "Tiêu đề chia sẻ", SEO_TITLE_MAX, "seoTitle");
  const seoDescription = optionalLine(input.seoDescription, "Mô tả chia sẻ", SEO_DESCRIPTION_MAX, "seoDescription");
  return {
    headline,
    lead,
    kicker,
    body,
    slug,
    slugTyped,
    tags: uniqueTags(input.tags ?? []),
    seoTitle,
    seoDescription,
  };
}

/** An optional one-line text (line breaks become spaces), refused when too long; null when empty. */
function optionalLine(value: string | null | undefined, label: string, max: number, field: string): string | null {
  const text = nfc(value ?? "")
    .replace(/\s+/g, " ")
    .replace(/\p{Cc}/gu, "")
    .trim();
  if (text.length > max) {
    throw new InvalidArticleError(`${label} tối đa ${max} ký tự (hiện có ${text.length})`, field);
  }
  return text || null;
}

function requiredText(value: string, label: string, max: number, field: string): string {
  const text = nfc(value).trim();
  if (!text) throw new InvalidArticleError(`${label} không được để trống`, field);
  if (text.length > max) throw new InvalidArticleError(`${label} tối đa ${max} ký tự`, field);
  return text;
}

function uniqueTags(names: string[]): { slug: string; name: string }[] {
  const bySlug = new Map<string, string>();
  for (const raw of names) {
    const name = nfc(raw).trim().slice(0, TAG_NAME_MAX);
    const slug = slugify(name);
    if (name && slug && !bySlug.has(slug)) bySlug.set(slug, name);
  }
  return [...bySlug].slice(0, TAGS_MAX).map(([slug, name]) => ({ slug, name }));
}

/** A correction note's length limit, in characters after NFC and trimming. */
export const CORRECTION_MAX = 1000;

/**
 * A correction note ("Đính chính") as it will be stored: plain text in NFC,
 * runs of whitespace (line breaks too) made one space, since it is printed
 * as one line. Markup is kept as typed and escaped when shown, never
 * interpreted. Empty or too long: InvalidArticleError on the field "text".
 */
export function validateCorrection(raw: string): string {
  // Line breaks and tabs become spaces; other control characters have no place in a printed line.
  const text = nfc(raw)
    .replace(/\s+/g, " ")
    .replace(/\p{Cc}/gu, "")
    .trim();
  if (!text) throw new InvalidArticleError("Nội dung đính chính không được để trống", "text");
  if (text.length > CORRECTION_MAX) {
    throw new InvalidArticleError(
      `Nội dung đính chính tối đa ${CORRECTION_MAX} ký tự (hiện có ${text.length})`,
      "text",
    );
  }
  return text;
}

/** Corrections are notes on what readers have read: only a published article takes one. */
export const correctionNeedsPublishedError = () =>
  new InvalidArticleError("Chỉ thêm đính chính cho bài đã đăng", "text");

// The errors of the checks that need stored data, made by the write module.

export const slugTakenError = (slug: string) =>
  new InvalidArticleError(`Đường dẫn “${slug}” đã được bài khác dùng`, "slug");

export const missingImagesError = (ids: number[]) =>
  new InvalidArticleError(`Ảnh không tồn tại trong thư viện: ${ids.join(", ")}`, "body");

/** "Xem thêm" boxes that point to the article itself or to no article at all. */
export const selfRelatedError = () =>
  new InvalidArticleError("“Xem thêm” không thể dẫn tới chính bài này: hãy chọn một bài khác", "body");
export const missingRelatedError = (ids: number[]) =>
  new InvalidArticleError(`“Xem thêm” dẫn tới bài không tồn tại: số ${ids.join(", ")}`, "body");

export const missingSocialImageError = (id: number) =>
  new InvalidArticleError(`Ảnh chia sẻ không tồn tại trong thư viện: ${id}`, "socialImageId");

export const unknownAuthorError = () => new InvalidArticleError("Tác giả không tồn tại", "authorId");

/** Saving over an article that is no longer there (deleted meanwhile). */
export const articleNotFoundError = () => new InvalidArticleError("Bài viết không tồn tại");
