// "Tự động lưu": the article form's script (src/assets/article-form.js)
// posts the form's fields as JSON every 15-30 s while something changed. An
// autosave is kept apart from the article (src/db/autosaves.ts): it never
// publishes, never changes the article's row, version or any cached page.
// The body goes through the same reading as a save (articleBody), so an
// autosave accepts and refuses exactly what "Lưu" would.
//
//   POST /tu-dong-luu, POST /:id/tu-dong-luu       store (JSON in, JSON out)
//   GET  /moi/tu-dong-luu/:as, /:id/tu-dong-luu/:as  the form filled from one
//   GET  /anh-chia-se/:image                         a photo's share-card picture (live preview)
import { type Context, Hono } from "hono";
import { type BodyBlock, InvalidBodyError } from "../content/blocks";
import { clearNewArticleAutosaves, getAutosave, latestAutosave, storeAutosave } from "../db/autosaves";
import { getImagesByIds } from "../db/images";
import type { AppEnv } from "../env";
import { acceptsBodyUpTo, type BodyLimit } from "../http/request-guards";
import { CARD_SIZE } from "../media/variants";
import { can } from "../model/permissions";
import type { Article, ArticleAutosave } from "../model/records";
import { describeError, log } from "../platform/log";
import { mediaPath } from "../site/urls";
import { formatDateline, formatTime } from "../vi/dates";
import type { ArticleFormValues } from "../views/admin/ArticleFormPage";
import { articleBody, valuesFromArticle, valuesFromForm } from "./article-form";
import { renderForm } from "./article-form-responses";
import { loadEditable } from "./editable-article";
import { parseId } from "./form";
import { forbiddenPage, notFoundAdmin } from "./responses";

export const articleAutosaveRoutes = new Hono<AppEnv>();

/** A body at its limit (200,000 characters) with its markup, or as block JSON with marks, fits with room. */
const AUTOSAVE_LIMIT: BodyLimit = {
  bytes: 2 * 1024 * 1024,
  message: "Bản tự động lưu quá lớn (tối đa 2 MB). Hãy bấm “Lưu” để lưu bài.",
};

/** Fields kept in an autosave: what the editor typed, not the buttons or the form's token. */
const NOT_KEPT = new Set(["_csrf", "hanh-dong"]);

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding NUL is the point
const BAD_TEXT = /[\uFFFD\u0000]/;

type Refusal = { error: string; fields?: Record<string, string> };

