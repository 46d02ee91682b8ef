import type { Context } from "hono";
import type { VNode } from "preact";
import type { AppEnv } from "../env";
import { AdminLayout } from "../views/admin/AdminLayout";
import { renderDocument } from "../views/render";

/** An admin page, never cached. */
export function adminPage(c: Context<AppEnv>, page: VNode, status: 200 | 400 | 403 | 404 | 409 | 413 | 415 | 429 | 503 = 200): Response {
  c.header("cache-control", "private, no-store");
  return c.html(renderDocument(page), status);
}

export function forbiddenPage(c: Context<AppEnv>, message: string): Response {
  return adminPage(c, <AdminLayout title="Không được phép" user={c.var.user ?? null} csrf={c.var.session?.csrfToken} error={message}><p><a href="/admin">Về trang quản trị</a></p></AdminLayout>, 403);
}

export function notFoundAdmin(c: Context<AppEnv>, message = "Không tìm thấy mục này."): Response {
  return adminPage(c, <AdminLayout title="Không tìm thấy" user={c.var.user} csrf={c.var.session?.csrfToken} error={message}><p><a href="/admin">Về trang quản trị</a></p></AdminLayout>, 404);
}
