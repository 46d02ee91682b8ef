// Between the article form's strings and the write layer's input.
import { type BodyBlock, parseBody, readStoredBody } from "../content/blocks";
import { blocksToMarkup } from "../content/markup/serialize";
import type { ArticleInput } from "../db/article-writes";
import { can } from "../model/permissions";
import type { Article, User } from "../model/records";
import type { ArticleStatus } from "../model/statuses";
import { parseVietnamLocal, toVietnamLocalInput } from "../vi/dates";
import type { ArticleFormValues } from "../views/admin/ArticleFormPage";
import { submittedBody } from "./body-json";
import { parseId } from "./form";

export type FormAction = "luu" | "gui-duyet" | "dang" | "hen-gio" | "go";
const ACTIONS: FormAction[] = ["luu", "gui-duyet", "dang", "hen-gio", "go"];

export const parseAction = (raw: string | undefined): FormAction =>
  ACTIONS.includes(raw as FormAction) ? (raw as FormAction) : "luu";

export function emptyValues(user: User, sectionId?: number): ArticleFormValues {
  return {
    kicker: "",
    headline: "",
    slug: "",
    sectionId: sectionId ? String(sectionId) : "",
    authorId: user.authorId ? String(user.authorId) : "",
    tags: "",
    lead: "",
    body: "",
    bodyJson: "",
    heroImageId: "",
    seoTitle: "",
    seoDescription: "",
    socialImageId: "",
    publishAt: "",
    significant: "",
    version: "0",
  };
}

export function valuesFromArticle(article: Article, tags: string[]): ArticleFormValues {
  return {
    kicker: article.kicker ?? "",
    headline: article.headline,
    slug: article.slug,
    sectionId: String(article.sectionId),
    authorId: String(article.authorId),
    tags: tags.join(", "),
    lead: article.lead,
    body: blocksToMarkup(readStoredBody(article.body)),
    bodyJson: "",
    heroImageId: article.heroImageId ? String(article.heroImageId) : "",
    seoTitle: article.seoTitle ?? "",
    seoDescription: article.seoDescription ?? "",
    socialImageId: article.socialImageId ? String(article.socialImageId) : "",
    publishAt: article.publishedAt ? toVietnamLocalInput(article.publishedAt) : "",
    // Unticked on every opening: each significant change is marked on its own save.
    significant: "",
    version: String(article.version),
  };
}

export function valuesFromForm(form: Record<string, string>): ArticleFormValues {
  // Short fields are capped well above their rules' limits, which then refuse
  // them with a message. The body is never cut: a body over its limit is
  // refused whole (content/blocks.ts), and the form shows back every word.
  const v = (k: keyof ArticleFormValues) =>
    k === "body" || k === "bodyJson" ? (form[k] ?? "") : (form[k] ?? "").slice(0, 5_000);
  return {
    kicker: v("kicker"),
    headline: v("headline"),
    slug: v("slug").trim().toLowerCase(),
    sectionId: v("sectionId"),
    authorId: v("authorId"),
    tags: v("tags"),
    lead: v("lead"),
    body: v("body"),
    bodyJson: v("bodyJson"),
    heroImageId: v("heroImageId"),
    seoTitle: v("seoTitle"),
    seoDescription: v("seoDescription"),
    socialImageId: v("socialImageId"),
    publishAt: v("publishAt").trim(),
    significant: v("significant") ? "on" : "",
    version: v("version"),
  };
}

/**
 * The body as the form sent it, checked: the one way a submitted body is
 * read, shared by saving, previewing and autosaving, so all three accept and
 * refuse exactly the same text. Throws InvalidBodyError (Vietnamese reasons).
 */
export function articleBody(values: ArticleFormValues): BodyBlock[] {
  return parseBody(submittedBody(values));
}

export class FormFieldError extends Error {
  constructor(
    readonly field: keyof ArticleFormValues,
    message: string,
  ) {
    super(message);
  }
}

/** Why a reporter with no byline linked cannot save: said on the empty form already, and on a save. */
export const NO_BYLINE =
  "Tài khoản của bạn chưa gắn với tác giả nào. Hãy nhờ quản trị viên chọn bút danh cho bạn ở trang Người dùng.";

/**
 * The author an article is filed under. A reporter files under their own
 * byline only: the field may be empty (their own) or name it, nothing else.
 */
function authorFor(user: User, raw: string): number {
  const chosen = raw.trim() ? parseId(raw.trim()) : null;
  if (user.role === "reporter") {
    if (!user.authorId) throw new FormFieldError("authorId", NO_BYLINE);
    if (raw.trim() && chosen !== user.authorId)
      throw new FormFieldError("authorId", "Phóng viên chỉ được đứng tên bút danh của chính mình");
    return user.authorId;
  }
  if (!chosen) throw new FormFieldError("authorId", "Hãy chọn tác giả");
  return chosen;
}

/**
 * The write input for a form submission. `current` is the stored article
 * (null for a new one); the action decides the status and publish time.
 */
