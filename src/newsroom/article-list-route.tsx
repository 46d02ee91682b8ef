// /admin/bai-viet: the newsroom's list of articles, filtered by status,
// section, author and words, a page at a time.
import { Hono } from "hono";
import { listAuthors, listNewsroomArticles } from "../db/newsroom-articles";
import { listSections } from "../db/sections";
import type { AppEnv } from "../env";
import type { NewsroomFilter } from "../model/newsroom";
import { seesOnlyOwnUnpublished } from "../model/permissions";
import { ARTICLE_STATUSES, type ArticleStatus } from "../model/statuses";
import { parsePage } from "../reader/paging";
import { ArticleListPage } from "../views/admin/ArticleListPage";
import { parseId } from "./form";
import { adminPage } from "./responses";

const LIST_SIZE = 30;

export const articleListRoute = new Hono<AppEnv>();

articleListRoute.get("/", async (c) => {
  const page = parsePage(c.req.query("page")) ?? 1;
  const status = c.req.query("trang-thai");
  const user = c.var.user!;
  const filter: NewsroomFilter = {
    status: ARTICLE_STATUSES.includes(status as ArticleStatus) ? (status as ArticleStatus) : undefined,
    sectionId: parseId(c.req.query("chuyen-muc")) ?? undefined,
    authorId: parseId(c.req.query("tac-gia")) ?? undefined,
    q: c.req.query("q")?.normalize("NFC").trim().slice(0, 200) || undefined,
    // A reporter lists (and searches) published articles and their own, not colleagues' drafts.
    visibleTo: seesOnlyOwnUnpublished(user) ? user.id : undefined,
  };
  const db = c.var.db;
  const [{ rows, total }, sections, authors] = await Promise.all([
    listNewsroomArticles(db, filter, LIST_SIZE, (page - 1) * LIST_SIZE),
    listSections(db),
    listAuthors(db),
  ]);
  const params = new URLSearchParams();
  for (const [k, v] of [
    ["q", filter.q],
    ["trang-thai", filter.status],
    ["chuyen-muc", filter.sectionId],
    ["tac-gia", filter.authorId],
  ] as const)
    if (v) params.set(k, String(v));
  const notice = c.req.query("da-xoa") !== undefined ? "Đã xóa bài viết." : null;
  return adminPage(
    c,
    <ArticleListPage
      user={user}
      csrf={c.var.session!.csrfToken}
      rows={rows}
      filter={filter}
      sections={sections}
      authors={authors}
      page={page}
      pageCount={Math.max(1, Math.ceil(total / LIST_SIZE))}
      notice={notice}
      basePath={`/admin/bai-viet${params.size ? `?${params}` : ""}`.replace(/\?(.+)$/, "?$1")}
    />,
  );
});
