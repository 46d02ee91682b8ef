// "Đính chính": the correction notes of a published article, and adding one.
// Editors and admins only (the right to publish); a correction is dated when
// it is added and shown to readers at the end of the article, oldest first.
import { type Context, Hono } from "hono";
import { CORRECTION_MAX, InvalidArticleError } from "../content/article-rules";
import { addCorrection } from "../db/article-writes";
import { listCorrections } from "../db/newsroom-articles";
import type { AppEnv } from "../env";
import { can } from "../model/permissions";
import type { Article } from "../model/records";
import { CorrectionsPage } from "../views/admin/CorrectionsPage";
import { loadEditable } from "./editable-article";
import { formStrings } from "./form";
import { adminPage, forbiddenPage } from "./responses";

export const articleCorrectionsRoutes = new Hono<AppEnv>();

const NOT_ALLOWED = "Chỉ biên tập viên và quản trị viên được thêm đính chính.";

async function renderCorrections(
  c: Context<AppEnv>,
  article: Article,
  opts: { text?: string; textError?: string; error?: string; notice?: string; status?: 200 | 400 } = {},
) {
  const corrections = await listCorrections(c.var.db, article.id);
  return adminPage(
    c,
    <CorrectionsPage
      user={c.var.user!}
      csrf={c.var.session!.csrfToken}
      articleId={article.id}
      headline={article.headline}
      published={article.status === "published"}
      corrections={corrections}
      text={opts.text}
      textError={opts.textError}
      error={opts.error}
      notice={opts.notice}
      maxLength={CORRECTION_MAX}
    />,
    opts.status ?? 200,
  );
}

articleCorrectionsRoutes.get("/:id{[0-9]+}/dinh-chinh", async (c) => {
  if (!can(c.var.user!, "article.publish")) return forbiddenPage(c, NOT_ALLOWED);
  const found = await loadEditable(c);
  if (found instanceof Response) return found;
  const notice = c.req.query("da-them") !== undefined ? "Đã thêm đính chính." : undefined;
  return renderCorrections(c, found.article, { notice });
});

articleCorrectionsRoutes.post("/:id{[0-9]+}/dinh-chinh", async (c) => {
  const user = c.var.user!;
  if (!can(user, "article.publish")) return forbiddenPage(c, NOT_ALLOWED);
  const found = await loadEditable(c);
  if (found instanceof Response) return found;
  const form = await formStrings(c);
  // Kept for the form shown again, cut so a hostile body is not echoed whole.
  const typed = (form.text ?? "").slice(0, CORRECTION_MAX * 2);
  try {
    await addCorrection(c.var.db, found.article.id, form.text ?? "", { userId: user.id });
  } catch (err) {
    if (!(err instanceof InvalidArticleError)) throw err;
    return renderCorrections(c, found.article, {
      text: typed,
      textError: err.message,
      error: "Chưa thêm được đính chính. Vui lòng sửa lỗi bên dưới.",
      status: 400,
    });
  }
  return c.redirect(`/admin/bai-viet/${found.article.id}/dinh-chinh?da-them`, 303);
});
