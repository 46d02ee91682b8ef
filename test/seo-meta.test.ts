import { env } from "cloudflare:test";
import type { HTMLElement } from "node-html-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_ARTICLES } from "../scripts/demo/articles/index";
import { DEMO_SECTIONS } from "../scripts/demo/people";
import { createArticle } from "../src/db/article-writes";
import { openDatabase } from "../src/db/client";
import { loadDemo } from "./setup/demo";
import { get, getPage } from "./setup/http";
import { firstIds } from "./setup/newsroom";

beforeAll(loadDemo);

const SITE = env.SITE_URL.replace(/\/+$/, "");
const ISO_VN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/;

const metaProperty = (doc: HTMLElement, p: string) =>
  doc.querySelector(`meta[property="${p}"]`)?.getAttribute("content");
const metaName = (doc: HTMLElement, n: string) => doc.querySelector(`meta[name="${n}"]`)?.getAttribute("content");
const jsonLd = (doc: HTMLElement) =>
  doc.querySelectorAll('script[type="application/ld+json"]').map((s) => JSON.parse(s.textContent));
const ofType = (doc: HTMLElement, type: string) => jsonLd(doc).find((d) => d["@type"] === type);

async function demoArticlePath(): Promise<string> {
  const { doc } = await getPage("/kinh-te");
  return doc.querySelector('main a[href$=".html"]')!.getAttribute("href")!;
}

describe("article pages for search engines and share previews", () => {
  it("carry canonical, language, description, Open Graph and Twitter cards with a 1200x630 image", async () => {
    const path = await demoArticlePath();
    const { doc } = await getPage(path);
    const headline = doc.querySelector("h1")!.textContent.replace(/\s+/g, " ").trim();
    expect(doc.querySelector("html")?.getAttribute("lang")).toBe("vi");
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(SITE + path);
    expect(doc.querySelector('link[rel="alternate"][hreflang="vi"]')?.getAttribute("href")).toBe(SITE + path);
    const lead = doc.querySelector(".lead")!.textContent;
    expect(metaName(doc, "description")).toBe(lead);
    expect(metaProperty(doc, "og:type")).toBe("article");
    expect(metaProperty(doc, "og:title")).toBe(headline);
    expect(metaProperty(doc, "og:description")).toBe(lead);
    expect(metaProperty(doc, "og:url")).toBe(SITE + path);
    expect(metaProperty(doc, "og:site_name")).toBe(env.SITE_NAME);
    expect(metaProperty(doc, "og:locale")).toBe("vi_VN");
    expect(metaProperty(doc, "article:published_time")).toMatch(ISO_VN);
    expect(metaProperty(doc, "article:section")).toBe("Kinh tế");
    expect(metaName(doc, "twitter:card")).toBe("summary_large_image");

    const image = metaProperty(doc, "og:image")!;
    expect(image).toMatch(new RegExp(`^${SITE}/media/.+\\?w=1200&h=630$`));
    expect(metaName(doc, "twitter:image")).toBe(image);
    expect(metaProperty(doc, "og:image:width")).toBe("1200");
    expect(metaProperty(doc, "og:image:height")).toBe("630");
    // The card is a real 1200x630 JPEG, cropped from the photo by the Images binding.
    const card = await get(image.slice(SITE.length), { headers: { accept: "image/avif,image/webp,*/*" } });
    expect(card.status).toBe(200);
    expect(card.headers.get("content-type")).toBe("image/jpeg");
    const info = await env.IMAGES.info(new Blob([await card.arrayBuffer()]).stream());
    expect("width" in info && [info.width, info.height]).toEqual([1200, 630]);
  });

  it("describe the article in JSON-LD: NewsArticle with every required field, and its breadcrumb", async () => {
    const path = await demoArticlePath();
    const { doc } = await getPage(path);
    const article = ofType(doc, "NewsArticle");
    expect(article["@context"]).toBe("https://schema.org");
    expect(article.headline).toBeTruthy();
    expect(article.headline.length).toBeLessThanOrEqual(110);
    expect(article.image[0]).toBe(metaProperty(doc, "og:image"));
    expect(article.datePublished).toMatch(ISO_VN);
    expect(article.dateModified).toMatch(ISO_VN);
    expect(Date.parse(article.dateModified)).toBeGreaterThanOrEqual(Date.parse(article.datePublished));
    const demo = DEMO_ARTICLES.find((a) => a.headline === article.headline)!;
    expect(Date.parse(article.datePublished)).toBe(Date.parse(demo.publishedAt));
    expect(article.author[0]["@type"]).toBe("Person");
    expect(article.author[0].url).toMatch(new RegExp(`^${SITE}/tac-gia/`));
    expect((await get(article.author[0].url.slice(SITE.length))).status).toBe(200);
    expect(article.publisher.name).toBe(env.SITE_NAME);
    const logo = await get(article.publisher.logo.url.slice(SITE.length));
    expect(logo.status).toBe(200);
    expect(logo.headers.get("content-type")).toBe("image/png");
    expect(article.articleSection).toBe("Kinh tế");
    expect(article.keywords).toEqual(demo.tags);
    expect(article.mainEntityOfPage["@id"]).toBe(SITE + path);

    const crumbs = ofType(doc, "BreadcrumbList");
    expect(crumbs.itemListElement.map((c: { position: number; item: string }) => [c.position, c.item])).toEqual([
      [1, `${SITE}/`],
      [2, `${SITE}/kinh-te`],
      [3, SITE + path],
    ]);
  });

  it("keep hostile headlines inside the JSON-LD and meta values", async () => {
    const { sectionId, authorId } = await firstIds();
    const headline = `</script><script>alert(1)</script> "Tôm" & <cá> 🦐`;
    const id = await createArticle(openDatabase(env.DB), {
      sectionId,
      authorId,
      headline,
      lead: 'Sapo <b>đậm</b> & "trích"',
      body: [{ type: "paragraph", text: "Nội dung." }],
      status: "published",
      publishedAt: new Date(),
    });
    const res = await get(`/x/x-${id}.html`);
    const location = res.headers.get("location")!;
    const { doc, html } = await getPage(location);
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(ofType(doc, "NewsArticle").headline).toBe(headline);
    expect(metaProperty(doc, "og:title")).toBe(headline);
    expect(metaProperty(doc, "og:description")).toBe('Sapo <b>đậm</b> & "trích"');
    // Without a photo the paper's default card is shared.
    expect(metaProperty(doc, "og:image")).toMatch(new RegExp(`^${SITE}/_/og-default\\.[0-9a-f]+\\.png$`));
  });

  it("point the light edition's canonical at the full article", async () => {
    const path = await demoArticlePath();
    const { doc } = await getPage(`/lite${path}`);
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(SITE + path);
  });
});

