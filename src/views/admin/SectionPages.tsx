import type { Section, User } from "../../model/records";
import { AdminLayout } from "./AdminLayout";
import { CsrfField } from "./CsrfField";
import { Field } from "./Field";
import { invalidProps } from "./invalid-props";
import { SlugField } from "./SlugField";

export interface SectionFormValues {
  name: string;
  slug: string;
  description: string;
  position: string;
  hidden: boolean;
}

export type SectionFormErrors = Partial<Record<keyof SectionFormValues, string>>;

export function SectionListPage({
  user,
  csrf,
  sections,
  notice,
  error,
}: {
  user: User;
  csrf: string;
  sections: Section[];
  notice?: string | null;
  error?: string | null;
}) {
  return (
    <AdminLayout title="Chuyên mục" user={user} csrf={csrf} notice={notice} error={error}>
      <p>
        <a href="/admin/chuyen-muc/moi">Thêm chuyên mục</a>
      </p>
      {sections.length === 0 ? (
        <p>Chưa có chuyên mục nào.</p>
      ) : (
        <form method="post" action="/admin/chuyen-muc/thu-tu" class="card">
          <CsrfField token={csrf} />
          <table>
            <caption>Số nhỏ đứng trước trong menu và trên trang chủ.</caption>
            <thead>
              <tr>
                <th scope="col">Chuyên mục</th>
                <th scope="col">Thứ tự</th>
                <th scope="col">Hiển thị</th>
                <th scope="col">Đường dẫn</th>
              </tr>
            </thead>
            <tbody>
              {sections.map((s) => (
                <tr>
                  <th scope="row">
                    <a href={`/admin/chuyen-muc/${s.id}`}>{s.name}</a>
                  </th>
                  <td>
                    <input
                      type="number"
                      name={`position-${s.id}`}
                      value={String(s.position)}
                      min={-9999}
                      max={9999}
                      aria-label={`Thứ tự: ${s.name}`}
                    />
                  </td>
                  <td>{s.hidden ? "Đã ẩn" : "Hiện"}</td>
                  <td>
                    <a href={`/${s.slug}`}>/{s.slug}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div class="actions">
            <button type="submit">Lưu thứ tự</button>
          </div>
        </form>
      )}
    </AdminLayout>
  );
}

export function SectionFormPage({
  user,
  csrf,
  id,
  values,
  errors,
  oldSlugs,
  notice,
}: {
  user: User;
  csrf: string;
  id: number | null;
  values: SectionFormValues;
  errors: SectionFormErrors;
  /** Former slugs that still answer 301 to this section. */
  oldSlugs: string[];
  notice?: string | null;
}) {
  const invalid = (f: keyof SectionFormValues) => invalidProps(f, errors[f]);
  return (
    <AdminLayout
      title={id ? "Sửa chuyên mục" : "Thêm chuyên mục"}
      user={user}
      csrf={csrf}
      notice={notice}
      error={Object.keys(errors).length ? "Chưa lưu: hãy sửa các ô được đánh dấu." : null}
    >
      <p>
        <a href="/admin/chuyen-muc">Danh sách chuyên mục</a>
      </p>
      <form method="post" action={id ? `/admin/chuyen-muc/${id}` : "/admin/chuyen-muc"} class="card">
        <CsrfField token={csrf} />
        <Field id="name" label="Tên" error={errors.name}>
          <input id="name" name="name" type="text" value={values.name} required maxLength={100} {...invalid("name")} />
        </Field>
        <SlugField
          value={values.slug}
          hint={
            id
              ? "(đổi đường dẫn: địa chỉ cũ của chuyên mục và các bài trong đó tự chuyển sang địa chỉ mới)"
              : "(để trống: tạo từ tên, ví dụ kinh-te)"
          }
          error={errors.slug}
        />
        {oldSlugs.length > 0 && (
          <p class="hint">Địa chỉ cũ vẫn chuyển về đây: {oldSlugs.map((s) => `/${s}`).join(", ")}</p>
        )}
        <Field id="description" label="Mô tả" hint="(tùy chọn, hiện đầu trang chuyên mục)" error={errors.description}>
          <textarea id="description" name="description" maxLength={500} {...invalid("description")}>
            {values.description}
          </textarea>
        </Field>
        <Field id="position" label="Thứ tự" hint="(số nhỏ đứng trước)" error={errors.position}>
          <input
            id="position"
            name="position"
            type="number"
            value={values.position}
            min={-9999}
            max={9999}
            required
            {...invalid("position")}
          />
        </Field>
        <label>
          <input type="checkbox" name="hidden" value="1" checked={values.hidden} /> Ẩn chuyên mục{" "}
          <span class="hint">(không hiện trong menu và trên trang chủ; trang chuyên mục và các bài vẫn mở được)</span>
        </label>
        <div class="actions">
          <button type="submit">Lưu</button>
        </div>
      </form>
    </AdminLayout>
  );
}
