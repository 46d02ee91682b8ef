import type { User } from "../../model/records";
import { formatDateline } from "../../vi/dates";
import { AdminLayout } from "./AdminLayout";
import { CsrfField } from "./CsrfField";

export interface RevisionsPageProps {
  user: User;
  csrf: string;
  articleId: number;
  headline: string;
  revisions: { id: number; version: number; savedAt: Date; savedByName: string }[];
  /** "Tự động lưu": kept apart from the article; restoring one opens it in the form. */
  autosaves: { id: number; baseVersion: number; savedAt: Date; savedByName: string }[];
}

export function RevisionsPage({ user, csrf, articleId, headline, revisions, autosaves }: RevisionsPageProps) {
  return (
    <AdminLayout title={`Các phiên bản: ${headline}`} user={user} csrf={csrf}>
      <p>
        <a href={`/admin/bai-viet/${articleId}`}>← Quay lại bài viết</a>
      </p>
      <table>
        <thead>
          <tr>
            <th>Phiên bản</th>
            <th>Lưu lúc</th>
            <th>Người lưu</th>
          </tr>
        </thead>
        <tbody>
          {revisions.map((r) => (
            <tr key={r.id}>
              <td>
                <a href={`/admin/bai-viet/${articleId}/phien-ban/${r.id}`}>Phiên bản {r.version}</a>
              </td>
              <td>{formatDateline(r.savedAt)}</td>
              <td>{r.savedByName}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 id="autosaves">Tự động lưu</h2>
      {autosaves.length === 0 ? (
        <p class="hint">Chưa có bản tự động lưu nào.</p>
      ) : (
        <>
          <p class="hint">
            Bản tự động lưu khi đang gõ, chưa phải là bài đã lưu. “Khôi phục” mở bản đó trong biểu mẫu; bài chỉ thay đổi
            khi bạn bấm “Lưu”.
          </p>
          <table aria-labelledby="autosaves">
            <thead>
              <tr>
                <th>Bản</th>
                <th>Lưu lúc</th>
                <th>Người gõ</th>
                <th>Sửa từ</th>
              </tr>
            </thead>
            <tbody>
              {autosaves.map((a) => (
                <tr key={a.id} class="autosave">
                  <td>
                    Tự động lưu ·{" "}
                    <a href={`/admin/bai-viet/${articleId}/tu-dong-luu/${a.id}`}>Khôi phục vào biểu mẫu</a>
                  </td>
                  <td>{formatDateline(a.savedAt)}</td>
                  <td>{a.savedByName}</td>
                  <td>Phiên bản {a.baseVersion}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </AdminLayout>
  );
}

export interface RevisionPageProps {
  user: User;
  csrf: string;
  articleId: number;
  revisionId: number;
  version: number;
  savedAt: Date;
  headline: string;
  kicker: string | null;
  lead: string;
  bodyMarkup: string;
  tags: string[];
  mayRestore: boolean;
}

export function RevisionPage(p: RevisionPageProps) {
  return (
    <AdminLayout title={`Phiên bản ${p.version}`} user={p.user} csrf={p.csrf}>
      <p>
        <a href={`/admin/bai-viet/${p.articleId}/phien-ban`}>← Các phiên bản</a> · Lưu lúc {formatDateline(p.savedAt)}
      </p>
      <div class="card">
        {p.kicker && (
          <p>
            <strong>{p.kicker}</strong>
          </p>
        )}
        <h2>{p.headline}</h2>
        <p>
          <strong>{p.lead}</strong>
        </p>
        <pre style="white-space:pre-wrap">{p.bodyMarkup}</pre>
        {p.tags.length > 0 && <p>Chủ đề: {p.tags.join(", ")}</p>}
      </div>
      {p.mayRestore && (
        <form method="post" action={`/admin/bai-viet/${p.articleId}/phien-ban/${p.revisionId}/khoi-phuc`}>
          <CsrfField token={p.csrf} />
          <button type="submit">Khôi phục phiên bản này</button>
        </form>
      )}
    </AdminLayout>
  );
}
