// GET /admin/bai-viet/tim.json?q=…  (or ?id=123): published articles for the
// editor's "Xem thêm" picker, as [{ id, headline, url, publishedAt }], newest
// first, at most 20. Any newsroom account may look; it shows only what
// readers can already see.
import { Hono } from "hono";
import { findPublishedArticle, findPublishedArticles } from "../db/article-lookup";
import type { AppEnv } from "../env";
import { articlePath } from "../site/urls";
import { nfc } from "../vi/normalize";
import { slugify } from "../vi/slug";
import { parseId } from "./form";

export const articleSearchRoute = new Hono<AppEnv>();

export const ARTICLE_SEARCH_LIMIT = 20;

articleSearchRoute.get("/tim.json", async (c) => {
  c.header("cache-control", "no-store");
  const now = new Date();
  const rawId = c.req.query("id");
  const rows =
    rawId !== undefined
      ? await (async () => {
          const id = parseId(rawId);
          const row = id ? await findPublishedArticle(c.var.db, id, now) : undefined;
          return row ? [row] : [];
        })()
      : await (async () => {
          const q = nfc(c.req.query("q") ?? "")
            .replace(/\s+/g, " ")
            .trim()
            .slice(0, 200);
          if (!q) return [];
          return findPublishedArticles(c.var.db, q, slugify(q), now, ARTICLE_SEARCH_LIMIT);
        })();
  return c.json(
    rows.map((r) => ({
      id: r.id,
      headline: r.headline,
      url: articlePath({ id: r.id, slug: r.slug, section: { slug: r.sectionSlug } }),
      publishedAt: r.publishedAt ? r.publishedAt.toISOString() : null,
    })),
  );
});
