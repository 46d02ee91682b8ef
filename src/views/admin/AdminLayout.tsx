import type { ComponentChildren } from "preact";
import { can, ROLE_NAMES } from "../../model/permissions";
import type { User } from "../../model/records";
import { ASSET_URLS } from "../../site/asset-urls";
import { ADMIN_CSS } from "./admin-styles";
import { CsrfField } from "./CsrfField";

export interface AdminLayoutProps {
  title: string;
  user: User | null;
  csrf?: string;
  notice?: string | null;
  error?: string | null;
  children: ComponentChildren;
}

export function AdminLayout({ title, user, csrf, notice, error, children }: AdminLayoutProps) {
  return (
    <html lang="vi">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <meta name="robots" content="noindex,nofollow" />
        <title>{`${title} - Tòa soạn`}</title>
        <link rel="icon" href={ASSET_URLS["favicon.svg"]} type="image/svg+xml" />
        <style dangerouslySetInnerHTML={{ __html: ADMIN_CSS }} />
      </head>
      <body>
        {user && (
          // Held at the password form (a temporary password): the rooms' links would only lead back to it.
          <nav class={user.mustChangePassword ? "bar held" : "bar"} aria-label="Tòa soạn">
            <a href="/admin/bai-viet">Bài viết</a>
            <a href="/admin/bai-viet/moi">Viết bài</a>
            <a href="/admin/anh">Ảnh</a>
            {can(user, "comments.moderate") && <a href="/admin/binh-luan">Bình luận</a>}
            {can(user, "polls.manage") && <a href="/admin/binh-chon">Bình chọn</a>}
            {can(user, "weather.manage") && <a href="/admin/thoi-tiet">Thời tiết</a>}
            {can(user, "breaking.manage") && <a href="/admin/tin-nong">Tin nóng</a>}
            {can(user, "pages.manage") && <a href="/admin/trang">Trang tĩnh</a>}
            {can(user, "sections.manage") && <a href="/admin/chuyen-muc">Chuyên mục</a>}
            {can(user, "authors.manage") && <a href="/admin/tac-gia">Tác giả</a>}
            {can(user, "settings.manage") && <a href="/admin/menu">Menu</a>}
            {can(user, "settings.manage") && <a href="/admin/cai-dat">Cài đặt</a>}
            {can(user, "people.manage") && <a href="/admin/nguoi-dung">Người dùng</a>}
            {can(user, "audit.view") && <a href="/admin/nhat-ky">Nhật ký</a>}
            <a href="/admin/mat-khau">Mật khẩu</a>
            <span class="who">
              {user.name} ({ROLE_NAMES[user.role]})
            </span>
            <form method="post" action="/admin/dang-xuat">
              <CsrfField token={csrf} />
              <button type="submit">Đăng xuất</button>
            </form>
          </nav>
        )}
        <main>
          <h1>{title}</h1>
          {notice && (
            <p class="ok" role="status">
              {notice}
            </p>
          )}
          {error && (
            <p class="error" role="alert">
              {error}
            </p>
          )}
          {children}
        </main>
      </body>
    </html>
  );
}
