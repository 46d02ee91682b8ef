import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { NO_STORE } from "../edge/policy";
import type { AppEnv } from "../env";
import type { SiteInfo } from "../model/site-info";
import { ErrorPage } from "../views/ErrorPage";
import { renderDocument } from "../views/render";
import { legacyRedirect } from "./legacy-redirect";
import { loadSiteInfo, staticSiteInfo } from "./site-info";

export function errorResponse(
  c: Context<AppEnv>,
  site: SiteInfo,
  status: ContentfulStatusCode,
  title: string,
  message: string,
): Response {
  return c.html(renderDocument(<ErrorPage site={site} title={title} message={message} />), status);
}

export async function notFoundPage(c: Context<AppEnv>): Promise<Response> {
  // An imported site's old address answers 301 instead (src/reader/legacy-redirect.ts).
  const moved = await legacyRedirect(c);
  if (moved) return moved;
  const site = await loadSiteInfo(c).catch(() => staticSiteInfo(c.env));
  return errorResponse(
    c,
    site,
    404,
    "Không tìm thấy trang",
    "Trang bạn tìm không tồn tại hoặc đã được gỡ xuống. Mời bạn đọc các tin mới nhất trên trang chủ.",
  );
}

export function serverErrorPage(c: Context<AppEnv>): Response {
  c.header("cache-control", NO_STORE);
  return errorResponse(
    c,
    staticSiteInfo(c.env),
    500,
    "Đã có lỗi xảy ra",
    "Hệ thống đang gặp sự cố. Xin bạn vui lòng thử lại sau ít phút.",
  );
}

/** Seconds a reader or crawler is asked to wait when the database is unreachable. */
export const RETRY_AFTER_SECONDS = 60;

/** A reader's page refused or failed without touching the database. Never stored anywhere. */
export function plainErrorPage(
  c: Context<AppEnv>,
  status: ContentfulStatusCode,
  title: string,
  message: string,
): Response {
  c.header("cache-control", NO_STORE);
  return errorResponse(c, staticSiteInfo(c.env), status, title, message);
}

/** What a reader or an editor is told when D1 cannot be reached and there is no stored copy of the page. */
export const UNAVAILABLE = {
  title: "Hệ thống tạm thời gián đoạn",
  message:
    "Chúng tôi đang khắc phục sự cố kết nối dữ liệu. Xin bạn vui lòng thử lại sau ít phút; các bài đã đăng vẫn được lưu đầy đủ.",
} as const;

export function badRequestPage(c: Context<AppEnv>, message: string): Response {
  return errorResponse(c, staticSiteInfo(c.env), 400, "Yêu cầu không hợp lệ", message);
}
