import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "../env";
import { ErrorPage } from "../views/ErrorPage";
import { renderDocument } from "../views/render";
import type { SiteInfo } from "../views/site";
import { loadSiteInfo, staticSiteInfo } from "./site-info";

export function errorResponse(c: Context<AppEnv>, site: SiteInfo, status: ContentfulStatusCode, title: string, message: string): Response {
  return c.html(renderDocument(<ErrorPage site={site} title={title} message={message} />), status);
}

export async function notFoundPage(c: Context<AppEnv>): Promise<Response> {
  const site = await loadSiteInfo(c).catch(() => staticSiteInfo(c.env));
  return errorResponse(c, site, 404, "Không tìm thấy trang", "Trang bạn tìm không tồn tại hoặc đã được gỡ xuống. Mời bạn đọc các tin mới nhất trên trang chủ.");
}

export function serverErrorPage(c: Context<AppEnv>): Response {
  return errorResponse(c, staticSiteInfo(c.env), 500, "Đã có lỗi xảy ra", "Hệ thống đang gặp sự cố. Xin bạn vui lòng thử lại sau ít phút.");
}

export function badRequestPage(c: Context<AppEnv>, message: string): Response {
  return errorResponse(c, staticSiteInfo(c.env), 400, "Yêu cầu không hợp lệ", message);
}
