import type { BreakingNews, User } from "../../model/records";
import { formatDateline } from "../../vi/dates";
import { AdminLayout } from "./AdminLayout";
import { CsrfField } from "./CsrfField";

export interface BreakingFormValues {
  text: string;
  url: string;
  expiresAt: string;
}

export function BreakingNewsAdminPage({
  user,
  csrf,
  active,
  recent,
  now,
  values,
  errors,
  notice,
  error,
}: {
  user: User;
  csrf: string;
  active: BreakingNews | null;
  recent: BreakingNews[];
  now: Date;
  values: BreakingFormValues;
  errors: Partial<Record<keyof BreakingFormValues, string>>;
  notice?: string | null;
  error?: string | null;
}) {
  const invalid = (f: keyof BreakingFormValues) =>
    errors[f] ? { "aria-invalid": "true" as const, "aria-describedby": `${f}-error` } : {};
  return (
    <AdminLayout title="Tin nóng" user={user} csrf={csrf} notice={notice} error={error}>
      <section class="card" aria-labelledby="now-title">
        <h2 id="now-title">Đang hiện</h2>
        {active ? (
          <form method="post" action={`/admin/tin-nong/${active.id}/go`}>
            <CsrfField token={csrf} />
            <p>
              <strong>{active.text}</strong>
              {active.url && (
                <>
                  {" "}
                  → <a href={active.url}>{active.url}</a>
                </>
              )}
            </p>
            <p>
              Đến {formatDateline(active.expiresAt)}.{" "}
              <button type="submit" class="danger">
                Gỡ ngay
              </button>
            </p>
          </form>
        ) : (
          <p>Không có tin nóng nào.</p>
        )}
      </section>
      <form method="post" action="/admin/tin-nong" class="card">
        <CsrfField token={csrf} />
        <h2>Đăng tin nóng</h2>
        <p class="hint">
          Tin mới thay tin đang hiện (tin cũ được gỡ). Hiện trên mọi trang trong vài giây, tự tắt khi hết hạn.
        </p>
        <label for="text">
          Nội dung <span class="hint">(tối đa 200 ký tự)</span>
        </label>
        <input id="text" name="text" type="text" value={values.text} required maxLength={200} {...invalid("text")} />
        {errors.text && (
          <p class="field-error" id="text-error">
            {errors.text}
          </p>
        )}
        <label for="url">
          Liên kết <span class="hint">(không bắt buộc: /chuyen-muc/bai-viet-12.html hoặc https://…)</span>
        </label>
        <input id="url" name="url" type="text" value={values.url} maxLength={500} {...invalid("url")} />
        {errors.url && (
          <p class="field-error" id="url-error">
            {errors.url}
          </p>
        )}
        <label for="expiresAt">
          Hết hạn lúc <span class="hint">(giờ Việt Nam)</span>
        </label>
        <input
          id="expiresAt"
          name="expiresAt"
          type="datetime-local"
          value={values.expiresAt}
          required
          {...invalid("expiresAt")}
        />
        {errors.expiresAt && (
          <p class="field-error" id="expiresAt-error">
            {errors.expiresAt}
          </p>
        )}
        <div class="actions">
          <button type="submit">Đăng tin nóng</button>
        </div>
      </form>
      {recent.length > 0 && (
        <table>
          <caption>Gần đây</caption>
          <thead>
            <tr>
              <th scope="col">Nội dung</th>
              <th scope="col">Đăng lúc</th>
              <th scope="col">Hết hạn</th>
              <th scope="col">Tình trạng</th>
            </tr>
          </thead>
          <tbody>
            {recent.map((b) => (
              <tr>
                <td>{b.text}</td>
                <td>{formatDateline(b.createdAt)}</td>
                <td>{formatDateline(b.expiresAt)}</td>
                <td>
                  {b.endedAt ? `Gỡ lúc ${formatDateline(b.endedAt)}` : b.expiresAt > now ? "Đang chạy" : "Đã hết hạn"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminLayout>
  );
}
