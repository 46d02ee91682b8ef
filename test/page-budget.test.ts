import { parse } from "node-html-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_ARTICLES } from "../scripts/demo/articles/index";
import { ASSET_URLS } from "../src/site/asset-urls";
import { loadDemo } from "./setup/demo";
import { articleUrl } from "./setup/demo-urls";
import { get } from "./setup/http";

beforeAll(loadDemo);

const ONE_ROUND_TRIP = 14_336;
/** The light edition, for readers counting every kilobyte of mobile data. */
const LIGHT_BUDGET = 10_240;

async function gzipSize(text: string): Promise<number> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("gzip"));
  return (await new Response(stream).arrayBuffer()).byteLength;
}

const words = (a: (typeof DEMO_ARTICLES)[number]) =>
  a.body.reduce(
    (n, b) =>
      n +
      ("text" in b ? b.text : "items" in b ? b.items.map((i) => (typeof i === "string" ? i : i.text)).join(" ") : "")
        .split(/\s+/)
        .filter(Boolean).length,
    0,
  );
const biggest = [...DEMO_ARTICLES].sort((a, b) => words(b) - words(a))[0]!;

describe("the low-bandwidth budget", () => {
  it("fits the biggest demo article's HTML and inline CSS in one round trip (14 KB gzip)", async () => {
    expect(words(biggest)).toBeGreaterThan(900);
    const html = await (await get(await articleUrl(biggest.headline))).text();
    expect(await gzipSize(html)).toBeLessThanOrEqual(ONE_ROUND_TRIP);

    // Headline, dateline, lead and the first paragraph come first.
    const firstParagraph = biggest.body.find((b) => b.type === "paragraph")!;
    const end =
      html.indexOf("</p>", html.indexOf(("text" in firstParagraph ? firstParagraph.text : "").slice(0, 40))) + 4;
    expect(end).toBeGreaterThan(html.indexOf(biggest.lead));
    expect(await gzipSize(html.slice(0, end))).toBeLessThanOrEqual(ONE_ROUND_TRIP);
  });

  it("needs nothing render-blocking: no external CSS, no blocking scripts, no web fonts", async () => {
    const html = await (await get(await articleUrl(biggest.headline))).text();
    const doc = parse(html);
    expect(doc.querySelectorAll('link[rel="stylesheet"]')).toHaveLength(0);
    // JSON-LD for search engines is data, never executed or fetched. The one
    // script is the loader that adds offline reading's after the page has
    // loaded (src/site/script-loader.ts): the parser fetches no script at all.
    const scripts = doc.querySelectorAll("script").filter((s) => s.getAttribute("type") !== "application/ld+json");
    expect(scripts.map((s) => s.getAttribute("data-src"))).toEqual([ASSET_URLS["offline.js"]]);
    expect(doc.querySelectorAll("script[src]")).toHaveLength(0);
    expect(html).not.toMatch(/@font-face|@import|fonts\.googleapis/);
  });

  it("gives every photo its size, a srcset of variants, and loads only the hero eagerly", async () => {
    const doc = parse(await (await get(await articleUrl(biggest.headline))).text());
    const imgs = doc.querySelectorAll("article img");
    expect(imgs.length).toBeGreaterThanOrEqual(2);
    for (const img of imgs) {
      expect(Number(img.getAttribute("width"))).toBeGreaterThan(0);
      expect(Number(img.getAttribute("height"))).toBeGreaterThan(0);
      expect(img.getAttribute("src")).toMatch(/\?w=(360|720|1080)$/);
    }
    expect(imgs[0]!.getAttribute("loading")).toBe("eager");
    expect(imgs[0]!.getAttribute("fetchpriority")).toBe("high");
    expect(imgs.slice(1).every((img) => img.getAttribute("loading") === "lazy")).toBe(true);
  });

  it("serves a light page to Save-Data readers and at /lite: captions link to photos, no images", async () => {
    const path = await articleUrl(biggest.headline);
    for (const [url, init] of [
      [path, { headers: { "save-data": "on" } }],
      [`/lite${path}`, {}],
    ] as const) {
      const res = await get(url, init);
      expect(res.status, url).toBe(200);
      const doc = parse(await res.text());
      expect(doc.querySelectorAll("img"), url).toHaveLength(0);
      const links = doc.querySelectorAll(".photo-link a");
      expect(links.length, url).toBeGreaterThanOrEqual(2);
      expect(links[0]!.getAttribute("href")).toMatch(/^\/media\//);
      expect(doc.querySelector("h1")?.textContent).toContain(biggest.headline);
      expect(doc.querySelector('link[rel="canonical"]')?.getAttribute("href")).toMatch(
        new RegExp(`${path.replace(/[.]/g, "\\.")}$`),
      );
    }
    // The full page links to the light one, and the light one back.
    const full = parse(await (await get(path)).text());
    expect(full.querySelector("a.edition")?.getAttribute("href")).toBe(`/lite${path}`);
    expect(full.querySelector("a.edition")?.textContent).toBe("Bản nhẹ");
    const lite = parse(await (await get(`/lite${path}`)).text());
    expect(lite.querySelector("a.edition")?.getAttribute("href")).toBe(path);
    expect(lite.querySelector("a.edition")?.textContent).toBe("Bản đầy đủ");
  });

  it("keeps the biggest demo article's light page under 10 KB gzip, captions and all", async () => {
    const path = await articleUrl(biggest.headline);
    // The whole text is there: its last paragraph too.
    const paragraphs = biggest.body.flatMap((b) => (b.type === "paragraph" && "text" in b ? [b.text] : []));
    const lastWords = paragraphs[paragraphs.length - 1]!.slice(-40);
    for (const [url, init] of [
      [`/lite${path}`, {}],
      [path, { headers: { "save-data": "on" } }],
    ] as const) {
      const html = await (await get(url, init)).text();
      expect(html, url).toContain(lastWords);
      expect(parse(html).querySelectorAll(".photo-link a").length, url).toBeGreaterThanOrEqual(2);
      expect(await gzipSize(html), url).toBeLessThanOrEqual(LIGHT_BUDGET);
    }
  });

  it("keeps every demo article inside both budgets, tables, Xem thêm and videos included", async () => {
    for (const article of DEMO_ARTICLES) {
      const path = await articleUrl(article.headline);
      expect(await gzipSize(await (await get(path)).text()), path).toBeLessThanOrEqual(ONE_ROUND_TRIP);
      expect(await gzipSize(await (await get(`/lite${path}`)).text()), path).toBeLessThanOrEqual(LIGHT_BUDGET);
    }
    expect(DEMO_ARTICLES.some((a) => a.body.some((b) => b.type === "video"))).toBe(true);
    expect(DEMO_ARTICLES.some((a) => a.body.some((b) => b.type === "table"))).toBe(true);
    // The player's script, loaded only where a video is, stays tiny.
    const script = await (await get(ASSET_URLS["video.js"])).text();
    expect(await gzipSize(script)).toBeLessThanOrEqual(1024);
  });

  it("keeps light and full pages apart in the cache", async () => {
    const path = await articleUrl(biggest.headline);
    await get(path);
    const lite = await get(path, { headers: { "save-data": "on" } });
    expect(await lite.text()).not.toContain("<img");
  });
});
