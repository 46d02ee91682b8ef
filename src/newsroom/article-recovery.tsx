// A save of the article form that arrives with a stale form token or after
// the session ended keeps every word (issue 18.5), without JavaScript:
//
// - Stale token (the session changed since the form was drawn, e.g. a
//   sign-out and sign-in in another tab): the form is drawn again with
//   everything submitted and the session's current token, and a message to
//   press "Lưu" again. Nothing is stored.
// - No session (expired, signed out): the submitted fields are kept in D1
//   (sign_in_stashes) under a random one-time key, and the answer is the
//   sign-in page carrying that key in a hidden field; a second random value
//   goes in an HttpOnly cookie, and both must match. After signing in, the
//   answer to the sign-in is the article form with the text in it, ready to
//   save; the stash is deleted. The text is never in a URL, and every
//   /admin answer is `private, no-store`. Nothing reaches the article before
//   the editor presses "Lưu" on that form.
//
// A form posted without a session can come from anyone (only the Origin is
// checked), so stashes are capped: size, 30 minutes, 3 per client, 500 in all.
import type { Context } from "hono";
import { getCookie } from "hono/cookie";
import { putStash, STASH_LIMITS, takeStash } from "../db/sign-in-stashes";
import type { AppEnv } from "../env";
import { clientHash } from "../http/client";
import { can } from "../model/permissions";
import type { Session, User } from "../model/records";
import { randomToken, sha256Hex } from "../platform/crypto";
import { LoginPage } from "../views/admin/LoginPage";
import { valuesFromForm } from "./article-form";
import { renderForm } from "./article-form-responses";
import { loadEditable } from "./editable-article";
import { formStrings, parseId } from "./form";
import { adminPage, forbiddenPage } from "./responses";

/** The article form's saves: a new article, or an existing one. */
const ARTICLE_SAVE = /^\/admin\/bai-viet(?:\/([0-9]{1,15}))?$/;

/** The hidden field of the sign-in form naming the stash. */
export const STASH_FIELD = "giu";
const STASH_COOKIE = "__Host-bai-giu";
/** The most a stash holds: a body at its limit (200,000 characters) and the other fields, with room. */
const STASH_MAX_CHARS = 400_000;

/** Whether this request is the article form being saved (a form POST to its address). */
export function isArticleSave(c: Context<AppEnv>): boolean {
  const type = (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  return (
    c.req.method === "POST" &&
    ARTICLE_SAVE.test(c.req.path) &&
    (type === "application/x-www-form-urlencoded" || type === "multipart/form-data")
  );
}

const articleIdOf = (path: string): number | null => {
  const m = ARTICLE_SAVE.exec(path);
  return m?.[1] ? parseId(m[1]) : null;
};

/** What the form was: its fields as a save reads them, without the button pressed (the editor chooses again). */
async function submittedValues(c: Context<AppEnv>) {
  const form = await formStrings(c);
  return valuesFromForm(form);
}

/** The form drawn again for a valid session whose token the submitted form did not carry. */
export async function staleTokenForm(c: Context<AppEnv>): Promise<Response> {
  const values = await submittedValues(c);
  const id = articleIdOf(c.req.path);
  let article: Awaited<ReturnType<typeof loadEditable>> | null = null;
  if (id) {
    article = await loadEditable(c, id);
    if (article instanceof Response) return article;
  } else if (!can(c.var.user!, "article.create")) {
    return forbiddenPage(c, "Bạn không có quyền viết bài.");
  }
  return renderForm(c, values, {
    article: article?.article,
    error:
      "Biểu mẫu này đã hết hạn (được mở từ một phiên làm việc cũ) nên bài CHƯA được lưu. Nội dung bạn nhập vẫn còn bên dưới: hãy kiểm tra rồi bấm “Lưu” lại.",
    status: 403,
  });
}

const stashCookie = (value: string, maxAgeSeconds: number) =>
  `${STASH_COOKIE}=${value}; Path=/; Max-Age=${maxAgeSeconds}; HttpOnly; Secure; SameSite=Strict`;

/** The sign-in page answering an article save that came without a session, the text kept for after. */
export async function stashForSignIn(c: Context<AppEnv>): Promise<Response> {
  const values = await submittedValues(c);
  const id = articleIdOf(c.req.path);
  const next = id ? `/admin/bai-viet/${id}` : "/admin/bai-viet/moi";
  const data = JSON.stringify(values);
  const key = randomToken();
  const cookie = randomToken();
  const now = new Date();
  const kept =
    data.length <= STASH_MAX_CHARS &&
    (await putStash(c.var.db, {
      id: await sha256Hex(key),
      cookieHash: await sha256Hex(cookie),
      client: await clientHash(c.req.raw, c.env),
      target: c.req.path,
      data,
      createdAt: now,
      expiresAt: new Date(now.getTime() + STASH_LIMITS.ttlMs),
    }));
  if (!kept) {
    return adminPage(
      c,
      <LoginPage
        next={next}
        error="Phiên đăng nhập đã hết hạn nên bài CHƯA được lưu, và hệ thống không giữ được nội dung vừa gửi. Hãy quay lại trang trước (nút Back) để chép nội dung, rồi đăng nhập lại."
      />,
      401,
    );
  }
  c.header("set-cookie", stashCookie(cookie, Math.floor(STASH_LIMITS.ttlMs / 1000)), { append: true });
  return adminPage(
    c,
    <LoginPage
      next={next}
      keep={key}
      error="Phiên đăng nhập đã hết hạn nên bài CHƯA được lưu. Nội dung bạn vừa gửi đang được giữ: hãy đăng nhập lại, bài sẽ hiện ra để bạn bấm “Lưu”."
    />,
    401,
  );
}

/**
 * After a successful sign-in carrying a stash key: the article form with the
 * kept text, for the new session. Null when there is nothing to give back
 * (no such stash, expired, another browser's, or a form this account may not
 * use); the sign-in then goes on as usual.
 */
export async function formFromStash(
  c: Context<AppEnv>,
  key: string,
  user: User,
  session: Session,
): Promise<Response | null> {
  const cookie = getCookie(c, STASH_COOKIE);
  if (!cookie || !/^[0-9a-f]{64}$/.test(key)) return null;
  c.header("set-cookie", stashCookie("", 0), { append: true });
  const stash = await takeStash(c.var.db, await sha256Hex(key), await sha256Hex(cookie), new Date());
  if (!stash) return null;
  const values = valuesFromForm(JSON.parse(stash.data) as Record<string, string>);
  // The form is drawn for the session just started.
  c.set("user", user);
  c.set("session", session);
  const id = articleIdOf(stash.target);
  let article: Awaited<ReturnType<typeof loadEditable>> | null = null;
  if (id) {
    article = await loadEditable(c, id);
    if (article instanceof Response) return null;
  } else if (!can(user, "article.create")) {
    return null;
  }
  return renderForm(c, values, {
    article: article?.article,
    notice: "Đã đăng nhập lại. Nội dung bạn gửi trước đó ở bên dưới và CHƯA được lưu: hãy kiểm tra rồi bấm “Lưu”.",
    unsaved: true,
  });
}
