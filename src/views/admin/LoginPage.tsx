import { AdminLayout } from "./AdminLayout";

export function LoginPage({
  error,
  notice,
  email,
  next,
  keep,
}: {
  error?: string;
  notice?: string;
  email?: string;
  next?: string;
  /** The key of an article form kept while its session had ended (src/newsroom/article-recovery.tsx). */
  keep?: string;
}) {
  return (
    <AdminLayout title="Đăng nhập tòa soạn" user={null} error={error} notice={notice}>
      <form method="post" action="/admin/dang-nhap" class="card">
        {next && <input type="hidden" name="tiep" value={next} />}
        {keep && <input type="hidden" name="giu" value={keep} />}
        <label for="email">Email</label>
        <input id="email" name="email" type="email" autocomplete="username" required value={email ?? ""} />
        <label for="password">Mật khẩu</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
        <div class="actions">
          <button type="submit">Đăng nhập</button>
        </div>
      </form>
    </AdminLayout>
  );
}
