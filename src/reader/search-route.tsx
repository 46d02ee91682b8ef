import { Hono } from "hono";
import { listLatest } from "../db/articles";
import { searchArticles } from "../db/search";
import type { AppEnv } from "../env";
import { foldVietnamese } from "../search/fold";
import { parseSearchQuery } from "../search/query";
import { snippet } from "../search/snippet";
import { renderDocument } from "../views/render";
import { SearchPage } from "../views/SearchPage";
import { badRequestPage } from "./errors";
import { cachedPage } from "./page-cache";
import { BAD_PAGE, PAGE_SIZE, parsePage } from "./paging";
import { loadSiteInfo } from "./site-info";

export const searchRoutes = new Hono<AppEnv>();

/** When the reader typed tone marks, articles with those exact words rank first. */
function tonedMatch(toned: string[], folded: string[]): string | null {
  const words = toned.filter((t) => /[\p{L}\p{N}]/u.test(t) && !/["]/.test(t)).slice(0, 10);
  if (!words.length || words.join(" ") === folded.join(" ")) return null;
  return words.map((w) => `"${w}"`).join(" ");
}

/**
 * `/tim-kiem?q=`: cached like other pages; any edit or publish (the home scope) refreshes results.
 * Its key holds what it reads, canonical: the words as searched (NFC, at most 200
 * characters, trimmed) and the page when above 1; a malformed page is a 400 first.
 */
searchRoutes.get("/", (c) => {
  const page = parsePage(c.req.query("page"));
  if (page === null) return badRequestPage(c, BAD_PAGE);
  const raw = (c.req.query("q") ?? "").normalize("NFC").slice(0, 200).trim();
  const key = { q: raw || undefined, page: page > 1 ? String(page) : undefined };
  return cachedPage(
    c,
    { kind: "home" },
    async ({ lite }) => {
      const query = parseSearchQuery(raw);
      const now = new Date();
      const [site, found] = await Promise.all([
        loadSiteInfo(c),
        query.match
          ? searchArticles(
              c.var.db,
              query.match,
              tonedMatch(query.tonedTerms, query.terms),
              now,
              PAGE_SIZE,
              (page - 1) * PAGE_SIZE,
            )
          : Promise.resolve({ hits: [], total: 0 }),
      ]);
      const latest = found.hits.length ? [] : await listLatest(c.var.db, { now, limit: 5 });
      const folded = [...query.terms, ...query.phrases.flat()].map(foldVietnamese);
      return c.html(
        renderDocument(
          <SearchPage
            site={site}
            q={raw}
            total={found.total}
            page={page}
            pageCount={Math.max(1, Math.ceil(found.total / PAGE_SIZE))}
            latest={latest}
            lite={lite}
            results={found.hits.map((hit) => ({ article: hit, snippet: snippet(hit.text, folded) }))}
          />,
        ),
      );
    },
    key,
  );
});
