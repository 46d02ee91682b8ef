import type { User } from "../../model/records";
import { AdminLayout } from "./AdminLayout";

/** Shown once, right after an admin reset someone's password: the only place the temporary password appears. */
export function PasswordResetPage({
  user,
  csrf,
  target,
  temporaryPassword,
}: {
  user: User;
  csrf: string;
  target: Pick<User, "name" | "email">;
  temporaryPassword: string;
}) {
  return (
    <AdminLayout
      title="Đã đặt lại mật khẩu"
      user={user}
      csrf={csrf}
      notice={`Đã đặt mật khẩu tạm cho ${target.name} và đăng xuất tài khoản này khỏi mọi thiết bị.`}
    >
      <div class="card">
        <p>
          Mật khẩu tạm của <strong>{target.name}</strong> ({target.email}):
        </p>
        <p class="temp-password">
          <code id="mat-khau-tam">{temporaryPassword}</code>
        </p>
        <p>
          Mật khẩu này <strong>chỉ hiện một lần</strong>: báo không lưu lại bản rõ. Hãy trao trực tiếp cho người dùng
          (gặp mặt hoặc gọi điện), đừng gửi vào nhóm chat chung. Khi đăng nhập, họ phải đổi sang mật khẩu của riêng mình
          trước khi làm việc khác.
        </p>
      </div>
      <p>
        <a href="/admin/nguoi-dung">Về danh sách người dùng</a>
      </p>
    </AdminLayout>
  );
}
