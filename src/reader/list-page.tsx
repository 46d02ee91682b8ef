import type { Context } from "hono";
import { type ArticleFilter, getListCursor, idAtPosition, idsFromReads, latestReads } from "../db/articles";
import { readTogether } from "../db/read-batch";
import type { PageVariant } from "../edge/page-cache";
import type { AppEnv } from "../env";
import type { ImageData } from "../model/article";
import { formatDate } from "../vi/dates";
import { ListPage } from "../views/ListPage";
import { renderDocument } from "../views/render";
import { badRequestPage, notFoundPage } from "./errors";
import { BAD_PAGE, PAGE_SIZE, parseCursorId, parsePage } from "./paging";
import { siteInfoReads } from "./site-info";

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

const BAD_CURSOR = "Địa chỉ trang không hợp lệ.";

/** Which page of a list an address asks for, checked: the articles before `truoc`, else page `page` (1 = the first). */
export type ListKey = { truoc: string } | { page?: string };

/**
 * What a list page reads from its address, canonical, for its cache key:
 * `truoc` (then `page` is not read), else `page` when it is above 1 (`page=1`
 * is the first page, the same entry as no `page`). A malformed value is a 400
 * before the cache is asked, so it never makes an entry of its own.
 */
export function listKeyParams(c: Context<AppEnv>): ListKey | Response {
  const rawBefore = c.req.query("truoc");
  if (rawBefore !== undefined) {
    const id = parseCursorId(rawBefore);
    return id === null ? badRequestPage(c, BAD_CURSOR) : { truoc: String(id) };
  }
  const page = parsePage(c.req.query("page"));
  if (page === null) return badRequestPage(c, BAD_PAGE);
  return page > 1 ? { page: String(page) } : {};
}

/**
 * Section, tag and author pages: newest first, 20 to a page, keyset-paginated.
 * Page 1 is the base path; the next page is `?truoc=<id>`, the articles older
 * than that article (the last one shown): an index range at any depth, and a
 * stable address (it shows the same articles whatever is published later).
 * Old `?page=N` links answer 302 to the `?truoc=` page that is their page N today.
 * `key`: what listKeyParams read from the address (already checked).
 */
export async function renderListPage(
  c: Context<AppEnv>,
  spec: ListSpec,
  variant: PageVariant,
  key: ListKey,
): Promise<Response> {
  const now = new Date();
  const db = c.var.db;
  const { basePath, filter } = spec;
  if ("truoc" in key) {
    const id = Number(key.truoc);
    const cursor = await getListCursor(db, id, now);
    if (!cursor) return notFoundPage(c);
    const [site, rows, newer] = await readTogether(
      db,
      siteInfoReads(c),
      latestReads(db, { now, limit: PAGE_SIZE + 1, filter, before: cursor }),
      idsFromReads(db, now, cursor, PAGE_SIZE + 1, filter),
    );
    if (!rows.length) return notFoundPage(c);
    const articles = rows.slice(0, PAGE_SIZE);
    return c.html(
      renderDocument(
        <ListPage
          {...spec}
          site={site}
          subtitle={`Tin trước ngày ${formatDate(cursor.publishedAt)}`}
          canonicalPath={`${basePath}?truoc=${id}`}
          prevPath={newer.length > PAGE_SIZE ? `${basePath}?truoc=${newer[PAGE_SIZE]}` : basePath}
          nextPath={rows.length > PAGE_SIZE ? `${basePath}?truoc=${articles.at(-1)!.id}` : undefined}
          articles={articles}
          lite={variant.lite}
        />,
      ),
    );
  }
  const page = Number(key.page ?? 1);
  if (page > 1) {
    const id = await idAtPosition(db, now, (page - 1) * PAGE_SIZE - 1, filter);
    if (id === null) return notFoundPage(c);
    // 302, not 301: which articles are on page N moves as news is published.
    return c.redirect(`${c.var.lite ? "/lite" : ""}${basePath}?truoc=${id}`, 302);
  }
  // Chrome and the list: four queries, one D1 round trip.
  const [site, rows] = await readTogether(db, siteInfoReads(c), latestReads(db, { now, limit: PAGE_SIZE + 1, filter }));
  const articles = rows.slice(0, PAGE_SIZE);
  return c.html(
    renderDocument(
      <ListPage
        {...spec}
        site={site}
        canonicalPath={basePath}
        nextPath={rows.length > PAGE_SIZE ? `${basePath}?truoc=${articles.at(-1)!.id}` : undefined}
        articles={articles}
        lite={variant.lite}
      />,
    ),
  );
}
