import type { StaticPage, User } from "../../model/records";
import { ASSET_URLS } from "../../site/asset-urls";
import { formatDateline } from "../../vi/dates";
import { AdminLayout } from "./AdminLayout";
import { CsrfField } from "./CsrfField";
import { EditorBoot, type EditorData } from "./EditorBoot";
import { Field } from "./Field";
import { invalidProps } from "./invalid-props";
import { SlugField } from "./SlugField";

export interface StaticPageFormValues {
  title: string;
  slug: string;
  body: string;
  /** The editor's blocks as JSON (empty without JavaScript); preferred over `body` when sent. */
  bodyJson: string;
  status: string;
}

const STATUS_NAMES: Record<string, string> = { draft: "Bản nháp", published: "Đã đăng" };

export function StaticPageListPage({
  user,
  csrf,
  pages,
  notice,
}: {
  user: User;
  csrf: string;
  pages: StaticPage[];
  notice?: string | null;
}) {
  return (
    <AdminLayout title="Trang tĩnh" user={user} csrf={csrf} notice={notice}>
      <p>
        <a href="/admin/trang/moi">Viết trang mới</a> · <a href="/admin/menu">Sắp xếp menu</a>
      </p>
      {pages.length === 0 ? (
        <p>Chưa có trang nào. Các báo thường có: Giới thiệu, Liên hệ, Quảng cáo, Chính sách bảo mật.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Tiêu đề</th>
              <th scope="col">Đường dẫn</th>
              <th scope="col">Trạng thái</th>
              <th scope="col">Sửa lúc</th>
            </tr>
          </thead>
          <tbody>
            {pages.map((p) => (
              <tr>
                <td>
                  <a href={`/admin/trang/${p.id}`}>{p.title}</a>
                </td>
                <td>{p.status === "published" ? <a href={`/${p.slug}`}>/{p.slug}</a> : `/${p.slug}`}</td>
                <td>{STATUS_NAMES[p.status]}</td>
                <td>{formatDateline(p.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminLayout>
  );
}

type Errors = Partial<Record<keyof StaticPageFormValues, string>>;

export function StaticPageFormPage({
  user,
  csrf,
  id,
  values,
  errors,
  notice,
  error,
  editor,
}: {
  user: User;
  csrf: string;
  id: number | null;
  values: StaticPageFormValues;
  errors: Errors;
  notice?: string | null;
  error?: string | null;
  /** The WYSIWYG editor over the body textarea (progressive enhancement). */
  editor?: { data: EditorData; script: string };
}) {
  const invalid = (f: keyof StaticPageFormValues) => invalidProps(f, errors[f]);
  return (
    <AdminLayout title={id ? "Sửa trang" : "Trang mới"} user={user} csrf={csrf} notice={notice} error={error}>
      <form method="post" action={id ? `/admin/trang/${id}` : "/admin/trang"} class="card">
        <CsrfField token={csrf} />
        <Field id="title" label="Tiêu đề" error={errors.title}>
          <input
            id="title"
            name="title"
            type="text"
            value={values.title}
            required
            maxLength={200}
            {...invalid("title")}
          />
        </Field>
        <SlugField value={values.slug} hint="(để trống: tạo từ tiêu đề, ví dụ gioi-thieu)" error={errors.slug} />
        <Field
          id="body"
          label="Nội dung"
          hint="(cùng cách soạn như bài báo: ## tiêu đề phụ, [[anh:123]] chèn ảnh)"
          error={errors.body}
        >
          <textarea id="body" name="body" class="body" required {...invalid("body")}>
            {values.body}
          </textarea>
        </Field>
        <Field id="status" label="Trạng thái" error={errors.status}>
          <select id="status" name="status">
            <option value="draft" selected={values.status !== "published"}>
              Bản nháp (chưa hiện)
            </option>
            <option value="published" selected={values.status === "published"}>
              Đăng
            </option>
          </select>
        </Field>
        <div class="actions">
          <button type="submit">Lưu</button>
        </div>
      </form>
      {id && (
        <form method="post" action={`/admin/trang/${id}/xoa`} class="card">
          <CsrfField token={csrf} />
          <button type="submit" class="danger">
            Xóa trang này
          </button>
        </form>
      )}
      {/* The photo picker, for the body editor's figures (window.newsroomPhotos.pick). */}
      <script src={ASSET_URLS["photos.js"]} defer></script>
      {editor && <EditorBoot data={editor.data} script={editor.script} />}
    </AdminLayout>
  );
}
