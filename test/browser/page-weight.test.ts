// The reader budgets on every demo article, not only the ones other tests
// write or open: the HTML with its CSS in one round trip (14 KB gzip), and
// the whole page on a phone with its photos under 50 KB, measured as
// scripts/bench.ts measures it. No browser needed: the bytes are what the
// running Worker sends. Articles other browser tests create are left out
// (they have their own checks), so the answer does not depend on file order.
import { describe, expect, inject, it } from "vitest";
import { DEMO_ARTICLES } from "../../scripts/demo/articles/index";
import { slugify } from "../../src/vi/slug";
import { HTML_BUDGET, PHONE_PAGE_BUDGET, phoneWeight } from "./readers";

const base = inject("baseUrl");

const locs = async (path: string) =>
  [...(await (await fetch(base + path)).text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);

/** Every published article's address, from the sitemap index and its monthly parts. */
async function publishedArticles(): Promise<string[]> {
  const parts = (await locs("/sitemap.xml")).filter((p) => /\/sitemaps\/articles-[\d-]+\.xml$/.test(p));
  return (await Promise.all(parts.map(locs))).flat();
}

describe("every demo article keeps the reader budgets", () => {
  it("HTML at most 14 KB gzip, HTML and photos on a phone at most 50 KB", async () => {
    const published = await publishedArticles();
    const weights: Record<string, { html: number; total: number }> = {};
    for (const article of DEMO_ARTICLES) {
      const path = published.find((p) => p.startsWith(`/${article.section}/${slugify(article.headline)}-`));
      expect(path, article.headline).toBeDefined();
      const { html, total } = await phoneWeight(base, await (await fetch(base + path!)).text());
      weights[path!] = { html, total };
    }
    const over = Object.entries(weights).filter(([, w]) => w.html > HTML_BUDGET || w.total > PHONE_PAGE_BUDGET);
    expect(over).toEqual([]);
    // Twelve pages measured, each with its photos: an empty page would pass the budgets.
    expect(Object.values(weights).every((w) => w.total > w.html)).toBe(true);
  });
});
