// Every state-changing request must come from our own pages: the browser's
// Origin (or Sec-Fetch-Site) must be ours, and a logged-in editor's form must
// carry the session's CSRF token.
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env";
import { safeEqual } from "../platform/crypto";
import { CSRF_FIELD } from "../views/admin/CsrfField";
import { isArticleSave, staleTokenForm } from "./article-recovery";
import { forbiddenPage } from "./responses";
import { wantsJson } from "./session";

const SAFE = /^(GET|HEAD|OPTIONS)$/;

export const csrfProtection: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (SAFE.test(c.req.method)) return next();
  const origin = c.req.header("origin");
  const fetchSite = c.req.header("sec-fetch-site");
  const sameOrigin = origin ? origin === new URL(c.req.url).origin : fetchSite === "same-origin";
  if (!sameOrigin) return forbiddenPage(c, "Yêu cầu không đến từ trang quản trị của báo nên đã bị từ chối (CSRF).");
  const session = c.var.session;
  if (session) {
    const type = c.req.header("content-type") ?? "";
    const sent =
      type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")
        ? (await c.req.parseBody())[CSRF_FIELD]
        : c.req.header("x-csrf-token");
    if (typeof sent !== "string" || !safeEqual(sent, session.csrfToken)) {
      // The article form keeps its text: drawn again with the current token (nothing stored).
      if (isArticleSave(c)) return staleTokenForm(c);
      if (wantsJson(c)) {
        return c.json(
          { error: "Phiên làm việc của biểu mẫu đã đổi. Hãy tải lại trang; nội dung vẫn được giữ trên máy này." },
          403,
        );
      }
      return forbiddenPage(c, "Phiên làm việc của biểu mẫu đã hết hạn. Vui lòng tải lại trang và thử lại.");
    }
  }
  await next();
};
