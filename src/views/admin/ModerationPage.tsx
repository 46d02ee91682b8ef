import type { Comment, User } from "../../model/records";
import { COMMENT_STATUSES, type CommentStatus } from "../../model/statuses";
import { formatDateline } from "../../vi/dates";
import { Lines } from "../Lines";
import { Pagination } from "../Pagination";
import { AdminLayout } from "./AdminLayout";
import { CsrfField } from "./CsrfField";

export const COMMENT_STATUS_NAMES: Record<CommentStatus, string> = {
  pending: "Chờ duyệt",
  approved: "Đã duyệt",
  rejected: "Đã từ chối",
  spam: "Rác",
};

export interface ModerationPageProps {
  user: User;
  csrf: string;
  status: CommentStatus;
  articleId?: number;
  rows: { comment: Comment; headline: string }[];
  page: number;
  pageCount: number;
  basePath: string;
  notice?: string | null;
}

export function ModerationPage({
  user,
  csrf,
  status,
  articleId,
  rows,
  page,
  pageCount,
  basePath,
  notice,
}: ModerationPageProps) {
  return (
    <AdminLayout title="Duyệt bình luận" user={user} csrf={csrf} notice={notice}>
      <form method="get" action="/admin/binh-luan" class="card filters">
        <div>
          <label for="trang-thai">Trạng thái</label>
          <select id="trang-thai" name="trang-thai">
            {COMMENT_STATUSES.map((s) => (
              <option value={s} selected={s === status}>
                {COMMENT_STATUS_NAMES[s]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="bai">Mã bài viết</label>
          <input id="bai" name="bai" type="number" min={1} value={articleId ? String(articleId) : ""} />
        </div>
        <div>
          <button type="submit">Lọc</button>
        </div>
      </form>
      {rows.length === 0 ? (
        <p>Không có bình luận nào.</p>
      ) : (
        <form method="post" action="/admin/binh-luan">
          <CsrfField token={csrf} />
          <table>
            <thead>
              <tr>
                <th>
                  <span class="hint">Chọn</span>
                </th>
                <th>Bình luận</th>
                <th>Bài viết</th>
                <th>Gửi lúc</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ comment, headline }) => (
                <tr key={comment.id}>
                  <td>
                    <input
                      type="checkbox"
                      name="ids"
                      value={String(comment.id)}
                      id={`c-${comment.id}`}
                      aria-label={`Chọn bình luận của ${comment.name}`}
                    />
                  </td>
                  <td>
                    <label for={`c-${comment.id}`}>
                      <strong>{comment.name}</strong>
                      {comment.email && <span class="hint"> ({comment.email})</span>}
                      {comment.parentId && <span class="hint"> · trả lời</span>}
                    </label>
                    <br />
                    <Lines text={comment.body} />
                  </td>
                  <td>
                    <a href={`/admin/binh-luan?trang-thai=${status}&bai=${comment.articleId}`}>{headline}</a>
                  </td>
                  <td>{formatDateline(comment.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div class="actions">
            <button type="submit" name="hanh-dong" value="approved">
              Duyệt
            </button>
            <button type="submit" name="hanh-dong" value="rejected" class="secondary">
              Từ chối
            </button>
            <button type="submit" name="hanh-dong" value="spam" class="danger">
              Đánh dấu rác
            </button>
          </div>
        </form>
      )}
      <Pagination basePath={basePath} page={page} pageCount={pageCount} />
    </AdminLayout>
  );
}
