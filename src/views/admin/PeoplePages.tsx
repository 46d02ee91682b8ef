import { ROLE_NAMES } from "../../model/permissions";
import type { User } from "../../model/records";
import type { UserRole } from "../../model/statuses";
import { USER_ROLES } from "../../model/statuses";
import { formatDateline } from "../../vi/dates";
import { AdminLayout } from "./AdminLayout";
import { CsrfField } from "./CsrfField";

export function UsersPage({
  user,
  csrf,
  users,
  authors,
  error,
  notice,
}: {
  user: User;
  csrf: string;
  users: User[];
  authors: { id: number; byline: string }[];
  error?: string | null;
  notice?: string | null;
}) {
  const RoleSelect = ({ id, value, label }: { id: string; value?: UserRole; label?: string }) => (
    <select name="role" id={id} aria-label={label}>
      {USER_ROLES.map((r) => (
        <option value={r} selected={r === value}>
          {ROLE_NAMES[r]}
        </option>
      ))}
    </select>
  );
  return (
    <AdminLayout title="Người dùng" user={user} csrf={csrf} error={error} notice={notice}>
      <table class="people">
        <thead>
          <tr>
            <th>Tên</th>
            <th>Email</th>
            <th>Vai trò, tài khoản</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>
                {u.name}
                {u.disabled && " (đã khóa)"}
                {u.mustChangePassword && <span class="hint"> (chờ đổi mật khẩu tạm)</span>}
              </td>
              <td>{u.email}</td>
              <td>
                <form method="post" action={`/admin/nguoi-dung/${u.id}`}>
                  <CsrfField token={csrf} />
                  <RoleSelect id={`role-${u.id}`} value={u.role} label={`Vai trò của ${u.name}`} />
                  <label for={`authorId-${u.id}`}>Đứng tên tác giả</label>
                  <select id={`authorId-${u.id}`} name="authorId">
                    <option value="">Không</option>
                    {authors.map((a) => (
                      <option value={String(a.id)} selected={a.id === u.authorId}>
                        {a.byline}
                      </option>
                    ))}
                  </select>
                  <label>
                    <input type="checkbox" name="disabled" value="1" checked={u.disabled} /> Khóa tài khoản
                  </label>
                  <button type="submit" class="secondary">
                    Lưu
                  </button>
                </form>
                <div class="row-actions">
                  <a href={u.id === user.id ? "/admin/phien" : `/admin/nguoi-dung/${u.id}/phien`}>Phiên đăng nhập</a>
                  {u.id !== user.id && (
                    <form method="post" action={`/admin/nguoi-dung/${u.id}/dat-lai-mat-khau`}>
                      <CsrfField token={csrf} />
                      <button type="submit" class="secondary" aria-label={`Đặt lại mật khẩu của ${u.name}`}>
                        Đặt lại mật khẩu
                      </button>
                    </form>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="post" action="/admin/nguoi-dung" class="card">
        <h2>Thêm người dùng</h2>
        <CsrfField token={csrf} />
        <label for="name">Họ tên</label>
        <input id="name" name="name" type="text" required maxLength={100} />
        <label for="email">Email</label>
        <input id="email" name="email" type="email" required maxLength={200} />
        <label for="role">Vai trò</label>
        <RoleSelect id="role" value="reporter" />
        <label for="authorId">
          Bút danh <span class="hint">(tùy chọn)</span>
        </label>
        <select id="authorId" name="authorId">
          <option value="">Không</option>
          {authors.map((a) => (
            <option value={String(a.id)}>{a.byline}</option>
          ))}
        </select>
        <label for="password">
          Mật khẩu tạm <span class="hint">(ít nhất 10 ký tự; người dùng phải đổi ngay lần đăng nhập đầu)</span>
        </label>
        <input id="password" name="password" type="password" required minLength={10} autocomplete="new-password" />
        <div class="actions">
          <button type="submit">Thêm</button>
        </div>
      </form>
    </AdminLayout>
  );
}

export function AuditPage({
  user,
  csrf,
  entries,
  names,
}: {
  user: User;
  csrf: string;
  entries: { id: number; at: Date; userId: number | null; action: string; target: string; detail: string }[];
  names: Map<number, string>;
}) {
  return (
    <AdminLayout title="Nhật ký hoạt động" user={user} csrf={csrf}>
      <table>
        <thead>
          <tr>
            <th>Thời gian</th>
            <th>Người dùng</th>
            <th>Hành động</th>
            <th>Đối tượng</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td>{formatDateline(e.at)}</td>
              <td>{e.userId ? (names.get(e.userId) ?? `#${e.userId}`) : "Hệ thống"}</td>
              <td>{e.action}</td>
              <td>
                {e.target} {e.detail}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </AdminLayout>
  );
}
