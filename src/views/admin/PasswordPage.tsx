import type { User } from "../../model/records";
import { AdminLayout } from "./AdminLayout";
import { CsrfField } from "./CsrfField";

export function PasswordPage({
  user,
  csrf,
  error,
  notice,
}: {
  user: User;
  csrf: string;
  error?: string;
  notice?: string;
}) {
  return (
    <AdminLayout title="Đổi mật khẩu" user={user} csrf={csrf} error={error} notice={notice}>
      <form method="post" action="/admin/mat-khau" class="card">
        <CsrfField token={csrf} />
        <label for="current">Mật khẩu hiện tại</label>
        <input id="current" name="current" type="password" autocomplete="current-password" required />
        <label for="next">
          Mật khẩu mới <span class="hint">(ít nhất 10 ký tự)</span>
        </label>
        <input id="next" name="next" type="password" autocomplete="new-password" required minLength={10} />
        <label for="confirm">Nhập lại mật khẩu mới</label>
        <input id="confirm" name="confirm" type="password" autocomplete="new-password" required />
        <div class="actions">
          <button type="submit">Đổi mật khẩu</button>
        </div>
      </form>
      <form method="post" action="/admin/dang-xuat-tat-ca" class="card">
        <CsrfField token={csrf} />
        <p>Mất điện thoại hoặc dùng máy lạ? Đăng xuất khỏi mọi thiết bị đang đăng nhập bằng tài khoản này.</p>
        <button type="submit" class="secondary">
          Đăng xuất khỏi mọi thiết bị
        </button>
      </form>
    </AdminLayout>
  );
}
