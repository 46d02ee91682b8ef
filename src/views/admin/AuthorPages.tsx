import type { Author, User } from "../../model/records";
import { AdminLayout } from "./AdminLayout";
import { CsrfField } from "./CsrfField";
import { Field } from "./Field";
import { invalidProps } from "./invalid-props";
import { SlugField } from "./SlugField";

export interface AuthorFormValues {
  name: string;
  byline: string;
  slug: string;
  bio: string;
  photoImageId: string;
}

export type AuthorFormErrors = Partial<Record<keyof AuthorFormValues, string>>;

export function AuthorListPage({
  user,
  csrf,
  authors,
  notice,
}: {
  user: User;
  csrf: string;
  authors: Author[];
  notice?: string | null;
}) {
  return (
    <AdminLayout title="Tác giả" user={user} csrf={csrf} notice={notice}>
      <p>
        <a href="/admin/tac-gia/moi">Thêm tác giả</a>
      </p>
      {authors.length === 0 ? (
        <p>Chưa có tác giả nào.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Tên</th>
              <th scope="col">Bút danh</th>
              <th scope="col">Trang tác giả</th>
            </tr>
          </thead>
          <tbody>
            {authors.map((a) => (
              <tr>
                <td>
                  <a href={`/admin/tac-gia/${a.id}`}>{a.name}</a>
                </td>
                <td>{a.byline}</td>
                <td>
                  <a href={`/tac-gia/${a.slug}`}>/tac-gia/{a.slug}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminLayout>
  );
}

export function AuthorFormPage({
  user,
  csrf,
  id,
  values,
  errors,
  photos,
  notice,
}: {
  user: User;
  csrf: string;
  id: number | null;
  values: AuthorFormValues;
  errors: AuthorFormErrors;
  /** Recent photos of the library (and the author's own, if older), to choose from. */
  photos: { id: number; key: string; alt: string }[];
  notice?: string | null;
}) {
  const invalid = (f: keyof AuthorFormValues) => invalidProps(f, errors[f]);
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <AdminLayout
      title={id ? "Sửa tác giả" : "Thêm tác giả"}
      user={user}
      csrf={csrf}
      notice={notice}
      error={hasErrors ? "Chưa lưu: hãy sửa các ô được đánh dấu." : null}
    >
      <p>
        <a href="/admin/tac-gia">Danh sách tác giả</a>
      </p>
      <form method="post" action={id ? `/admin/tac-gia/${id}` : "/admin/tac-gia"} class="card">
        <CsrfField token={csrf} />
        <Field id="name" label="Họ tên" error={errors.name}>
          <input id="name" name="name" type="text" value={values.name} required maxLength={100} {...invalid("name")} />
        </Field>
        <Field id="byline" label="Bút danh" hint="(in dưới bài đúng như nhập, ví dụ “TÚ ANH”)" error={errors.byline}>
          <input
            id="byline"
            name="byline"
            type="text"
            value={values.byline}
            required
            maxLength={100}
            {...invalid("byline")}
          />
        </Field>
        <SlugField
          value={values.slug}
          hint="(để trống: tạo từ họ tên; trang tác giả ở /tac-gia/đường-dẫn)"
          error={errors.slug}
        />
        <Field id="bio" label="Giới thiệu" hint="(tùy chọn, hiện trên trang tác giả)" error={errors.bio}>
          <textarea id="bio" name="bio" maxLength={2000} {...invalid("bio")}>
            {values.bio}
          </textarea>
        </Field>
        <fieldset {...(errors.photoImageId ? { "aria-describedby": "photoImageId-error" } : {})}>
          <legend>
            Ảnh chân dung <span class="hint">(tùy chọn, từ thư viện ảnh)</span>
          </legend>
          <div class="thumbs">
            <label class="pick">
              <input type="radio" name="photoImageId" value="" checked={values.photoImageId === ""} /> Không có ảnh
            </label>
            {photos.map((p) => (
              <label class="pick">
                <input
                  type="radio"
                  name="photoImageId"
                  value={String(p.id)}
                  checked={values.photoImageId === String(p.id)}
                />{" "}
                Mã {p.id}
                <img src={`/media/${p.key}?w=360`} alt={p.alt} width={150} height={84} loading="lazy" />
              </label>
            ))}
          </div>
          {errors.photoImageId && (
            <p class="field-error" id="photoImageId-error">
              {errors.photoImageId}
            </p>
          )}
          <p class="hint">
            Chưa có ảnh? <a href="/admin/anh/tai-len">Tải ảnh lên</a> rồi quay lại đây.
          </p>
        </fieldset>
        <div class="actions">
          <button type="submit">Lưu</button>
        </div>
      </form>
    </AdminLayout>
  );
}
