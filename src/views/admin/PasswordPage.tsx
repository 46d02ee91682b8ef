import type { User } from "../../model/records";
import { AdminLayout } from "./AdminLayout";
import { CsrfField } from "./CsrfField";

export function PasswordPage({
  user,
  csrf,
  next,
  error,
  notice,
}: {
  user: User;
  csrf: string;
  /** Where to go once a temporary password is replaced (a newsroom path, checked by the route). */
  next?: string;
  error?: string;
  notice?: string;
}) {
  const forced = user.mustChangePassword;
  return (
    <AdminLayout
      title={forced ? "Đặt mật khẩu của bạn" : "Đổi mật khẩu"}
      user={user}
      csrf={csrf}
      error={error}
      notice={notice}
    >
      {forced && (
        <div class="card" role="note">
          <p>
            <strong>Bạn đang dùng mật khẩu tạm</strong> do quản trị viên đặt. Để bảo vệ tài khoản, hãy chọn mật khẩu mới
            của riêng bạn trước khi tiếp tục làm việc. Các trang khác của tòa soạn sẽ mở sau khi bạn đổi xong.
          </p>
        </div>
      )}
      <form method="post" action="/admin/mat-khau" class="card">
        <CsrfField token={csrf} />
        {next && <input type="hidden" name="tiep" value={next} />}
        <label for="current">{forced ? "Mật khẩu tạm" : "Mật khẩu hiện tại"}</label>
        <input id="current" name="current" type="password" autocomplete="current-password" required />
        <label for="next">
          Mật khẩu mới <span class="hint">(ít nhất 10 ký tự{forced ? ", khác mật khẩu tạm" : ""})</span>
        </label>
        <input id="next" name="next" type="password" autocomplete="new-password" required minLength={10} />
        <label for="confirm">Nhập lại mật khẩu mới</label>
        <input id="confirm" name="confirm" type="password" autocomplete="new-password" required />
        <div class="actions">
          <button type="submit">{forced ? "Lưu mật khẩu mới và tiếp tục" : "Đổi mật khẩu"}</button>
        </div>
      </form>
      {!forced && (
        <p>
          <a href="/admin/phien">Xem các thiết bị đang đăng nhập</a>
        </p>
      )}
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
