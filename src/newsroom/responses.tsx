import type { Context, MiddlewareHandler } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { VNode } from "preact";
import type { AppEnv } from "../env";
import { type Action, can } from "../model/permissions";
import { AdminLayout } from "../views/admin/AdminLayout";
import { renderDocument } from "../views/render";

/** An admin page, never cached. */
export function adminPage(
  c: Context<AppEnv>,
  page: VNode,
  status: 200 | 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 503 = 200,
): Response {
  c.header("cache-control", "private, no-store");
  return c.html(renderDocument(page), status);
}

export function forbiddenPage(c: Context<AppEnv>, message: string): Response {
  return adminPage(
    c,
    <AdminLayout title="Không được phép" user={c.var.user ?? null} csrf={c.var.session?.csrfToken} error={message}>
      <p>
        <a href="/admin">Về trang quản trị</a>
      </p>
    </AdminLayout>,
    403,
  );
}

/** A room's gate: editors whose role may do `action` go on, the others get a 403 saying who may. */
export function requirePermission(action: Action, refusal: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!can(c.var.user!, action)) return forbiddenPage(c, refusal);
    await next();
  };
}

export function notFoundAdmin(c: Context<AppEnv>, message = "Không tìm thấy mục này."): Response {
  return adminPage(
    c,
    <AdminLayout title="Không tìm thấy" user={c.var.user} csrf={c.var.session?.csrfToken} error={message}>
      <p>
        <a href="/admin">Về trang quản trị</a>
      </p>
    </AdminLayout>,
    404,
  );
}

/** A newsroom request refused or failed without touching the database: the newsroom's layout, no account shown. */
export function plainAdminPage(
  c: Context<AppEnv>,
  status: ContentfulStatusCode,
  title: string,
  message: string,
  back = { href: "/admin", label: "Về trang quản trị" },
): Response {
  c.header("cache-control", "private, no-store");
  return c.html(
    renderDocument(
      <AdminLayout title={title} user={null} error={message}>
        <p>
          <a href={back.href}>{back.label}</a>
        </p>
      </AdminLayout>,
    ),
    status,
  );
}
