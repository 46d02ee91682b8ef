import type { NewsroomFilter, NewsroomRow } from "../../model/newsroom";
import type { User } from "../../model/records";
import { ARTICLE_STATUSES } from "../../model/statuses";
import { formatDateline } from "../../vi/dates";
import { Pagination } from "../Pagination";
import { AdminLayout } from "./AdminLayout";
import { STATUS_NAMES } from "./status-names";

export interface ArticleListPageProps {
  user: User;
  csrf: string;
  rows: NewsroomRow[];
  filter: NewsroomFilter;
  sections: { id: number; name: string }[];
  authors: { id: number; byline: string }[];
  page: number;
  pageCount: number;
  basePath: string;
  notice?: string | null;
}

export function ArticleListPage({
  user,
  csrf,
  rows,
  filter,
  sections,
  authors,
  page,
  pageCount,
  basePath,
  notice,
}: ArticleListPageProps) {
  return (
    <AdminLayout title="Bài viết" user={user} csrf={csrf} notice={notice}>
      {/* biome-ignore lint/a11y/useSemanticElements: older phone browsers know no <search> element; role="search" is the landmark they support */}
      <form method="get" action="/admin/bai-viet" class="card filters" role="search">
        <div>
          <label for="q">Tìm theo tiêu đề</label>
          <input id="q" name="q" type="search" value={filter.q ?? ""} />
        </div>
        <div>
          <label for="trang-thai">Trạng thái</label>
          <select id="trang-thai" name="trang-thai">
            <option value="">Tất cả</option>
            {ARTICLE_STATUSES.map((s) => (
              <option value={s} selected={filter.status === s}>
                {STATUS_NAMES[s]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="chuyen-muc">Chuyên mục</label>
          <select id="chuyen-muc" name="chuyen-muc">
            <option value="">Tất cả</option>
            {sections.map((s) => (
              <option value={String(s.id)} selected={filter.sectionId === s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="tac-gia">Tác giả</label>
          <select id="tac-gia" name="tac-gia">
            <option value="">Tất cả</option>
            {authors.map((a) => (
              <option value={String(a.id)} selected={filter.authorId === a.id}>
                {a.byline}
              </option>
            ))}
          </select>
        </div>
        <div>
          <button type="submit">Lọc</button>
        </div>
      </form>
      <p>
        <a class="button" href="/admin/bai-viet/moi">
          Viết bài mới
        </a>
      </p>
      {rows.length === 0 ? (
        <p>Không có bài viết nào.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Tiêu đề</th>
              <th>Trạng thái</th>
              <th>Chuyên mục</th>
              <th>Tác giả</th>
              <th>Cập nhật</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <a href={`/admin/bai-viet/${r.id}`}>{r.headline}</a>
                </td>
                <td>
                  <span class="status">{STATUS_NAMES[r.status]}</span>
                </td>
                <td>{r.sectionName}</td>
                <td>{r.authorName}</td>
                <td>{formatDateline(r.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination basePath={basePath} page={page} pageCount={pageCount} />
    </AdminLayout>
  );
}
