import { type Context, Hono } from "hono";
import {
  type CommentInput,
  commentBodyHash,
  DUPLICATE_WINDOW_MS,
  type FieldErrors,
  looksLikeSpam,
  normaliseComment,
  RATE_LIMIT,
  RATE_WINDOW_MS,
  validateComment,
} from "../community/comment-rules";
import { checkFormToken, issueFormToken, refillFormToken } from "../community/form-token";
import { formSecret } from "../community/signing";
import { turnstileOk } from "../community/turnstile";
import { getPublishedArticle } from "../db/articles";
import { getComment, insertComment, isDuplicateComment, recentCommentsFrom } from "../db/comments";
import type { AppEnv } from "../env";
import { clientHash } from "../http/client";
import { parseId } from "../http/ids";
import { articlePath } from "../site/urls";
import { CommentForm } from "../views/CommentForm";
import { Document } from "../views/Document";
import { renderDocument } from "../views/render";
import { notFoundPage } from "./errors";
import { formNetwork, postedCrossSite, postedSameOrigin } from "./form-origin";
import { loadSiteInfo } from "./site-info";

export const commentRoutes = new Hono<AppEnv>();

/**
 * The form again, with the reader's text, the reason it was refused and a
 * fresh token bound to this reader's network. Never cached.
 */
async function refusal(
  c: Context<AppEnv>,
  status: 400 | 403 | 409 | 429,
  message: string,
  form: { articleId: number; parentId?: number; values: CommentInput; errors?: FieldErrors; backTo: string },
) {
  const site = await loadSiteInfo(c);
  const token = await refillFormToken(formSecret(c.env), formNetwork(c));
  c.header("cache-control", "private, no-store");
  return c.html(
    renderDocument(
      <Document site={site} title="Bình luận chưa được gửi" noindex>
        <div class="article">
          <h1>Bình luận chưa được gửi</h1>
          <p>
            <a href={form.backTo}>← Quay lại bài viết</a>
          </p>
          <CommentForm
            articleId={form.articleId}
            parentId={form.parentId}
            values={form.values}
            errors={form.errors}
            error={message}
            token={token}
            turnstileSiteKey={c.env.TURNSTILE_SITE_KEY}
          />
        </div>
      </Document>,
    ),
    status,
  );
}

commentRoutes.post("/", async (c) => {
  const body = await c.req.parseBody();
  const field = (k: string) => (typeof body[k] === "string" ? (body[k] as string) : undefined);
  const articleId = parseId(field("article"));
  const article = articleId ? await getPublishedArticle(c.var.db, articleId, new Date()) : null;
  if (!article) return notFoundPage(c);
  const backTo = articlePath(article);
  const values = normaliseComment({ name: field("name"), email: field("email"), body: field("body") });
  const parentId = parseId(field("parent")) ?? undefined;
  const form = { articleId: article.id, parentId, values, backTo };
  // Another site's page posted this (its visitor may not even know): nothing is stored, the text is kept.
  if (postedCrossSite(c)) {
    return refusal(
      c,
      403,
      "Bình luận này được gửi từ một trang web khác nên báo chưa nhận. Nội dung vẫn còn đây: nếu đúng là bạn muốn gửi, hãy bấm “Gửi bình luận”.",
      form,
    );
  }
  // A reply to something that is not a comment id is not quietly posted as a new thread.
  if (field("parent") && !parentId) return refusal(c, 400, "Bình luận bạn muốn trả lời không còn tồn tại.", form);

  if (field("website")) return refusal(c, 400, "Không gửi được bình luận. Vui lòng thử lại.", form);
  const token = await checkFormToken(formSecret(c.env), formNetwork(c), field("t"), Date.now(), postedSameOrigin(c));
  if (token === "too-fast") return refusal(c, 400, "Bạn gửi nhanh quá. Vui lòng đợi vài giây rồi bấm gửi lại.", form);
  // No token, or a cached page's token the browser did not vouch for: exchanged for one bound to this reader.
  if (token === "missing" || token === "unbound")
    return refusal(
      c,
      400,
      "Vui lòng bấm “Gửi bình luận” thêm một lần nữa để xác nhận. Nội dung của bạn vẫn còn đây.",
      form,
    );
  if (token !== "ok") {
    return refusal(
      c,
      400,
      "Biểu mẫu đã hết hạn hoặc được mở từ một mạng khác. Nội dung của bạn vẫn còn đây, hãy bấm gửi lại.",
      form,
    );
  }
  if (
    !(await turnstileOk(
      c.env.TURNSTILE_SECRET,
      field("cf-turnstile-response"),
      c.req.header("cf-connecting-ip") ?? null,
    ))
  ) {
    return refusal(c, 403, "Chưa xác minh được bạn không phải máy. Vui lòng thử lại.", form);
  }
  const errors = validateComment(values);
  if (Object.keys(errors).length) return refusal(c, 400, "Vui lòng sửa các lỗi bên dưới.", { ...form, errors });

  if (parentId) {
    const parent = await getComment(c.var.db, parentId);
    if (!parent || parent.articleId !== article.id || parent.status !== "approved" || parent.parentId) {
      return refusal(c, 400, "Bình luận bạn muốn trả lời không còn tồn tại.", { ...form, parentId: undefined });
    }
  }
  const ipHash = await clientHash(c.req.raw, c.env);
  const now = Date.now();
  if ((await recentCommentsFrom(c.var.db, ipHash, new Date(now - RATE_WINDOW_MS))) >= RATE_LIMIT) {
    return refusal(c, 429, "Bạn đã gửi nhiều bình luận trong thời gian ngắn. Vui lòng thử lại sau ít phút.", form);
  }
  const bodyHash = await commentBodyHash(values.body);
  if (await isDuplicateComment(c.var.db, article.id, bodyHash, new Date(now - DUPLICATE_WINDOW_MS))) {
    return refusal(c, 409, "Bình luận này đã được gửi trước đó.", form);
  }
  await insertComment(c.var.db, {
    articleId: article.id,
    parentId: parentId ?? null,
    name: values.name,
    email: values.email || null,
    body: values.body,
    bodyHash,
    ipHash,
    status: looksLikeSpam(values) ? "spam" : "pending",
  });
  return c.redirect(`${backTo}#binh-luan-da-gui`, 303);
});

commentRoutes.get("/tra-loi/:id", async (c) => {
  const parent = await getComment(c.var.db, parseId(c.req.param("id")) ?? 0);
  const article =
    parent && parent.status === "approved" && !parent.parentId
      ? await getPublishedArticle(c.var.db, parent.articleId, new Date())
      : null;
  if (!parent || !article) return notFoundPage(c);
  const site = await loadSiteInfo(c);
  c.header("cache-control", "private, no-store");
  return c.html(
    renderDocument(
      <Document site={site} title={`Trả lời ${parent.name}`} noindex>
        <div class="article">
          <h1>Trả lời bình luận</h1>
          <p>
            <a href={articlePath(article)}>← {article.headline}</a>
          </p>
          <blockquote>
            <p>{parent.body}</p>
            <footer>- {parent.name}</footer>
          </blockquote>
          <CommentForm
            articleId={article.id}
            parentId={parent.id}
            token={await issueFormToken(formSecret(c.env), formNetwork(c))}
            turnstileSiteKey={c.env.TURNSTILE_SITE_KEY}
            title="Viết trả lời"
          />
        </div>
      </Document>,
    ),
  );
});
