import type { User } from "../../model/records";
import { formatDateline } from "../../vi/dates";
import { AdminLayout } from "./AdminLayout";
import { CsrfField } from "./CsrfField";

export interface WeatherPlaceView {
  slug: string;
  name: string;
  shown: string | null;
  override: { text: string; expiresAt: Date } | null;
  runs: { at: Date; ok: boolean; reason: string }[];
}

export function WeatherAdminPage({
  user,
  csrf,
  places,
  notice,
  error,
  defaultExpiry,
}: {
  user: User;
  csrf: string;
  places: WeatherPlaceView[];
  notice?: string | null;
  error?: string | null;
  defaultExpiry: string;
}) {
  return (
    <AdminLayout title="Thời tiết" user={user} csrf={csrf} notice={notice} error={error}>
      <form method="post" action="/admin/thoi-tiet/lam-moi" class="card">
        <CsrfField token={csrf} />
        <p>Bản tin tự động được cập nhật 30 phút một lần từ Open-Meteo.</p>
        <button type="submit">Làm mới ngay</button>
      </form>
      {places.map((p) => (
        <section class="card" aria-labelledby={`w-${p.slug}`}>
          <h2 id={`w-${p.slug}`}>{p.name}</h2>
          <p>
            <strong>Đang hiển thị:</strong> {p.shown ?? "(không có bản tin, hộp thời tiết đang ẩn)"}
          </p>
          {p.override && (
            <form method="post" action={`/admin/thoi-tiet/${p.slug}/bo-ghim`}>
              <CsrfField token={csrf} />
              <p>
                Bản tin ghim thủ công đến {formatDateline(p.override.expiresAt)}.{" "}
                <button type="submit" class="secondary">
                  Bỏ ghim
                </button>
              </p>
            </form>
          )}
          <form method="post" action={`/admin/thoi-tiet/${p.slug}/ghim`}>
            <CsrfField token={csrf} />
            <label for={`text-${p.slug}`}>
              Ghim bản tin thủ công <span class="hint">(ví dụ từ Trung tâm Dự báo khí tượng thủy văn quốc gia)</span>
            </label>
            <textarea id={`text-${p.slug}`} name="text" required maxLength={1000}></textarea>
            <label for={`exp-${p.slug}`}>
              Hết hạn lúc <span class="hint">(giờ Việt Nam)</span>
            </label>
            <input id={`exp-${p.slug}`} name="expiresAt" type="datetime-local" required value={defaultExpiry} />
            <div class="actions">
              <button type="submit">Ghim</button>
            </div>
          </form>
          <h3>Các lần lấy dữ liệu gần đây</h3>
          <table>
            <thead>
              <tr>
                <th>Lúc</th>
                <th>Kết quả</th>
              </tr>
            </thead>
            <tbody>
              {p.runs.map((r) => (
                <tr>
                  <td>{formatDateline(r.at)}</td>
                  <td>{r.ok ? "Thành công" : `Lỗi: ${r.reason}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </AdminLayout>
  );
}
