import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_ARTICLES } from "../scripts/demo/articles/index";
import { DEMO_SECTIONS } from "../scripts/demo/people";
import { createArticle } from "../src/db/article-writes";
import { openDatabase } from "../src/db/client";
import { insertSection } from "../src/db/people";
import { loadDemo } from "./setup/demo";
import { get, getPage, text } from "./setup/http";
import { rowsOf } from "./setup/rows";

beforeAll(loadDemo);

const byNewest = [...DEMO_ARTICLES].sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt));

describe("home page", () => {
  it("leads with the newest story, then the latest news and every section's latest", async () => {
    const { res, doc } = await getPage("/");
    expect(res.status).toBe(200);
    expect(doc.querySelectorAll("h1")).toHaveLength(1);
    const top = doc.querySelector(".top-story h2 a");
    expect(text(top)).toContain(byNewest[0]!.headline);
    expect(doc.querySelector(".top-story img")?.getAttribute("fetchpriority")).toBe("high");

    const latest = doc.querySelectorAll("#latest-title + ul h3").map(text);
    expect(latest.length).toBeGreaterThan(3);
    expect(latest[0]).toContain(byNewest[1]!.headline);

    for (const section of DEMO_SECTIONS) {
      const block = doc.querySelector(`#s-${section.slug}`);
      expect(text(block), section.slug).toBe(section.name);
      expect(block?.querySelector("a")?.getAttribute("href")).toBe(`/${section.slug}`);
    }
    // Navigation reaches every section without JavaScript.
    expect(doc.querySelectorAll(".nav a").map((a) => a.getAttribute("href"))).toEqual([
      "/",
      ...DEMO_SECTIONS.map((s) => `/${s.slug}`),
    ]);
  });
});