/** The JSON a form's script sent: an object of strings, at most 100 of them. */
async function readFields(c: Context<AppEnv>): Promise<{ fields: Record<string, string> } | Refusal> {
  const type = (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json") return { error: "Bản tự động lưu phải gửi dưới dạng JSON." };
  let raw: unknown;
  try {
    raw = JSON.parse(await c.req.text());
  } catch {
    return { error: "Bản tự động lưu bị hỏng (JSON không hợp lệ). Nội dung trong biểu mẫu vẫn còn." };
  }
  const fields = raw && typeof raw === "object" && !Array.isArray(raw) ? (raw as Record<string, unknown>).fields : null;
  if (!fields || typeof fields !== "object" || Array.isArray(fields)) {
    return { error: "Bản tự động lưu không đúng dạng: thiếu các trường của biểu mẫu." };
  }
  const entries = Object.entries(fields as Record<string, unknown>);
  if (entries.length > 100) return { error: "Bản tự động lưu có quá nhiều trường." };
  const out: Record<string, string> = {};
  for (const [name, value] of entries) {
    if (typeof value !== "string" || BAD_TEXT.test(name) || BAD_TEXT.test(value)) {
      return { error: "Bản tự động lưu có ký tự không hợp lệ hoặc trường không phải chữ." };
    }
    if (!NOT_KEPT.has(name)) out[name.normalize("NFC")] = value.normalize("NFC");
  }
  return { fields: out };
}

/** The fields as stored: the form's values, read and capped exactly as a save reads them, in a fixed order. */
function keptFields(values: ArticleFormValues): Record<string, string> {
  // Fields the form gains later (the editor's bodyJson) come in once valuesFromForm reads them.
  const out: Record<string, string> = { ...values };
  delete out.version;
  delete out.significant;
  return Object.fromEntries(
    Object.keys(out)
      .sort()
      .map((k) => [k, out[k]!]),
  );
}

type Editable = { article: Article; tags: string[] };

async function autosave(c: Context<AppEnv>, found: Editable | null): Promise<Response> {
  const user = c.var.user!;
  const sent = await readFields(c);
  if ("error" in sent) return c.json(sent satisfies Refusal, 400);
  const values = valuesFromForm(sent.fields);
  let body: BodyBlock[];
  try {
    body = articleBody(values);
  } catch (err) {
    if (!(err instanceof InvalidBodyError)) throw err;
    return c.json(
      {
        error: "Nội dung bài viết có lỗi nên chưa tự động lưu được. Nội dung trong biểu mẫu vẫn còn.",
        fields: { body: err.issues.join("; ") },
      } satisfies Refusal,
      400,
    );
  }
  const fields = keptFields(values);
  const baseVersion = Number(values.version);
  if (!Number.isSafeInteger(baseVersion) || baseVersion < 0) {
    return c.json({ error: "Biểu mẫu thiếu số phiên bản; hãy tải lại trang." } satisfies Refusal, 400);
  }
  // Nothing changed since the article's own save: nothing to keep.
  if (found && sameAsArticle(fields, body, found)) {
    return c.json({ saved: false, unchanged: true, message: "Không có thay đổi so với bản đã lưu." });
  }
  const result = await storeAutosave(c.var.db, {
    userId: user.id,
    articleId: found?.article.id ?? null,
    baseVersion,
    fields,
  });
  return c.json({
    saved: result.stored,
    id: result.id,
    savedAt: result.savedAt.toISOString(),
    message: `Đã tự động lưu lúc ${formatTime(result.savedAt)}`,
  });
}

/** Whether the fields say what the article already holds (its body compared as blocks, not as typed). */
function sameAsArticle(fields: Record<string, string>, body: BodyBlock[], found: Editable): boolean {
  const stored = keptFields(valuesFromArticle(found.article, found.tags));
  return (
    JSON.stringify({ ...stored, body: found.article.body }) ===
    JSON.stringify({ ...fields, body: JSON.stringify(body) })
  );
}

/** Same answers as the form's routes, in JSON for the script. */
const refuseJson = (c: Context<AppEnv>, res: Response) =>
  c.json(
    {
      error:
        res.status === 404
          ? "Không tìm thấy bài viết (có thể đã bị xóa)."
          : "Bạn không có quyền sửa bài này nên không tự động lưu được.",
    } satisfies Refusal,
    res.status === 404 ? 404 : 403,
  );

articleAutosaveRoutes.post("/tu-dong-luu", acceptsBodyUpTo(AUTOSAVE_LIMIT), async (c) => {
  if (!can(c.var.user!, "article.create")) {
    return c.json({ error: "Bạn không có quyền viết bài." } satisfies Refusal, 403);
  }
  return autosave(c, null);
});

articleAutosaveRoutes.post("/:id{[0-9]+}/tu-dong-luu", acceptsBodyUpTo(AUTOSAVE_LIMIT), async (c) => {
  const found = await loadEditable(c);
  if (found instanceof Response) return refuseJson(c, found);
  return autosave(c, found);
});

/** The form's values held by an autosave; the version is the one the editor had open, so a later save by someone else is not overwritten. */
function valuesOf(saved: ArticleAutosave, base: ArticleFormValues): ArticleFormValues {
  const fields = JSON.parse(saved.snapshot) as Record<string, string>;
  return { ...base, ...valuesFromForm({ ...fields, version: String(saved.baseVersion) }) };
}

const openedNotice = (saved: ArticleAutosave) =>
  `Đã mở bản tự động lưu lúc ${formatDateline(saved.savedAt)}. Bản này CHƯA được lưu vào bài: kiểm tra rồi bấm “Lưu”.`;

articleAutosaveRoutes.get("/moi/tu-dong-luu/:as{[0-9]+}", async (c) => {
  const user = c.var.user!;
  if (!can(user, "article.create")) return forbiddenPage(c, "Bạn không có quyền viết bài.");
  const id = parseId(c.req.param("as"));
  const saved = id ? await getAutosave(c.var.db, id, { userId: user.id, articleId: null }) : null;
  if (!saved) return notFoundAdmin(c, "Không tìm thấy bản tự động lưu này (có thể bài đã được lưu).");
  const values = valuesOf(saved, valuesFromForm({}));
  return renderForm(c, values, { notice: openedNotice(saved), unsaved: true });
});

articleAutosaveRoutes.get("/:id{[0-9]+}/tu-dong-luu/:as{[0-9]+}", async (c) => {
  const found = await loadEditable(c);
  if (found instanceof Response) return found;
  const id = parseId(c.req.param("as"));
  const saved = id ? await getAutosave(c.var.db, id, { articleId: found.article.id }) : null;
  if (!saved) return notFoundAdmin(c, "Không tìm thấy bản tự động lưu này.");
  const values = valuesOf(saved, valuesFromArticle(found.article, found.tags));
  return renderForm(c, values, { article: found.article, notice: openedNotice(saved), unsaved: true });
});

/** The picture a library photo gives the share card, for the form's live preview. */
articleAutosaveRoutes.get("/anh-chia-se/:image{[0-9]+}", async (c) => {
  const id = parseId(c.req.param("image"));
  const [image] = id ? await getImagesByIds(c.var.db, [id]) : [];
  if (!image) return c.json({ error: "Không có ảnh này trong thư viện." }, 404);
  return c.json({ src: `${mediaPath(image.r2Key)}?w=${CARD_SIZE.width}&h=${CARD_SIZE.height}`, alt: image.alt });
});

/**
 * The autosave an opened form may offer: the editor's newest one for this
 * article (or their new article), when it is newer than the article's last
 * save. Null when there is none.
 */
export async function autosaveOffer(
  c: Context<AppEnv>,
  article: Article | null,
): Promise<{ href: string; savedAt: string } | null> {
  const saved = await latestAutosave(c.var.db, c.var.user!.id, article?.id ?? null);
  if (!saved || (article && saved.savedAt.getTime() <= article.updatedAt.getTime())) return null;
  return {
    href: article
      ? `/admin/bai-viet/${article.id}/tu-dong-luu/${saved.id}`
      : `/admin/bai-viet/moi/tu-dong-luu/${saved.id}`,
    savedAt: formatDateline(saved.savedAt),
  };
}

/**
 * A new article was saved for real: the editor's autosaves of it are done
 * with. The article is saved whatever happens here; a failure only leaves
 * the slot to be pruned later.
 */
export async function newArticleSaved(c: Context<AppEnv>): Promise<void> {
  try {
    await clearNewArticleAutosaves(c.var.db, c.var.user!.id);
  } catch (err) {
    log("warn", "new-article autosaves not cleared", { error: describeError(err) });
  }
}
