// Who may do what in the newsroom. Every route asks here; nothing is only hidden in the UI.
import type { User } from "./records";
import type { ArticleStatus, UserRole } from "./statuses";

export type Action =
  | "article.create"
  | "article.publish"
  | "article.delete"
  | "media.upload"
  | "media.delete"
  | "comments.moderate"
  | "polls.manage"
  | "weather.manage"
  | "people.manage"
  | "authors.manage"
  | "sections.manage"
  | "settings.manage"
  | "audit.view"
  | "pages.manage"
  | "breaking.manage";

/** Each role has the rights of the one below it, and more. */
const REPORTER: readonly Action[] = ["article.create", "media.upload"];
const EDITOR: readonly Action[] = [
  ...REPORTER,
  "article.publish",
  "article.delete",
  "media.delete",
  "comments.moderate",
  "polls.manage",
  "weather.manage",
  "authors.manage",
  "sections.manage",
  "pages.manage",
  "breaking.manage",
];
/** People, settings (menus included) and the audit log are the admins' alone. */
const ADMIN: readonly Action[] = [...EDITOR, "people.manage", "settings.manage", "audit.view"];

const GRANTS: Record<UserRole, ReadonlySet<Action>> = {
  admin: new Set(ADMIN),
  editor: new Set(EDITOR),
  reporter: new Set(REPORTER),
};

export function can(user: Pick<User, "role">, action: Action): boolean {
  return GRANTS[user.role].has(action);
}

/** Editors and admins edit anything; a reporter only their own drafts and pieces in review. */
export function canEditArticle(
  user: Pick<User, "id" | "role">,
  article: { createdBy: number | null; status: ArticleStatus },
): boolean {
  if (user.role !== "reporter") return true;
  return article.createdBy === user.id && (article.status === "draft" || article.status === "review");
}

/** A reporter sees the titles of published articles and of their own, not of colleagues' unpublished work. */
export const seesOnlyOwnUnpublished = (user: Pick<User, "role">) => user.role === "reporter";

/**
 * The byline a save files under when the form does not choose it (a restored
 * revision): a reporter never changes an article's byline that way, so it stays
 * the article's current one; editors and admins restore the revision's.
 */
export const restoredAuthor = (user: Pick<User, "role">, current: number, revision: number) =>
  user.role === "reporter" ? current : revision;

/** Reporters may edit the details of photos they uploaded; editors and admins any photo. */
export function canEditImage(user: Pick<User, "id" | "role">, image: { uploadedBy: number | null }): boolean {
  return user.role !== "reporter" || image.uploadedBy === user.id;
}

/** The statuses a user may move an article to. */
export function allowedStatuses(user: Pick<User, "role">): ArticleStatus[] {
  return can(user, "article.publish")
    ? ["draft", "review", "scheduled", "published", "unpublished"]
    : ["draft", "review"];
}

export const ROLE_NAMES: Record<UserRole, string> = {
  admin: "Quản trị",
  editor: "Biên tập viên",
  reporter: "Phóng viên",
};
