import type { User } from "../../model/records";
import { formatDate, formatTime } from "../../vi/dates";
import { AdminLayout } from "./AdminLayout";
import { CsrfField } from "./CsrfField";
import { Field } from "./Field";

export interface CorrectionsPageProps {
  user: User;
  csrf: string;
  articleId: number;
  headline: string;
  /** Only a published article takes corrections; otherwise the page says so and has no form. */
  published: boolean;
  /** Oldest first, as readers see them. */
  corrections: { id: number; text: string; createdAt: Date }[];
  /** The text typed, kept after a refused save. */
  text?: string;
  textError?: string;
  error?: string | null;
  notice?: string | null;
  maxLength: number;
}

/** "Đính chính": an article's correction notes and the form that adds one. */
export function CorrectionsPage(p: CorrectionsPageProps) {
  return (
    <AdminLayout title={`Đính chính: ${p.headline}`} user={p.user} csrf={p.csrf} error={p.error} notice={p.notice}>
      <p>
        <a href={`/admin/bai-viet/${p.articleId}`}>← Quay lại bài viết</a>
      </p>
      <section class="card" aria-labelledby="corrections-title">
        <h2 id="corrections-title">Các đính chính đã đăng</h2>
        {p.corrections.length === 0 ? (
          <p>Bài này chưa có đính chính.</p>
        ) : (
          <ol>
            {p.corrections.map((c) => (
              <li key={c.id}>
                <strong>
                  {formatDate(c.createdAt)} {formatTime(c.createdAt)}
                </strong>
                : {c.text}
              </li>
            ))}
          </ol>
        )}
      </section>
      {p.published ? (
        <form method="post" action={`/admin/bai-viet/${p.articleId}/dinh-chinh`} class="card">
          <CsrfField token={p.csrf} />
          <Field
            id="text"
            label="Nội dung đính chính"
            hint={`(chữ thường, tối đa ${p.maxLength} ký tự; bạn đọc thấy “Đính chính (ngày): …” ở cuối bài)`}
            error={p.textError}
          >
            <textarea id="text" name="text" required maxLength={p.maxLength}>
              {p.text ?? ""}
            </textarea>
          </Field>
          <div class="actions">
            <button type="submit">Thêm đính chính</button>
          </div>
        </form>
      ) : (
        <p class="card">Chỉ thêm đính chính cho bài đã đăng.</p>
      )}
    </AdminLayout>
  );
}
