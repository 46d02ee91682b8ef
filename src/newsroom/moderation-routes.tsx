import { Hono } from "hono";
import { listModerationQueue, setCommentStatus } from "../db/comments";
import type { AppEnv } from "../env";
import { COMMENT_STATUSES, type CommentStatus } from "../model/statuses";
import { parsePage } from "../reader/paging";
import { ModerationPage } from "../views/admin/ModerationPage";
import { parseId } from "./form";
import { adminPage, requirePermission } from "./responses";

const PAGE = 50;
const isStatus = (s: unknown): s is CommentStatus => COMMENT_STATUSES.includes(s as CommentStatus);

export const moderationRoutes = new Hono<AppEnv>();

moderationRoutes.use(
  requirePermission("comments.moderate", "Chỉ biên tập viên và quản trị viên được duyệt bình luận."),
);

moderationRoutes.get("/", async (c) => {
  const raw = c.req.query("trang-thai");
  const status: CommentStatus = isStatus(raw) ? raw : "pending";
  const articleId = parseId(c.req.query("bai")) ?? undefined;
  const page = parsePage(c.req.query("page")) ?? 1;
  const { rows, total } = await listModerationQueue(c.var.db, { status, articleId }, PAGE, (page - 1) * PAGE);
  const done = Number(c.req.query("da-xu-ly"));
  return adminPage(
    c,
    <ModerationPage
      user={c.var.user!}
      csrf={c.var.session!.csrfToken}
      status={status}
      articleId={articleId}
      rows={rows}
      page={page}
      pageCount={Math.max(1, Math.ceil(total / PAGE))}
      basePath={`/admin/binh-luan?trang-thai=${status}${articleId ? `&bai=${articleId}` : ""}`}
      notice={Number.isInteger(done) && done > 0 ? `Đã xử lý ${done} bình luận.` : null}
    />,
  );
});

moderationRoutes.post("/", async (c) => {
  const body = await c.req.parseBody({ all: true });
  const action = body["hanh-dong"];
  if (!isStatus(action) || action === "pending") return c.redirect("/admin/binh-luan", 303);
  const ids = [body.ids]
    .flat()
    .map((v) => (typeof v === "string" ? parseId(v) : null))
    .filter((v): v is number => v !== null)
    .slice(0, 200);
  const done = await setCommentStatus(c.var.db, ids, action, c.var.user!.id);
  return c.redirect(`/admin/binh-luan?da-xu-ly=${done}`, 303);
});
