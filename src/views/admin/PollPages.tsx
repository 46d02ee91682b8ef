import type { Poll, User } from "../../model/records";
import { formatDateline } from "../../vi/dates";
import { AdminLayout } from "./AdminLayout";
import { CsrfField } from "./CsrfField";

export interface PollFormValues {
  question: string;
  options: string;
  placement: string;
  opensAt: string;
  closesAt: string;
  articleIds: string;
}

export function PollListPage({
  user,
  csrf,
  polls,
  now,
  notice,
}: {
  user: User;
  csrf: string;
  polls: (Poll & { votes: number })[];
  now: Date;
  notice?: string | null;
}) {
  const state = (p: Poll) =>
    p.archived ? "Lưu trữ" : p.opensAt > now ? "Chưa mở" : p.closesAt <= now ? "Đã đóng" : "Đang mở";
  return (
    <AdminLayout title="Bình chọn" user={user} csrf={csrf} notice={notice}>
      <p>
        <a class="button" href="/admin/binh-chon/moi">
          Tạo bình chọn
        </a>
      </p>
      <table>
        <thead>
          <tr>
            <th>Câu hỏi</th>
            <th>Trạng thái</th>
            <th>Lượt</th>
            <th>Đóng lúc</th>
          </tr>
        </thead>
        <tbody>
          {polls.map((p) => (
            <tr key={p.id}>
              <td>
                <a href={`/admin/binh-chon/${p.id}`}>{p.question}</a>
              </td>
              <td>{state(p)}</td>
              <td>{p.votes}</td>
              <td>{formatDateline(p.closesAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </AdminLayout>
  );
}

export function PollFormPage({
  user,
  csrf,
  pollId,
  values,
  error,
  locked,
  open,
}: {
  user: User;
  csrf: string;
  pollId?: number;
  values: PollFormValues;
  error?: string | null;
  locked?: boolean;
  open?: boolean;
}) {
  return (
    <AdminLayout title={pollId ? "Sửa bình chọn" : "Tạo bình chọn"} user={user} csrf={csrf} error={error}>
      {locked && (
        <p class="ok">
          Đã có người bình chọn nên không sửa được câu hỏi và phương án. Bạn vẫn có thể đóng sớm hoặc lưu trữ.
        </p>
      )}
      <form method="post" action={pollId ? `/admin/binh-chon/${pollId}` : "/admin/binh-chon"} class="card">
        <CsrfField token={csrf} />
        <fieldset disabled={locked} style="border:0;padding:0;margin:0">
          <label for="question">Câu hỏi</label>
          <input id="question" name="question" type="text" required maxLength={300} value={values.question} />
          <label for="options">
            Các phương án <span class="hint">(mỗi dòng một phương án, từ 2 đến 10)</span>
          </label>
          <textarea id="options" name="options" required>
            {values.options}
          </textarea>
          <label for="placement">Hiển thị ở</label>
          <select id="placement" name="placement">
            <option value="sidebar" selected={values.placement !== "articles"}>
              Mọi trang
            </option>
            <option value="articles" selected={values.placement === "articles"}>
              Chỉ các bài viết được chọn
            </option>
          </select>
          <label for="articleIds">
            Mã các bài viết <span class="hint">(cách nhau bởi dấu phẩy, khi chọn “Chỉ các bài viết”)</span>
          </label>
          <input id="articleIds" name="articleIds" type="text" value={values.articleIds} />
          <label for="opensAt">
            Mở lúc <span class="hint">(giờ Việt Nam)</span>
          </label>
          <input id="opensAt" name="opensAt" type="datetime-local" required value={values.opensAt} />
          <label for="closesAt">Đóng lúc</label>
          <input id="closesAt" name="closesAt" type="datetime-local" required value={values.closesAt} />
          <div class="actions">
            <button type="submit">Lưu</button>
          </div>
        </fieldset>
      </form>
      {pollId && (
        <form method="post" action={`/admin/binh-chon/${pollId}/trang-thai`} class="card">
          <CsrfField token={csrf} />
          {open && (
            <button type="submit" name="hanh-dong" value="dong" class="secondary">
              Đóng sớm
            </button>
          )}
          <button type="submit" name="hanh-dong" value="luu-tru" class="danger">
            Lưu trữ
          </button>
        </form>
      )}
    </AdminLayout>
  );
}