describe("other pages", () => {
  it("home: WebSite with a SearchAction that works", async () => {
    const { doc } = await getPage("/");
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(`${SITE}/`);
    expect(metaProperty(doc, "og:type")).toBe("website");
    const site = ofType(doc, "WebSite");
    expect(site.name).toBe(env.SITE_NAME);
    const template: string = site.potentialAction.target.urlTemplate;
    expect(site.potentialAction["query-input"]).toBe("required name=search_term_string");
    expect(template).toBe(`${SITE}/tim-kiem?q={search_term_string}`);
    const search = await get(
      template.slice(SITE.length).replace("{search_term_string}", encodeURIComponent("ghe ngo")),
    );
    expect(search.status).toBe(200);
  });

  it("sections, tags and authors: canonical, description and breadcrumb", async () => {
    for (const s of DEMO_SECTIONS) {
      const { doc } = await getPage(`/${s.slug}`);
      expect(doc.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(`${SITE}/${s.slug}`);
      expect(metaName(doc, "description")).toBeTruthy();
      const crumbs = ofType(doc, "BreadcrumbList");
      expect(crumbs.itemListElement.at(-1)).toMatchObject({ position: 2, name: s.name, item: `${SITE}/${s.slug}` });
    }
    const page2 = await getPage("/kinh-te?page=1&utm_source=zalo");
    expect(page2.doc.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(`${SITE}/kinh-te`);
  });

  it("search results are not indexed", async () => {
    const { doc } = await getPage("/tim-kiem?q=lua");
    expect(metaName(doc, "robots")).toBe("noindex");
  });
});