export function inputFromValues(
  values: ArticleFormValues,
  action: FormAction,
  user: User,
  current: Article | null,
  now: Date,
): ArticleInput {
  const sectionId = parseId(values.sectionId);
  if (!sectionId) throw new FormFieldError("sectionId", "Hãy chọn chuyên mục");
  const authorId = authorFor(user, values.authorId);
  const heroImageId = values.heroImageId.trim() ? parseId(values.heroImageId.trim()) : null;
  if (values.heroImageId.trim() && !heroImageId) throw new FormFieldError("heroImageId", "Mã ảnh phải là một số");
  const socialImageId = values.socialImageId.trim() ? parseId(values.socialImageId.trim()) : null;
  if (values.socialImageId.trim() && !socialImageId) {
    throw new FormFieldError("socialImageId", "Mã ảnh phải là một số");
  }

  const { status, publishedAt, publishTimeChosen } = publication(values.publishAt, action, user, current, now);
  const significantUpdate = values.significant !== "";
  if (significantUpdate && !(current?.status === "published" && status === "published")) {
    throw new FormFieldError("significant", "Chỉ đánh dấu thay đổi quan trọng khi lưu một bài đã đăng");
  }
  return {
    sectionId,
    authorId,
    kicker: values.kicker,
    headline: values.headline,
    slug: values.slug,
    lead: values.lead,
    body: articleBody(values),
    status,
    publishedAt,
    publishTimeChosen,
    significantUpdate,
    heroImageId,
    seoTitle: values.seoTitle,
    seoDescription: values.seoDescription,
    socialImageId,
    tags: values.tags
      .split(/[,;\n]/)
      .map((t) => t.trim())
      .filter(Boolean),
  };
}

const MUST_BE_FUTURE = "Giờ hẹn đăng phải ở tương lai. Để đăng với giờ đã qua, hãy bấm “Đăng ngay”.";

/**
 * The status and publish time a save leads to. "Giờ đăng" (`typed`, Vietnam
 * time) is never ignored: a time other than the stored one is used or
 * refused with a message.
 *
 * - "Đăng ngay" publishes at the typed time if it is past (an archive piece,
 *   a corrected time), else now; a typed future time belongs to "Hẹn giờ đăng".
 * - "Hẹn giờ đăng" needs a future time.
 * - "Lưu" on a published article moves its publish time to a typed past
 *   time; on a scheduled one, to a typed future time. Other saves of a
 *   changed time are refused: the time only means something when publishing.
 * - A reporter may not send a time at all (their form has no such field).
 */
function publication(
  typed: string,
  action: FormAction,
  user: User,
  current: Article | null,
  now: Date,
): { status: ArticleStatus; publishedAt: Date | null; publishTimeChosen: boolean } {
  const stored = current?.publishedAt ?? null;
  const status: ArticleStatus = current?.status ?? "draft";
  if (typed && !can(user, "article.publish")) {
    throw new FormFieldError("publishAt", "Phóng viên không được đặt giờ đăng; biên tập viên sẽ chọn khi đăng bài.");
  }
  const at = typed ? parseVietnamLocal(typed) : null;
  if (typed && !at) throw new FormFieldError("publishAt", "Hãy chọn ngày giờ đăng hợp lệ (ngày/tháng/năm giờ:phút)");
  // The form shows the stored time to the minute: sending it back unchanged keeps the exact stored instant.
  const changed = at !== null && (!stored || toVietnamLocalInput(stored) !== typed);
  const past = at !== null && at.getTime() <= now.getTime();
  switch (action) {
    case "dang":
      if (changed && !past) {
        throw new FormFieldError(
          "publishAt",
          "Giờ đăng ở tương lai: hãy bấm “Hẹn giờ đăng”, hoặc xóa giờ để đăng ngay.",
        );
      }
      if (changed) return { status: "published", publishedAt: at, publishTimeChosen: true };
      // Re-publishing keeps the first publication time; a scheduled piece goes out now.
      return {
        status: "published",
        publishedAt: !stored || status === "scheduled" ? now : stored,
        publishTimeChosen: false,
      };
    case "hen-gio":
      if (!at) throw new FormFieldError("publishAt", "Hãy chọn ngày giờ đăng hợp lệ");
      if (past) throw new FormFieldError("publishAt", MUST_BE_FUTURE);
      return { status: "scheduled", publishedAt: at, publishTimeChosen: true };
    case "luu":
      if (!changed) return { status, publishedAt: stored, publishTimeChosen: false };
      if (status === "published") {
        if (!past) {
          throw new FormFieldError(
            "publishAt",
            "Bài đã đăng chỉ đổi được sang giờ đã qua. Để hẹn giờ đăng lại, hãy bấm “Hẹn giờ đăng”.",
          );
        }
        return { status, publishedAt: at, publishTimeChosen: true };
      }
      if (status === "scheduled") {
        if (past) throw new FormFieldError("publishAt", MUST_BE_FUTURE);
        return { status, publishedAt: at, publishTimeChosen: true };
      }
      throw new FormFieldError("publishAt", "Giờ đăng chỉ dùng khi đăng: hãy bấm “Đăng ngay” hoặc “Hẹn giờ đăng”.");
    case "gui-duyet":
    case "go":
      if (changed) {
        throw new FormFieldError("publishAt", "Giờ đăng chỉ dùng khi đăng: hãy bấm “Đăng ngay” hoặc “Hẹn giờ đăng”.");
      }
      return { status: action === "go" ? "unpublished" : "review", publishedAt: stored, publishTimeChosen: false };
  }
}
