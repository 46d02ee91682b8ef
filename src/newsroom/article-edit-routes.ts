// Writing and editing an article: the empty form for a new one, the form
// of a saved one, saving either, and deleting.
import { type Context, Hono } from "hono";
import { createArticle, deleteArticle, updateArticle } from "../db/article-writes";
import type { AppEnv } from "../env";
import { can } from "../model/permissions";
import type { ArticleFormValues } from "../views/admin/ArticleFormPage";
import { autosaveOffer, newArticleSaved } from "./article-autosave-routes";
import {
  emptyValues,
  inputFromValues,
  NO_BYLINE,
  parseAction,
  valuesFromArticle,
  valuesFromForm,
} from "./article-form";
import { formFailure, renderForm } from "./article-form-responses";
import { loadEditable } from "./editable-article";
import { formStrings } from "./form";
import { forbiddenPage } from "./responses";

export const articleEditRoutes = new Hono<AppEnv>();

/** The article form as submitted, refused if it asks to publish without the right to. */
async function readSubmission(
  c: Context<AppEnv>,
): Promise<{ values: ArticleFormValues; action: ReturnType<typeof parseAction> } | Response> {
  const form = await formStrings(c);
  const action = parseAction(form["hanh-dong"]);
  if ((action === "dang" || action === "hen-gio" || action === "go") && !can(c.var.user!, "article.publish")) {
    return forbiddenPage(c, "Phóng viên không được đăng, hẹn giờ hay gỡ bài. Hãy gửi bài để biên tập viên duyệt.");
  }
  return { values: valuesFromForm(form), action };
}

articleEditRoutes.get("/moi", async (c) => {
  if (!can(c.var.user!, "article.create")) return forbiddenPage(c, "Bạn không có quyền viết bài.");
  const user = c.var.user!;
  // A reporter with no byline is told before typing a word, not after the first save.
  const error = user.role === "reporter" && !user.authorId ? NO_BYLINE : null;
  return renderForm(c, emptyValues(user), { error, autosaveOffer: await autosaveOffer(c, null) });
});

articleEditRoutes.post("/", async (c) => {
  const user = c.var.user!;
  if (!can(user, "article.create")) return forbiddenPage(c, "Bạn không có quyền viết bài.");
  const submitted = await readSubmission(c);
  if (submitted instanceof Response) return submitted;
  const { values, action } = submitted;
  try {
    const id = await createArticle(c.var.db, inputFromValues(values, action, user, null, new Date()), {
      userId: user.id,
    });
    await newArticleSaved(c);
    return c.redirect(`/admin/bai-viet/${id}?da-luu`, 303);
  } catch (err) {
    return formFailure(c, err, values);
  }
});

articleEditRoutes.get("/:id{[0-9]+}", async (c) => {
  const found = await loadEditable(c);
  if (found instanceof Response) return found;
  const notice =
    c.req.query("da-luu") !== undefined
      ? "Đã lưu bài viết."
      : c.req.query("da-khoi-phuc") !== undefined
        ? "Đã khôi phục phiên bản."
        : null;
  return renderForm(c, valuesFromArticle(found.article, found.tags), {
    article: found.article,
    notice,
    autosaveOffer: await autosaveOffer(c, found.article),
  });
});

articleEditRoutes.post("/:id{[0-9]+}", async (c) => {
  const user = c.var.user!;
  const found = await loadEditable(c);
  if (found instanceof Response) return found;
  const submitted = await readSubmission(c);
  if (submitted instanceof Response) return submitted;
  const { values, action } = submitted;
  try {
    const input = inputFromValues(values, action, user, found.article, new Date());
    const expectedVersion = Number(values.version);
    await updateArticle(c.var.db, found.article.id, input, {
      userId: user.id,
      expectedVersion: Number.isInteger(expectedVersion) ? expectedVersion : -1,
    });
    return c.redirect(`/admin/bai-viet/${found.article.id}?da-luu`, 303);
  } catch (err) {
    return formFailure(c, err, values, found.article);
  }
});

articleEditRoutes.post("/:id{[0-9]+}/xoa", async (c) => {
  const user = c.var.user!;
  if (!can(user, "article.delete")) return forbiddenPage(c, "Bạn không có quyền xóa bài viết.");
  const found = await loadEditable(c);
  if (found instanceof Response) return found;
  await deleteArticle(c.var.db, found.article.id, { userId: user.id });
  return c.redirect("/admin/bai-viet?da-xoa", 303);
});
