import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_ARTICLES } from "../scripts/demo/articles/index";
import { createArticle } from "../src/db/article-writes";
import { openDatabase } from "../src/db/client";
import { ASSET_URLS } from "../src/site/asset-urls";
import { loadDemo } from "./setup/demo";
import { articleUrl as demoUrl } from "./setup/demo-urls";
import { get, getPage, text } from "./setup/http";
import { rowsOf } from "./setup/rows";

const db = () => openDatabase(env.DB);

// The economy piece with a kicker, a quote and the usual two photos.
const demo = DEMO_ARTICLES.find((a) => a.section === "kinh-te" && a.kicker && a.body.some((b) => b.type === "quote"))!;

beforeAll(loadDemo);

describe("an article page has every part of the seed page", () => {
  it("shows section label, kicker and headline, dateline, bold lead and the hero photo", async () => {
    const { res, doc } = await getPage(await demoUrl(demo.headline));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/html; charset=utf-8/i);

    const label = doc.querySelector(".section-label a");
    expect(label?.getAttribute("href")).toBe("/kinh-te");
    expect(text(label)).toBe("Kinh tế");

    const h1s = doc.querySelectorAll("h1");
    expect(h1s).toHaveLength(1);
    expect(text(h1s[0]!.querySelector(".kicker"))).toBe(demo.kicker);
    expect(text(h1s[0])).toBe(`${demo.kicker} ${demo.headline}`);

    // publishedAt is given in +07:00; the dateline prints that wall-clock time.
    const [, y, m, d, hh, mm] = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)/.exec(demo.publishedAt)!;
    const dateline = text(doc.querySelector(".dateline time"));
    expect(dateline).toMatch(new RegExp(`^(Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ Nhật), ${d}/${m}/${y} \\| ${hh}:${mm}$`));
    expect(doc.querySelector(".dateline time")?.getAttribute("datetime")).toBe(
      demo.publishedAt.replace(/:00\+/, ":00+"),
    );

    expect(text(doc.querySelector("p.lead"))).toBe(demo.lead);

    const hero = doc.querySelector("article figure");
    const img = hero?.querySelector("img");
    expect(img?.getAttribute("src")).toMatch(/^\/media\/demo\/.+\.jpg\?w=360$/);
    expect(img?.getAttribute("alt")).toBe(demo.hero.alt);
    expect(img?.getAttribute("width")).toBeTruthy();
    expect(img?.getAttribute("height")).toBeTruthy();
    expect(img?.getAttribute("loading")).toBe("eager");
    expect(text(hero?.querySelector("figcaption"))).toBe(`${demo.hero.caption} Ảnh: ${demo.hero.credit}`);
  });

  it("renders the body: subheadings as h2, the second photo with its credit, quotes, paragraphs", async () => {
    const { doc } = await getPage(await demoUrl(demo.headline));
    const body = doc.querySelector(".body")!;
    const subheadings = demo.body.filter((b) => b.type === "subheading").map((b) => ("text" in b ? b.text : ""));
    expect(body.querySelectorAll("h2").map(text)).toEqual(subheadings);
    expect(subheadings.length).toBeGreaterThanOrEqual(2);

    const paragraphs = demo.body.filter((b) => b.type === "paragraph");
    expect(body.querySelectorAll(":scope > p")).toHaveLength(paragraphs.length);

    const figure = demo.body.find((b) => b.type === "figure")!;
    const bodyFigure = body.querySelector("figure");
    expect(text(bodyFigure?.querySelector("figcaption"))).toBe(
      `${"caption" in figure ? figure.caption : ""} Ảnh: ${"credit" in figure ? figure.credit : ""}`,
    );
    expect(bodyFigure?.querySelector("img")?.getAttribute("loading")).toBe("lazy");

    const quote = demo.body.find((b) => b.type === "quote")!;
    expect(text(body.querySelector("blockquote p"))).toBe("text" in quote ? quote.text : "");
  });

  it("ends with the byline linking to the author, the boxed aside, tags and related articles", async () => {
    const url = await demoUrl(demo.headline);
    const { doc } = await getPage(url);
    const byline = doc.querySelector(".byline a");
    expect(byline?.getAttribute("href")).toBe(`/tac-gia/${demo.author}`);
    expect(text(byline)).toBe("Hoàng Phúc");

    const aside = demo.body.find((b) => b.type === "aside")!;
    const box = doc.querySelector("aside.box");
    expect(text(box?.querySelector("h2"))).toBe("title" in aside ? aside.title : "");
    expect(box?.querySelectorAll("p")).toHaveLength("items" in aside ? aside.items.length : -1);
    // The box follows the byline, as in the printed page.
    const html = doc.toString();
    expect(html.indexOf('class="byline"')).toBeLessThan(html.indexOf('class="box"'));

    const tags = doc.querySelectorAll(".tags a");
    expect(tags.map((a) => text(a).replace(/^#/, ""))).toEqual(demo.tags);
    expect(tags[0]?.getAttribute("href")).toMatch(/^\/chu-de\/[a-z0-9-]+$/);

    const related = doc.querySelectorAll("#related-title + ul li h3 a");
    expect(related.length).toBeGreaterThanOrEqual(3);
    expect(related.length).toBeLessThanOrEqual(5);
    expect(related.map((a) => a.getAttribute("href"))).not.toContain(url);
  });

  it("is a semantic, accessible Vietnamese document that needs no JavaScript", async () => {
    const { doc, html } = await getPage(await demoUrl(demo.headline));
    expect(doc.querySelector("html")?.getAttribute("lang")).toBe("vi");
    expect(doc.querySelector("header")).not.toBeNull();
    expect(doc.querySelector("nav")).not.toBeNull();
    expect(doc.querySelectorAll("main")).toHaveLength(1);
    expect(doc.querySelector("footer")).not.toBeNull();
    expect(doc.querySelector('meta[name="viewport"]')?.getAttribute("content")).toContain("width=device-width");
    expect(doc.querySelectorAll("img").every((img) => img.hasAttribute("alt"))).toBe(true);
    expect(doc.querySelector("title")?.textContent).toContain(demo.headline);
    expect(doc.querySelector('meta[name="description"]')?.getAttribute("content")).toBe(demo.lead);
    // JSON-LD data blocks, which browsers never run, and the loader of the offline-reading script (reading needs no script).
    const offlineScript = new RegExp(
      `^<script data-src="${ASSET_URLS["offline.js"].replace(/\./g, "\\.")}" data-sw="[^"]+">$`,
    );
    expect(
      html
        .match(/<script[^>]*>/gi)
        ?.every((tag) => tag === '<script type="application/ld+json">' || offlineScript.test(tag)),
    ).not.toBe(false);
  });

  it("prints the Vietnamese date when UTC is still on the day before", async () => {
    const database = db();
    const [section] = await rowsOf(env.DB).query.sections.findMany({ limit: 1 });
    const [author] = await rowsOf(env.DB).query.authors.findMany({ limit: 1 });
    const id = await createArticle(database, {
      sectionId: section!.id,
      authorId: author!.id,
      headline: "Tin khuya: đê biển được gia cố",
      lead: "Bài đăng lúc 23:30 giờ UTC.",
      body: [{ type: "paragraph", text: "Nội dung." }],
      status: "published",
      publishedAt: new Date("2026-11-20T23:30:00Z"),
    });
    const { doc } = await getPage(`/${section!.slug}/tin-khuya-de-bien-duoc-gia-co-${id}.html`);
    expect(text(doc.querySelector(".dateline time"))).toBe("Thứ Bảy, 21/11/2026 | 06:30");
  });
});

describe("article URLs", () => {
  it("answers a wrong or old slug, or a wrong section, with 301 to the canonical URL", async () => {
    const url = await demoUrl(demo.headline);
    const id = /-(\d+)\.html$/.exec(url)![1];
    for (const wrong of [
      `/kinh-te/tieu-de-cu-${id}.html`,
      `/van-hoa-du-lich/${url.split("/")[2]}`,
      `/kinh-te/${id}.html`,
    ]) {
      const res = await get(wrong);
      expect(res.status, wrong).toBe(301);
      expect(new URL(res.headers.get("location")!, "http://localhost").pathname).toBe(url);
    }
  });

  it("hides drafts and articles scheduled for later from readers", async () => {
    const database = db();
    const [section] = await rowsOf(env.DB).query.sections.findMany({ limit: 1 });
    const [author] = await rowsOf(env.DB).query.authors.findMany({ limit: 1 });
    const base = {
      sectionId: section!.id,
      authorId: author!.id,
      lead: "Sapo.",
      body: [{ type: "paragraph", text: "Nội dung." }],
    };
    const draft = await createArticle(database, { ...base, headline: "Bản nháp chưa đăng", status: "draft" });
    const later = await createArticle(database, {
      ...base,
      headline: "Bài hẹn giờ",
      status: "published",
      publishedAt: new Date(Date.now() + 3_600_000),
    });
    for (const [id, slug] of [
      [draft, "ban-nhap-chua-dang"],
      [later, "bai-hen-gio"],
    ] as const) {
      const { res, doc } = await getPage(`/${section!.slug}/${slug}-${id}.html`);
      expect(res.status).toBe(404);
      expect(text(doc.querySelector("h1"))).toBe("Không tìm thấy trang");
      expect(doc.querySelector('a[href="/"]')).not.toBeNull();
    }
    const home = await (await get("/")).text();
    expect(home).not.toContain("Bản nháp chưa đăng");
    expect(home).not.toContain("Bài hẹn giờ");
  });

  it("answers unknown ids and malformed paths with the Vietnamese 404 page", async () => {
    for (const path of [
      "/kinh-te/khong-co-999999.html",
      "/kinh-te/abc.html",
      "/kinh-te/x-99999999999999.html",
      "/khong-co-chuyen-muc",
      "/a/b/c",
    ]) {
      const { res, html } = await getPage(path);
      expect(res.status, path).toBe(404);
      expect(html).toContain("Không tìm thấy trang");
    }
  });
});
