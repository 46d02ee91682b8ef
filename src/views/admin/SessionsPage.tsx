import type { User } from "../../model/records";
import { formatDateline } from "../../vi/dates";
import { AdminLayout } from "./AdminLayout";
import { CsrfField } from "./CsrfField";

export interface SessionRow {
  /** Names the session in forms; never the stored id. */
  handle: string;
  device: string;
  createdAt: Date;
  lastSeenAt: Date;
  /** The session of the browser looking at the page. */
  current: boolean;
}

/**
 * Someone's active sessions: the viewer's own (`owner` null), or another
 * account's as an admin sees them from the people screen. A list of cards,
 * not a table, so every button stays on a 360 px phone.
 */
export function SessionsPage({
  user,
  csrf,
  owner,
  sessions,
  error,
  notice,
}: {
  user: User;
  csrf: string;
  owner: { id: number; name: string } | null;
  sessions: SessionRow[];
  error?: string | null;
  notice?: string | null;
}) {
  const base = owner ? `/admin/nguoi-dung/${owner.id}/phien` : "/admin/phien";
  const others = sessions.filter((s) => !s.current);
  return (
    <AdminLayout
      title={owner ? `Phiên đăng nhập của ${owner.name}` : "Phiên đăng nhập"}
      user={user}
      csrf={csrf}
      error={error}
      notice={notice}
    >
      <p>
        {owner
          ? "Các thiết bị đang đăng nhập bằng tài khoản này. Kết thúc một phiên thì thiết bị đó phải đăng nhập lại."
          : "Các thiết bị đang đăng nhập bằng tài khoản của bạn. Nếu thấy thiết bị lạ, hãy kết thúc phiên đó và đổi mật khẩu."}{" "}
        Giờ Việt Nam.
      </p>
      {sessions.length === 0 && <p class="card">Không có phiên nào đang hoạt động.</p>}
      <ul class="sessions">
        {sessions.map((s) => (
          <li key={s.handle} class="card">
            <h2>
              {s.device || "Thiết bị không rõ"}
              {s.current && (
                <>
                  {" "}
                  <span class="status">Thiết bị này</span>
                </>
              )}
            </h2>
            <p>
              Đăng nhập lúc <time dateTime={s.createdAt.toISOString()}>{formatDateline(s.createdAt)}</time>
              <br />
              Dùng gần nhất <time dateTime={s.lastSeenAt.toISOString()}>{formatDateline(s.lastSeenAt)}</time>
            </p>
            {!s.current && (
              <form method="post" action={`${base}/${s.handle}/ket-thuc`}>
                <CsrfField token={csrf} />
                <button
                  type="submit"
                  class="secondary"
                  aria-label={`Kết thúc phiên trên ${s.device || "thiết bị không rõ"}`}
                >
                  Kết thúc
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
      {others.length > 0 && (
        <form method="post" action={`${base}/ket-thuc-tat-ca`} class="card">
          <CsrfField token={csrf} />
          <p>
            {owner && !sessions.some((s) => s.current)
              ? "Đăng xuất tài khoản này khỏi mọi thiết bị."
              : "Đăng xuất khỏi mọi thiết bị khác; thiết bị này vẫn đăng nhập."}
          </p>
          <button type="submit" class="danger">
            {owner && !sessions.some((s) => s.current)
              ? "Đăng xuất khỏi mọi thiết bị"
              : "Đăng xuất khỏi mọi thiết bị khác"}
          </button>
        </form>
      )}
      <p>
        {owner ? <a href="/admin/nguoi-dung">Về danh sách người dùng</a> : <a href="/admin/mat-khau">Đổi mật khẩu</a>}
      </p>
    </AdminLayout>
  );
}
