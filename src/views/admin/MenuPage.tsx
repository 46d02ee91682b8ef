import type { Section, StaticPage, User } from "../../model/records";
import { AdminLayout } from "./AdminLayout";
import { CsrfField } from "./CsrfField";

interface Row {
  key: string;
  label: string;
  href: string;
  position: number;
  inHeader: boolean;
  inFooter: boolean;
  note?: string;
}

function MenuRows({ title, rows }: { title: string; rows: Row[] }) {
  return (
    <table>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">Mục</th>
          <th scope="col">Thứ tự</th>
          <th scope="col">Đầu trang</th>
          <th scope="col">Cuối trang</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <th scope="row">
              <a href={r.href}>{r.label}</a>
              {r.note && <span class="hint"> {r.note}</span>}
            </th>
            <td>
              <input
                type="number"
                name={`${r.key}-position`}
                value={String(r.position)}
                min={-9999}
                max={9999}
                aria-label={`Thứ tự: ${r.label}`}
              />
            </td>
            <td>
              <input
                type="checkbox"
                name={`${r.key}-header`}
                value="1"
                checked={r.inHeader}
                aria-label={`${r.label} ở đầu trang`}
              />
            </td>
            <td>
              <input
                type="checkbox"
                name={`${r.key}-footer`}
                value="1"
                checked={r.inFooter}
                aria-label={`${r.label} ở cuối trang`}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function MenuPage({
  user,
  csrf,
  sections,
  pages,
  notice,
  error,
}: {
  user: User;
  csrf: string;
  sections: Section[];
  pages: StaticPage[];
  notice?: string | null;
  error?: string | null;
}) {
  return (
    <AdminLayout title="Menu" user={user} csrf={csrf} notice={notice} error={error}>
      <form method="post" action="/admin/menu" class="card">
        <CsrfField token={csrf} />
        <p>Số nhỏ đứng trước. Chuyên mục đứng trước trang tĩnh. “Trang chủ” luôn ở đầu menu.</p>
        <MenuRows
          title="Chuyên mục"
          rows={sections.map((s) => ({
            key: `s-${s.id}`,
            label: s.name,
            href: `/${s.slug}`,
            position: s.position,
            inHeader: s.inHeader,
            inFooter: s.inFooter,
          }))}
        />
        <MenuRows
          title="Trang tĩnh"
          rows={pages.map((p) => ({
            key: `p-${p.id}`,
            label: p.title,
            href: `/admin/trang/${p.id}`,
            position: p.position,
            inHeader: p.inHeader,
            inFooter: p.inFooter,
            note: p.status === "published" ? undefined : "(bản nháp, chưa hiện)",
          }))}
        />
        <div class="actions">
          <button type="submit">Lưu menu</button>
        </div>
      </form>
    </AdminLayout>
  );
}
