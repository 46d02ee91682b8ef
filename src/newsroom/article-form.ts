// Between the article form's strings and the write layer's input.
import { readStoredBody } from "../content/blocks";
import { markupToBlocks } from "../content/markup/parse";
import { blocksToMarkup } from "../content/markup/serialize";
import type { ArticleInput } from "../db/article-writes";
import type { Article, User } from "../model/records";
import type { ArticleStatus } from "../model/statuses";
import { parseVietnamLocal, toVietnamLocalInput } from "../vi/dates";
import type { ArticleFormValues } from "../views/admin/ArticleFormPage";
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
    heroImageId: "",
    publishAt: "",
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
    heroImageId: article.heroImageId ? String(article.heroImageId) : "",
    publishAt: article.publishedAt ? toVietnamLocalInput(article.publishedAt) : "",
    version: String(article.version),
  };
}

export function valuesFromForm(form: Record<string, string>): ArticleFormValues {
  const v = (k: keyof ArticleFormValues) => (form[k] ?? "").slice(0, k === "body" ? 200_000 : 5_000);
  return {
    kicker: v("kicker"),
    headline: v("headline"),
    slug: v("slug").trim().toLowerCase(),
    sectionId: v("sectionId"),
    authorId: v("authorId"),
    tags: v("tags"),
    lead: v("lead"),
    body: v("body"),
    heroImageId: v("heroImageId"),
    publishAt: v("publishAt"),
    version: v("version"),
  };
}

export class FormFieldError extends Error {
  constructor(
    readonly field: keyof ArticleFormValues,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The author an article is filed under. A reporter files under their own
 * byline only: the field may be empty (their own) or name it, nothing else.
 */
function authorFor(user: User, raw: string): number {
  const chosen = raw.trim() ? parseId(raw.trim()) : null;
  if (user.role === "reporter") {
    if (!user.authorId)
      throw new FormFieldError(
        "authorId",
        "Tài khoản của bạn chưa gắn với tác giả nào. Hãy nhờ quản trị viên chọn bút danh cho bạn ở trang Người dùng.",
      );
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

  let status: ArticleStatus = current?.status ?? "draft";
  let publishedAt = current?.publishedAt ?? null;
  switch (action) {
    case "gui-duyet":
      status = "review";
      break;
    case "dang":
      status = "published";
      // Re-publishing keeps the first publication time.
      if (!publishedAt || current?.status === "scheduled") publishedAt = now;
      break;
    case "hen-gio": {
      const at = parseVietnamLocal(values.publishAt);
      if (!at) throw new FormFieldError("publishAt", "Hãy chọn ngày giờ đăng hợp lệ");
      if (at.getTime() <= now.getTime()) throw new FormFieldError("publishAt", "Giờ hẹn đăng phải ở tương lai");
      status = "scheduled";
      publishedAt = at;
      break;
    }
    case "go":
      status = "unpublished";
      break;
    case "luu":
      break;
  }
  return {
    sectionId,
    authorId,
    kicker: values.kicker,
    headline: values.headline,
    slug: values.slug,
    lead: values.lead,
    body: markupToBlocks(values.body),
    status,
    publishedAt,
    heroImageId,
    tags: values.tags
      .split(/[,;\n]/)
      .map((t) => t.trim())
      .filter(Boolean),
  };
}
