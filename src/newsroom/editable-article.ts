// The article named in the URL, if this editor may edit it.
import type { Context } from "hono";
import { getArticleForEdit } from "../db/newsroom-articles";
import type { AppEnv } from "../env";
import { canEditArticle } from "../model/permissions";
import type { Article } from "../model/records";
import { parseId } from "./form";
import { forbiddenPage, notFoundAdmin } from "./responses";

/** The article and its tags, or the 404 or 403 page to answer with instead. */
export async function loadEditable(
  c: Context<AppEnv>,
  id: number | null = parseId(c.req.param("id")),
): Promise<{ article: Article; tags: string[] } | Response> {
  const found = id ? await getArticleForEdit(c.var.db, id) : null;
  if (!found) return notFoundAdmin(c, "Không tìm thấy bài viết.");
  if (!canEditArticle(c.var.user!, found.article)) {
    return forbiddenPage(c, "Bạn chỉ được sửa bản nháp và bài chờ duyệt do chính mình viết.");
  }
  return found;
}
