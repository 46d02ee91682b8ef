import { env } from "cloudflare:test";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_ARTICLES } from "../scripts/demo/articles/index";
import { DEMO_SECTIONS } from "../scripts/demo/people";
import { createArticle, updateArticle } from "../src/db/article-writes";
import { openDatabase } from "../src/db/client";
import { vietnamMonth } from "../src/vi/dates";
import { loadDemo } from "./setup/demo";
import { get } from "./setup/http";
import { firstIds } from "./setup/newsroom";

beforeAll(loadDemo);

const SITE = env.SITE_URL.replace(/\/+$/, "");
const RFC822_VN =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} \+0700$/;
const ISO_VN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  isArray: (name) => ["item", "url", "sitemap", "category"].includes(name),
  parseTagValue: false,
});

/** fast-xml-parser's output ("@name" attributes, "#text"): its shape is what these tests assert. */
// biome-ignore lint/suspicious/noExplicitAny: parsed XML has no static type, the assertions check its shape
type Parsed = any;

/** Fetches XML, checks it is well-formed, and parses it. */
async function xml(path: string): Promise<{ res: Response; doc: Parsed; body: string }> {
  const res = await get(path);
  const body = await res.text();
  expect(res.status, path).toBe(200);
  expect(XMLValidator.validate(body), `${path} is well-formed`).toBe(true);
  return { res, doc: parser.parse(body), body };
}

const hostile = `Tôm & cá <giá> "tăng" 'mạnh' 🦐🐟 ]]> &amp;`;

async function publishNow(
  headline: string,
  over: { status?: "published" | "unpublished"; publishedAt?: Date } = {},
): Promise<number> {
  const { sectionId, authorId } = await firstIds();
  return createArticle(openDatabase(env.DB), {
    sectionId,
    authorId,
    headline,
    lead: `Sapo: ${headline}`,
    body: [{ type: "paragraph", text: "Nội dung." }],
    status: over.status ?? "published",
    publishedAt: over.publishedAt ?? new Date(),
    tags: ["Thủy sản & đời sống"],
  });
}

