import { env } from "cloudflare:test";
import { parse } from "node-html-parser";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { DEMO_ARTICLES } from "../scripts/demo/articles/index";
import { createArticle, updateArticle } from "../src/db/article-writes";
import { getPublishedArticle } from "../src/db/articles";
import { openDatabase } from "../src/db/client";
import { loadDemo } from "./setup/demo";
import { articleId, articleUrl } from "./setup/demo-urls";
import { get, text } from "./setup/http";
import { loginAs } from "./setup/newsroom";
import { rowsOf } from "./setup/rows";

beforeAll(loadDemo);
afterEach(() => {
  vi.useRealTimers();
});

/** Pages carry a per-reader form timestamp (a volatile fragment); compare without it. */
const withoutFormToken = (html: string) => html.replace(/<input type="hidden" name="t" value="[0-9a-f.]+">/g, "");

/** Requests a page until the background cache.put of its first render has landed. */
async function warm(path: string, init?: RequestInit): Promise<Response> {
  for (let i = 0; i < 20; i++) {
    const res = await get(path, init);
    await res.arrayBuffer();
    if (res.headers.get("x-cache") === "HIT") return get(path, init);
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${path} never became a cache HIT`);
}

const culture = DEMO_ARTICLES.find((a) => a.section === "van-hoa-du-lich")!;

describe("reader pages at the edge", () => {
  it("are a MISS first, then a HIT, with edge-friendly headers", async () => {
    const path = await articleUrl(culture.headline);
    const first = await get(path);
    expect(first.headers.get("x-cache")).toBe("MISS");
    const body = await first.text();
    const hit = await warm(path);
    expect(withoutFormToken(await hit.text())).toBe(withoutFormToken(body));
    const cc = hit.headers.get("cache-control")!;
    expect(cc).toMatch(/max-age=60\b/);
    expect(cc).toMatch(/s-maxage=\d{3,}/);
    expect(cc).toMatch(/stale-while-revalidate=\d+/);
    expect(cc).toMatch(/stale-if-error=\d+/);
    expect(hit.headers.get("etag")).toMatch(/^"[0-9a-f]{24}"$/);
    expect(hit.headers.get("vary")).toBe("Save-Data");
    expect(hit.headers.get("cache-tag")).toContain(`article-${await articleId(culture.headline)}`);
  });

  it("answers a matching If-None-Match with 304 and no body", async () => {
    const path = await articleUrl(culture.headline);
    const etag = (await warm(path)).headers.get("etag")!;
    const res = await get(path, { headers: { "if-none-match": etag } });
    expect(res.status).toBe(304);
    expect(await res.text()).toBe("");
    expect(res.headers.get("etag")).toBe(etag);
    expect((await get(path, { headers: { "if-none-match": '"something-else"' } })).status).toBe(200);
  });

  it("shares one cache entry between links with and without tracking parameters", async () => {
    await warm("/van-hoa-du-lich");
    for (const q of ["utm_source=facebook&utm_medium=social", "fbclid=IwAR0abc", "gclid=xyz&utm_campaign=tet"]) {
      const res = await get(`/van-hoa-du-lich?${q}`);
      expect(res.headers.get("x-cache"), q).toBe("HIT");
    }
    // `page=1` is the first page: the same entry too (test/cache-keys.test.ts has the rest).
    expect((await get("/van-hoa-du-lich?page=1&utm_source=x")).headers.get("x-cache")).toBe("HIT");
  });

  it("never serves or stores a page for a logged-in editor", async () => {
    const path = "/giao-duc-the-thao";
    const editor = await loginAs("editor");
    const asEditor = { headers: { cookie: `theme=dark; ${editor.cookie}` } };
    const first = await get(path, asEditor);
    expect(first.headers.get("x-cache")).toBe("BYPASS");
    expect(first.headers.get("cache-control")).toBe("private, no-store");
    expect(first.headers.get("cache-tag")).toBeNull();
    // The editor's render was not stored: the first reader still misses.
    expect((await get(path)).headers.get("x-cache")).toBe("MISS");
    await warm(path);
    expect((await get(path, asEditor)).headers.get("x-cache")).toBe("BYPASS");
  });

  it("never caches anything under /admin", async () => {
    for (const path of ["/admin", "/admin/", "/admin/bai-viet"]) {
      const res = await get(path);
      expect(res.headers.get("cache-control"), path).toBe("private, no-store");
      expect(res.headers.get("x-cache"), path).not.toBe("HIT");
    }
  });

  it("serves a stored page as STALE once it is past its edge freshness, and refreshes it", async () => {
    const path = "/kinh-te";
    await warm(path);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 11 * 60_000);
    const stale = await get(path);
    expect(stale.headers.get("x-cache")).toBe("STALE");
    expect(stale.status).toBe(200);
    // The background render replaced it: the next reader gets a fresh HIT.
    expect((await warm(path)).headers.get("x-cache")).toBe("HIT");
  });
});

describe("invalidation by content version", () => {
  it("shows an edit at once on the article, the home page and its section", async () => {
    const db = openDatabase(env.DB);
    const target = DEMO_ARTICLES.find((a) => a.section === "nhip-song-do-thi")!;
    const id = await articleId(target.headline);
    const path = await articleUrl(target.headline);
    for (const p of [path, "/", "/nhip-song-do-thi", "/chu-de/bac-lieu", "/tac-gia/minh-thu"]) await warm(p);

    const current = (await getPublishedArticle(db, id, new Date()))!;
    const newHeadline = `${target.headline} (cập nhật)`;
    await updateArticle(db, id, {
      sectionId: current.section.id,
      authorId: (await rowsOf(env.DB).query.articles.findFirst({ where: (a, { eq }) => eq(a.id, id) }))!.authorId,
      kicker: current.kicker,
      headline: newHeadline,
      slug: current.slug,
      lead: current.lead,
      body: current.body,
      status: "published",
      publishedAt: current.publishedAt,
      heroImageId: current.hero?.id ?? null,
      tags: current.tags.map((t) => t.name),
    });

    for (const p of [path, "/", "/nhip-song-do-thi", "/chu-de/bac-lieu", "/tac-gia/minh-thu"]) {
      const res = await get(p);
      expect(res.headers.get("x-cache"), p).toBe("MISS");
      expect(await res.text(), p).toContain(newHeadline);
    }
  });

  it("leaves unrelated cached pages alone", async () => {
    const db = openDatabase(env.DB);
    const sport = DEMO_ARTICLES.find((a) => a.section === "giao-duc-the-thao" && !a.tags.includes("Du lịch"))!;
    const economyPage = "/kinh-te";
    await warm(economyPage);
    const id = await articleId(sport.headline);
    const current = (await getPublishedArticle(db, id, new Date()))!;
    const row = (await rowsOf(env.DB).query.articles.findFirst({ where: (a, { eq }) => eq(a.id, id) }))!;
    await updateArticle(db, id, {
      sectionId: row.sectionId,
      authorId: row.authorId,
      kicker: current.kicker,
      headline: current.headline,
      lead: `${current.lead} Cập nhật.`,
      body: current.body,
      status: "published",
      publishedAt: current.publishedAt,
      heroImageId: row.heroImageId,
      tags: current.tags.map((t) => t.name),
    });
    expect((await get(economyPage)).headers.get("x-cache")).toBe("HIT");
  });
});

describe("fragments", () => {
  it("update the latest-news list inside a cached article without re-rendering it", async () => {
    const db = openDatabase(env.DB);
    const path = await articleUrl(culture.headline);
    const before = await warm(path);
    const beforeHtml = await before.text();
    const beforeEtag = before.headers.get("etag");

    // A new story in another section, with no shared tags: the article page's own version is untouched.
    const [section] = await rowsOf(env.DB).query.sections.findMany({ where: (s, { eq }) => eq(s.slug, "kinh-te") });
    const [author] = await rowsOf(env.DB).query.authors.findMany({ limit: 1 });
    await createArticle(db, {
      sectionId: section!.id,
      authorId: author!.id,
      headline: "Giá lúa tăng mạnh sau mưa bão",
      lead: "Tin nóng.",
      body: [{ type: "paragraph", text: "Nội dung." }],
      status: "published",
      publishedAt: new Date(Date.now() - 1000),
      tags: ["Thị trường"],
    });

    const after = await get(path);
    expect(after.headers.get("x-cache")).toBe("HIT");
    const afterHtml = await after.text();
    const latest = parse(afterHtml).querySelector(".latest-news");
    expect(text(latest?.querySelector("li a"))).toBe("Giá lúa tăng mạnh sau mưa bão");
    expect(parse(beforeHtml).querySelector(".latest-news")?.toString()).not.toContain("Giá lúa tăng mạnh");
    expect(after.headers.get("etag")).not.toBe(beforeEtag);
    // Outside the fragment the page is byte for byte the cached one.
    const strip = (html: string) =>
      withoutFormToken(html).replace(/<section class="latest-news"[\s\S]*?<\/section>/, "");
    expect(strip(afterHtml)).toBe(strip(beforeHtml));
  });
});
