import type { Context } from "hono";
import { type ArticleFilter, countPublished, listLatest } from "../db/articles";
import type { PageVariant } from "../edge/page-cache";
import type { AppEnv } from "../env";
import type { ImageData } from "../model/article";
import { ListPage } from "../views/ListPage";
import { renderDocument } from "../views/render";
import { badRequestPage, notFoundPage } from "./errors";
import { PAGE_SIZE, pageCount, parsePage } from "./paging";
import { loadSiteInfo } from "./site-info";

export interface ListSpec {
  title: string;
  intro?: string;
  /** An author's photo. */
  photo?: ImageData;
  basePath: string;
  filter: ArticleFilter;
  currentSection?: string;
  feedPath?: string;
}

/** Section, tag and author pages: newest first, paginated. */
export async function renderListPage(c: Context<AppEnv>, spec: ListSpec, variant: PageVariant): Promise<Response> {
  const page = parsePage(c.req.query("page"));
  if (page === null) return badRequestPage(c, "Số trang không hợp lệ. Số trang phải là một số nguyên dương.");
  const now = new Date();
  const db = c.var.db;
  const [site, total, articles] = await Promise.all([
    loadSiteInfo(c),
    countPublished(db, now, spec.filter),
    listLatest(db, { now, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE, filter: spec.filter }),
  ]);
  const pages = pageCount(total);
  if (page > pages) return notFoundPage(c);
  return c.html(
    renderDocument(
      <ListPage
        site={site}
        title={spec.title}
        intro={spec.intro}
        photo={spec.photo}
        basePath={spec.basePath}
        page={page}
        pageCount={pages}
        articles={articles}
        currentSection={spec.currentSection}
        feedPath={spec.feedPath}
        lite={variant.lite}
      />,
    ),
  );
}
