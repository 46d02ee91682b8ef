// /admin/tin-nong: the "Tin nóng" banner. Shown on every page within seconds
// (a fragment, see src/reader/fragments.tsx), gone at its expiry.
import { type Context, Hono } from "hono";
import { activeBreakingNews, endBreakingNews, recentBreakingNews, startBreakingNews } from "../db/breaking-news";
import type { AppEnv } from "../env";
import { parseVietnamLocal, toVietnamLocalInput } from "../vi/dates";
import { type BreakingFormValues, BreakingNewsAdminPage } from "../views/admin/BreakingNewsAdminPage";
import { formStrings, parseId } from "./form";
import { adminPage, notFoundAdmin, requirePermission } from "./responses";

const MAX_TEXT = 200;
/** A banner runs at most this long: breaking news that stays up a week is no longer news. */
const MAX_DURATION_MS = 7 * 24 * 3600_000;

export const breakingRoutes = new Hono<AppEnv>();

breakingRoutes.use(requirePermission("breaking.manage", "Chỉ biên tập viên và quản trị viên được đăng tin nóng."));

async function page(
  c: Context<AppEnv>,
  values: BreakingFormValues,
  opts: { errors?: Partial<Record<keyof BreakingFormValues, string>>; notice?: string | null; status?: 200 | 400 } = {},
) {
  const now = new Date();
  const [active, recent] = await Promise.all([activeBreakingNews(c.var.db, now), recentBreakingNews(c.var.db)]);
  const hasErrors = opts.errors && Object.keys(opts.errors).length > 0;
  return adminPage(
    c,
    <BreakingNewsAdminPage
      user={c.var.user!}
      csrf={c.var.session!.csrfToken}
      active={active}
      recent={recent}
      now={now}
      values={values}
      errors={opts.errors ?? {}}
      notice={opts.notice}
      error={hasErrors ? "Chưa đăng: hãy sửa các ô được đánh dấu." : null}
    />,
    opts.status ?? 200,
  );
}

const defaults = (): BreakingFormValues => ({
  text: "",
  url: "",
  expiresAt: toVietnamLocalInput(new Date(Date.now() + 2 * 3600_000)),
});

breakingRoutes.get("/", (c) =>
  page(c, defaults(), {
    notice: c.req.query("da-luu") !== undefined ? "Đã lưu. Các trang hiện thay đổi trong vài giây." : null,
  }),
);

/** A link must stay on this site (a path) or be an https address: no javascript:, no protocol-relative tricks. */
function checkBannerUrl(raw: string): string | null | undefined {
  const url = raw.trim();
  if (!url) return null;
  if (/^\/(?![/\\])[^\s]*$/.test(url) && url.length <= 500) return url;
  try {
    const parsed = new URL(url);
    if (parsed.protocol === "https:" && url.length <= 500 && !/\s/.test(url)) return parsed.href;
  } catch {
    /* not a URL */
  }
  return undefined;
}

breakingRoutes.post("/", async (c) => {
  const form = await formStrings(c);
  const values: BreakingFormValues = {
    text: (form.text ?? "").slice(0, 1000),
    url: (form.url ?? "").slice(0, 1000),
    expiresAt: (form.expiresAt ?? "").slice(0, 40),
  };
  const errors: Partial<Record<keyof BreakingFormValues, string>> = {};
  const text = values.text.trim().replace(/\s+/g, " ");
  if (!text) errors.text = "Cần nhập nội dung tin nóng";
  else if (text.length > MAX_TEXT) errors.text = `Tin nóng tối đa ${MAX_TEXT} ký tự (hiện có ${text.length})`;
  const url = checkBannerUrl(values.url);
  if (url === undefined) errors.url = "Liên kết phải là đường dẫn trong trang (bắt đầu bằng /) hoặc địa chỉ https://";
  const now = Date.now();
  const expiresAt = parseVietnamLocal(values.expiresAt);
  if (!expiresAt) errors.expiresAt = "Hãy chọn thời điểm hết hạn hợp lệ";
  else if (expiresAt.getTime() <= now) errors.expiresAt = "Thời điểm hết hạn phải ở tương lai";
  else if (expiresAt.getTime() - now > MAX_DURATION_MS) errors.expiresAt = "Tin nóng chỉ hiện tối đa 7 ngày";
  if (Object.keys(errors).length) return page(c, values, { errors, status: 400 });
  await startBreakingNews(c.var.db, { text, url: url ?? null, expiresAt: expiresAt! }, c.var.user!.id);
  return c.redirect("/admin/tin-nong?da-luu", 303);
});

breakingRoutes.post("/:id{[0-9]+}/go", async (c) => {
  const id = parseId(c.req.param("id"));
  if (!id) return notFoundAdmin(c);
  await endBreakingNews(c.var.db, id, new Date(), c.var.user!.id);
  return c.redirect("/admin/tin-nong?da-luu", 303);
});