describe("RSS", () => {
  it("lists the latest published articles, newest first, with every required element", async () => {
    const { res, doc } = await xml("/rss.xml");
    expect(res.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
    expect(doc.rss["@version"]).toBe("2.0");
    const channel = doc.rss.channel;
    expect(channel.title).toBe(env.SITE_NAME);
    expect(channel.link).toBe(`${SITE}/`);
    expect(channel.language).toBe("vi");
    expect(channel["atom:link"]["@href"]).toBe(`${SITE}/rss.xml`);
    expect(channel.lastBuildDate).toMatch(RFC822_VN);

    const items: Parsed[] = channel.item;
    expect(items.length).toBeGreaterThanOrEqual(DEMO_ARTICLES.length);
    expect(items.length).toBeLessThanOrEqual(50);
    const dates = items.map((i) => Date.parse(i.pubDate));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    const demo = DEMO_ARTICLES[0]!;
    const item = items.find((i) => i.title.includes(demo.headline));
    expect(item, "a demo article is in the feed").toBeDefined();
    expect(item.link).toMatch(new RegExp(`^${SITE}/${demo.section}/[a-z0-9-]+-\\d+\\.html$`));
    expect(item.guid["#text"]).toBe(item.link);
    expect(item.guid["@isPermaLink"]).toBe("true");
    expect(item.pubDate).toMatch(RFC822_VN);
    expect(Date.parse(item.pubDate)).toBe(Date.parse(demo.publishedAt));
    expect(item.description).toBe(demo.lead);
    expect(item.author).toMatch(/^\S+@\S+ \(.+\)$/);
    expect(item["dc:creator"]).toBeTruthy();
    expect(item.category[0]["#text"]).toBe(DEMO_SECTIONS.find((s) => s.slug === demo.section)!.name);
    expect(item.category[0]["@domain"]).toBe(`${SITE}/${demo.section}`);
    expect(item.enclosure["@type"]).toBe("image/jpeg");
    expect(item.enclosure["@length"]).toBe("0");
    // The enclosure is a real JPEG the feed reader can fetch.
    const photo = await get(new URL(item.enclosure["@url"]).pathname + new URL(item.enclosure["@url"]).search, {
      headers: { accept: "image/webp,*/*" },
    });
    expect(photo.status).toBe(200);
    expect(photo.headers.get("content-type")).toBe("image/jpeg");
  });

  it("has a feed per section with only that section's articles, and 404 for unknown sections", async () => {
    const { doc } = await xml("/kinh-te/rss.xml");
    const items: Parsed[] = doc.rss.channel.item;
    expect(items.length).toBe(DEMO_ARTICLES.filter((a) => a.section === "kinh-te").length);
    for (const item of items) expect(item.link).toContain(`${SITE}/kinh-te/`);
    expect(doc.rss.channel["atom:link"]["@href"]).toBe(`${SITE}/kinh-te/rss.xml`);
    expect((await get("/khong-co-muc-nay/rss.xml")).status).toBe(404);
  });

  it("is linked from the head of every reader page", async () => {
    for (const path of ["/", "/kinh-te", "/tim-kiem?q=lua"]) {
      const html = await (await get(path)).text();
      expect(html, path).toContain(
        `<link rel="alternate" type="application/rss+xml" title="${env.SITE_NAME}" href="/rss.xml"/>`,
      );
    }
    expect(await (await get("/kinh-te")).text()).toContain('href="/kinh-te/rss.xml"');
  });

  it("round-trips a headline with &, <, quotes and emoji exactly", async () => {
    const id = await publishNow(hostile);
    const { doc, body } = await xml("/rss.xml");
    const item = doc.rss.channel.item.find((i: Parsed) => i.link.endsWith(`-${id}.html`));
    expect(item.title).toBe(hostile);
    expect(item.description).toBe(`Sapo: ${hostile}`);
    expect(item.category.map((c: Parsed) => (typeof c === "string" ? c : c["#text"]))).toContain("Thủy sản & đời sống");
    expect(body).not.toContain("<giá>");
    const news = await xml("/sitemaps/news.xml");
    const entry = news.doc.urlset.url.find((u: Parsed) => u.loc.endsWith(`-${id}.html`));
    expect(entry["news:news"]["news:title"]).toBe(hostile);
  });

  it("is cached at the edge with an ETag", async () => {
    await get("/rss.xml");
    const again = await get("/rss.xml");
    expect(again.headers.get("x-cache")).toBe("HIT");
    expect(again.headers.get("etag")).toMatch(/^"[0-9a-f]+"$/);
    expect((await get("/rss.xml", { headers: { "if-none-match": again.headers.get("etag")! } })).status).toBe(304);
  });
});

describe("sitemaps", () => {
  it("index the news, pages, tags and per-month article sitemaps, each valid", async () => {
    const { res, doc } = await xml("/sitemap.xml");
    expect(res.headers.get("content-type")).toBe("application/xml; charset=utf-8");
    const locs: string[] = doc.sitemapindex.sitemap.map((s: Parsed) => s.loc);
    expect(locs).toContain(`${SITE}/sitemaps/news.xml`);
    expect(locs).toContain(`${SITE}/sitemaps/pages.xml`);
    expect(locs).toContain(`${SITE}/sitemaps/tags.xml`);
    const months = new Set(DEMO_ARTICLES.map((a) => vietnamMonth(new Date(a.publishedAt))));
    for (const m of months) expect(locs).toContain(`${SITE}/sitemaps/articles-${m}.xml`);
    for (const s of doc.sitemapindex.sitemap) if (s.lastmod) expect(s.lastmod).toMatch(ISO_VN);

    // Every published demo article is in exactly one month sitemap.
    const articleUrls: string[] = [];
    for (const loc of locs.filter((l) => l.includes("/articles-"))) {
      const part = await xml(new URL(loc).pathname);
      for (const u of part.doc.urlset.url) {
        expect(u.lastmod).toMatch(ISO_VN);
        articleUrls.push(u.loc);
      }
    }
    expect(new Set(articleUrls).size).toBe(articleUrls.length);
    for (const a of DEMO_ARTICLES) expect(articleUrls.some((u) => u.startsWith(`${SITE}/${a.section}/`))).toBe(true);
    expect(articleUrls.length).toBeGreaterThanOrEqual(DEMO_ARTICLES.length);
  });

  it("list the home page, sections, authors, static pages and tags", async () => {
    const pages = (await xml("/sitemaps/pages.xml")).doc.urlset.url.map((u: Parsed) => u.loc);
    expect(pages).toContain(`${SITE}/`);
    expect(pages).toContain(`${SITE}/kinh-te`);
    expect(pages.some((p: string) => p.startsWith(`${SITE}/tac-gia/`))).toBe(true);
    expect(pages).toContain(`${SITE}/gioi-thieu`);
    const tags = (await xml("/sitemaps/tags.xml")).doc.urlset.url.map((u: Parsed) => u.loc);
    expect(tags.length).toBeGreaterThan(0);
    for (const t of tags) expect(t).toMatch(new RegExp(`^${SITE}/chu-de/[a-z0-9-]+$`));
  });

  it("give Google News only the last 48 hours, with publication name, language and date", async () => {
    const fresh = await publishNow("Tin nóng trong ngày về lúa mùa");
    const old = await publishNow("Tin cũ ba ngày trước", { publishedAt: new Date(Date.now() - 72 * 3600_000) });
    const { doc } = await xml("/sitemaps/news.xml");
    const urls: Parsed[] = doc.urlset.url;
    const entry = urls.find((u) => u.loc.endsWith(`-${fresh}.html`));
    expect(entry).toBeDefined();
    expect(urls.find((u) => u.loc.endsWith(`-${old}.html`))).toBeUndefined();
    const news = entry["news:news"];
    expect(news["news:publication"]["news:name"]).toBe(env.SITE_NAME);
    expect(news["news:publication"]["news:language"]).toBe("vi");
    expect(news["news:publication_date"]).toMatch(ISO_VN);
    expect(news["news:title"]).toBe("Tin nóng trong ngày về lúa mùa");
    for (const u of urls)
      expect(Date.now() - Date.parse(u["news:news"]["news:publication_date"])).toBeLessThanOrEqual(48 * 3600_000);
  });

  it("answer 404 for months that are malformed or empty", async () => {
    for (const f of [
      "articles-2026-13.xml",
      "articles-abc.xml",
      "articles-1999-01.xml",
      "khac.xml",
      "..%2Fsitemap.xml",
    ]) {
      expect((await get(`/sitemaps/${f}`)).status, f).toBe(404);
    }
  });
});

describe("unpublishing", () => {
  it("takes an article out of feeds and sitemaps at once, even when they were cached", async () => {
    const headline = "Bài sắp gỡ khỏi trang";
    const id = await publishNow(headline);
    const paths = [
      "/rss.xml",
      "/kinh-te/rss.xml",
      "/sitemaps/news.xml",
      `/sitemaps/articles-${vietnamMonth(new Date())}.xml`,
    ];
    const { sectionSlug } = await firstIds();
    paths[1] = `/${sectionSlug}/rss.xml`;
    for (const p of paths) {
      expect((await xml(p)).body, p).toContain(`-${id}.html`);
      expect((await get(p)).headers.get("x-cache"), p).toBe("HIT");
    }
    const db = openDatabase(env.DB);
    const { sectionId, authorId } = await firstIds();
    await updateArticle(db, id, {
      sectionId,
      authorId,
      headline,
      lead: `Sapo: ${headline}`,
      body: [{ type: "paragraph", text: "Nội dung." }],
      status: "unpublished",
      publishedAt: new Date(),
    });
    for (const p of paths) expect((await xml(p)).body, p).not.toContain(`-${id}.html`);
  });
});

describe("robots.txt", () => {
  it("keeps crawlers out of the newsroom, search results and forms, and points to the sitemaps", async () => {
    const res = await get("/robots.txt");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    const lines = (await res.text()).split("\n");
    expect(lines).toContain("User-agent: *");
    expect(lines).toContain("Disallow: /admin");
    expect(lines).toContain("Disallow: /tim-kiem");
    expect(lines).toContain(`Sitemap: ${SITE}/sitemap.xml`);
    expect(lines).toContain(`Sitemap: ${SITE}/sitemaps/news.xml`);
    expect(lines).not.toContain("Disallow: /");
  });
});