describe("section pages", () => {
  it("list the section's articles newest first, with the section marked in the menu", async () => {
    const { res, doc } = await getPage("/kinh-te");
    expect(res.status).toBe(200);
    expect(text(doc.querySelector("h1"))).toBe("Kinh tế");
    expect(doc.querySelector('.nav a[aria-current="page"]')?.getAttribute("href")).toBe("/kinh-te");
    const expected = byNewest
      .filter((a) => a.section === "kinh-te")
      .map((a) => (a.kicker ? `${a.kicker} ${a.headline}` : a.headline));
    expect(doc.querySelectorAll(".teaser h3").map(text)).toEqual(expected);
  });

  it("paginate 20 to a page by keyset (?truoc=<id>), with stable addresses and old ?page=N links kept", async () => {
    const db = openDatabase(env.DB);
    const sectionId = await insertSection(db, { slug: "thoi-su", name: "Thời sự", position: 9 });
    const [author] = await rowsOf(env.DB).query.authors.findMany({ limit: 1 });
    const ids: number[] = [];
    for (let i = 1; i <= 43; i++) {
      ids[i] = await createArticle(db, {
        sectionId,
        authorId: author!.id,
        headline: `Tin thời sự số ${i}`,
        lead: "Sapo.",
        body: [{ type: "paragraph", text: "Nội dung." }],
        status: "published",
        publishedAt: new Date(Date.UTC(2026, 10, 1, 0, i)),
      });
    }
    const headlines = (doc: Awaited<ReturnType<typeof getPage>>["doc"]) => doc.querySelectorAll(".teaser h3").map(text);
    const first = await getPage("/thoi-su");
    const items = headlines(first.doc);
    expect(items).toHaveLength(20);
    expect(items[0]).toBe("Tin thời sự số 43");
    expect(items[19]).toBe("Tin thời sự số 24");
    expect(first.doc.querySelector('a[rel="next"]')?.getAttribute("href")).toBe(`/thoi-su?truoc=${ids[24]}`);
    expect(first.doc.querySelector('a[rel="prev"]')).toBeNull();

    const second = await getPage(`/thoi-su?truoc=${ids[24]}`);
    expect(second.res.status).toBe(200);
    expect(headlines(second.doc)).toEqual(Array.from({ length: 20 }, (_, k) => `Tin thời sự số ${23 - k}`));
    expect(text(second.doc.querySelector("h1"))).toBe("Thời sự - Tin trước ngày 01/11/2026");
    expect(second.doc.querySelector('a[rel="prev"]')?.getAttribute("href")).toBe("/thoi-su");
    expect(second.doc.querySelector('a[rel="next"]')?.getAttribute("href")).toBe(`/thoi-su?truoc=${ids[4]}`);
    expect(second.doc.querySelector('link[rel="canonical"]')?.getAttribute("href")).toMatch(
      new RegExp(`/thoi-su\\?truoc=${ids[24]}$`),
    );

    const third = await getPage(`/thoi-su?truoc=${ids[4]}`);
    expect(headlines(third.doc)).toEqual(["Tin thời sự số 3", "Tin thời sự số 2", "Tin thời sự số 1"]);
    expect(third.doc.querySelector('a[rel="next"]')).toBeNull();
    // The page before is the 20 articles ending with the cursor's: #4 to #23, at ?truoc=<#24>.
    expect(third.doc.querySelector('a[rel="prev"]')?.getAttribute("href")).toBe(`/thoi-su?truoc=${ids[24]}`);

    // Stable: a newer article does not move what an older page shows.
    await createArticle(db, {
      sectionId,
      authorId: author!.id,
      headline: "Tin thời sự mới nhất",
      lead: "Sapo.",
      body: [{ type: "paragraph", text: "Nội dung." }],
      status: "published",
      publishedAt: new Date(Date.UTC(2026, 10, 1, 1, 0)),
    });
    expect(headlines((await getPage(`/thoi-su?truoc=${ids[4]}`)).doc)).toHaveLength(3);

    // Old ?page=N links answer with today's page N; past the end, 404; junk, 400.
    const old = await get("/thoi-su?page=2");
    expect(old.status).toBe(302);
    expect(old.headers.get("location")).toBe(`/thoi-su?truoc=${ids[25]}`);
    expect((await get("/thoi-su?page=1")).status).toBe(200);
    expect((await get("/thoi-su?page=4")).status).toBe(404);
    expect((await get("/thoi-su?truoc=999999999")).status).toBe(404);
    for (const bad of ["0", "-1", "abc", "1.5", "99999999999", "2%27%20or%201=1"]) {
      const { res, html } = await getPage(`/thoi-su?page=${bad}`);
      expect(res.status, bad).toBe(400);
      expect(html).toContain("Số trang không hợp lệ");
    }
    for (const bad of ["0", "abc", "1e3", "99999999999999999999"]) {
      expect((await get(`/thoi-su?truoc=${bad}`)).status, bad).toBe(400);
    }
  });
});

describe("author and tag pages", () => {
  it("list an author's articles under the author's name and bio", async () => {
    const { res, doc } = await getPage("/tac-gia/ngoc-han");
    expect(res.status).toBe(200);
    expect(text(doc.querySelector("h1"))).toBe("Trần Ngọc Hân");
    const count = DEMO_ARTICLES.filter((a) => a.author === "ngoc-han").length;
    expect(doc.querySelectorAll(".teaser")).toHaveLength(count);
  });

  it("list every article with a tag, and 404 for unknown tags", async () => {
    const { res, doc } = await getPage("/chu-de/du-lich");
    expect(res.status).toBe(200);
    expect(text(doc.querySelector("h1"))).toBe("Du lịch");
    expect(doc.querySelectorAll(".teaser")).toHaveLength(
      DEMO_ARTICLES.filter((a) => a.tags.includes("Du lịch")).length,
    );
    expect((await get("/chu-de/khong-co-the-nay")).status).toBe(404);
    expect((await get("/tac-gia/KHONG%20HOP%20LE")).status).toBe(404);
  });
});
