import { type Context, Hono } from "hono";
import { listPublishedStaticPages } from "../db/static-pages";
import {
  listArticleMonths,
  listArticlesBetween,
  listAuthorLastmods,
  listNewsSince,
  listSectionLastmods,
  listTagLastmods,
  newestArticleChange,
} from "../db/syndication";
import type { AppEnv } from "../env";
import { type PageDeps, scope } from "../model/content-scopes";
import { robotsTxt } from "../seo/robots";
import { renderNewsSitemap, renderSitemapIndex, renderUrlset, type SitemapUrl } from "../seo/sitemaps";
import { articlePath, authorPath, sectionPath, tagPath } from "../site/urls";
import { vietnamMonthRange } from "../vi/dates";
import { notFoundPage } from "./errors";
import { cachedPage } from "./page-cache";
import { loadSiteInfo, siteUrl } from "./site-info";

/** Google News takes articles of the last two days. */
const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;

/** `/sitemap.xml` (an index), its parts under `/sitemaps/`, and `/robots.txt`. */
export const sitemapRoutes = new Hono<AppEnv>();

const sitemaps: PageDeps = { kind: "scopes", scopes: [scope.sitemaps] };

function xmlResponse(c: Context<AppEnv>, xml: string): Response {
  return c.body(xml, 200, { "content-type": "application/xml; charset=utf-8" });
}

const newest = (dates: (Date | null)[]) => dates.reduce<Date | null>((a, b) => (b && (!a || b > a) ? b : a), null);

sitemapRoutes.get("/robots.txt", (c) =>
  cachedPage(c, { kind: "scopes", scopes: [] }, async () =>
    c.body(robotsTxt(siteUrl(c.env)), 200, { "content-type": "text/plain; charset=utf-8" }),
  ),
);

sitemapRoutes.get("/sitemap.xml", (c) =>
  cachedPage(c, sitemaps, async () => {
    const base = siteUrl(c.env);
    const now = new Date();
    // No aggregate over the archive here: each of these is an index walk or a small table.
    const [months, pagesLastmod, tagsLastmod] = await Promise.all([
      listArticleMonths(c.var.db, now),
      newestArticleChange(c.var.db, now, "sections"),
      newestArticleChange(c.var.db, now, "tags"),
    ]);
    const entries: SitemapUrl[] = [
      { loc: `${base}/sitemaps/news.xml`, lastmod: months[0]?.lastmod ?? null },
      { loc: `${base}/sitemaps/pages.xml`, lastmod: pagesLastmod },
      // A tag is in tags.xml once it has a published article: then the newest tagged change is not null.
      ...(tagsLastmod ? [{ loc: `${base}/sitemaps/tags.xml`, lastmod: tagsLastmod }] : []),
      ...months.map((m) => ({ loc: `${base}/sitemaps/articles-${m.month}.xml`, lastmod: m.lastmod })),
    ];
    return xmlResponse(c, renderSitemapIndex(entries));
  }),
);

sitemapRoutes.get("/sitemaps/news.xml", (c) =>
  cachedPage(c, sitemaps, async () => {
    const site = await loadSiteInfo(c);
    const now = new Date();
    const items = await listNewsSince(c.var.db, now, new Date(now.getTime() - NEWS_WINDOW_MS));
    return xmlResponse(c, renderNewsSitemap(site.url, { name: site.name, language: "vi" }, items));
  }),
);

/** Home, sections, authors and static pages. */
sitemapRoutes.get("/sitemaps/pages.xml", (c) =>
  cachedPage(c, sitemaps, async () => {
    const base = siteUrl(c.env);
    const now = new Date();
    const [sections, authors, pages] = await Promise.all([
      listSectionLastmods(c.var.db, now),
      listAuthorLastmods(c.var.db, now),
      listPublishedStaticPages(c.var.db),
    ]);
    return xmlResponse(
      c,
      renderUrlset([
        { loc: `${base}/`, lastmod: newest(sections.map((s) => s.lastmod)) },
        ...sections.map((s) => ({ loc: base + sectionPath(s.slug), lastmod: s.lastmod })),
        ...authors.map((a) => ({ loc: base + authorPath(a.slug), lastmod: a.lastmod })),
        ...pages.map((p) => ({ loc: `${base}/${p.slug}`, lastmod: p.updatedAt })),
      ]),
    );
  }),
);

sitemapRoutes.get("/sitemaps/tags.xml", (c) =>
  cachedPage(c, sitemaps, async () => {
    const base = siteUrl(c.env);
    const tags = await listTagLastmods(c.var.db, new Date());
    return xmlResponse(c, renderUrlset(tags.map((t) => ({ loc: base + tagPath(t.slug), lastmod: t.lastmod }))));
  }),
);

sitemapRoutes.get("/sitemaps/:file", (c) => {
  const month = /^articles-(\d{4}-\d{2})\.xml$/.exec(c.req.param("file"))?.[1];
  const range = month ? vietnamMonthRange(month) : null;
  if (!range) return notFoundPage(c);
  return cachedPage(c, sitemaps, async () => {
    const base = siteUrl(c.env);
    const items = await listArticlesBetween(c.var.db, new Date(), range.start, range.end);
    if (!items.length) return notFoundPage(c);
    return xmlResponse(c, renderUrlset(items.map((a) => ({ loc: base + articlePath(a), lastmod: a.lastmod }))));
  });
});
