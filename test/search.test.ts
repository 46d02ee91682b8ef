import { env } from "cloudflare:test";
import { parse } from "node-html-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_ARTICLES } from "../scripts/demo/articles/index";
import { readStoredBody } from "../src/content/blocks";
import { createArticle, updateArticle } from "../src/db/article-writes";
import { openDatabase } from "../src/db/client";
import { getArticleForEdit } from "../src/db/newsroom-articles";
import { loadDemo } from "./setup/demo";
import { get, text } from "./setup/http";
import { rowsOf } from "./setup/rows";

beforeAll(loadDemo);

async function search(q: string, page?: number) {
  const res = await get(`/tim-kiem?q=${encodeURIComponent(q)}${page ? `&page=${page}` : ""}`);
  const doc = parse(await res.text());
  return { res, doc, headlines: doc.querySelectorAll(".search-results h3 a").map(text) };
}

async function publish(headline: string, lead: string, body = "Nội dung bài viết.") {
  const db = openDatabase(env.DB);
  const [section] = await rowsOf(env.DB).query.sections.findMany({ limit: 1 });
  const [author] = await rowsOf(env.DB).query.authors.findMany({ limit: 1 });
  return createArticle(db, {
    sectionId: section!.id,
    authorId: author!.id,
    headline,
    lead,
    body: [{ type: "paragraph", text: body }],
    status: "published",
    publishedAt: new Date(Date.now() - 60_000),
  });
}

describe("Vietnamese search", () => {
  it("finds the same articles with or without tone marks, in any case", async () => {
    const sets = [];
    for (const q of ["bac lieu", "Bạc Liêu", "BẠC LIÊU", "bạc liêu", "Bạc Liêu".normalize("NFD")])
      sets.push((await search(q)).headlines.sort());
    expect(sets[0]!.length).toBeGreaterThan(3);
    for (const s of sets) expect(s).toEqual(sets[0]);
  });

  it("ranks headline matches first and shows section, dateline and a snippet in the original spelling", async () => {
    const boat = DEMO_ARTICLES.find((a) => /ghe ngo/i.test(a.headline))!;
    const { doc, headlines } = await search("ghe ngo");
    expect(headlines[0]).toContain(boat.headline);
    const first = doc.querySelector(".search-results li")!;
    expect(text(first)).toMatch(/Giáo dục - Thể thao · (Thứ .+|Chủ Nhật), \d\d\/\d\d\/\d{4} \| \d\d:\d\d/);
    expect(
      first
        .querySelectorAll("mark")
        .map(text)
        .map((m) => m.toLowerCase()),
    ).toContain("ghe");
  });

  it("treats old and new tone placement alike and prefers exact tones", async () => {
    await publish("Hội thi cắm hoa nghệ thuật", "Các nghệ nhân trổ tài cắm hoa.");
    await publish("Hòa giải thành ở cơ sở", "Tổ hòa giải phường giúp bà con hòa thuận.");
    await publish("Cô giáo Thuý và lớp học tình thương", "Cô Thuý dạy chữ miễn phí.");
    const toned = await search("hòa");
    expect(toned.headlines[0]).toBe("Hòa giải thành ở cơ sở");
    expect(toned.headlines).toContain("Hội thi cắm hoa nghệ thuật");
    expect((await search("hoà")).headlines[0]).toBe("Hòa giải thành ở cơ sở");
    expect((await search("thúy")).headlines).toContain("Cô giáo Thuý và lớp học tình thương");
    const doc = (await search("thuy")).doc;
    expect(doc.querySelectorAll(".search-results mark").map(text)).toContain("Thuý");
  });

  it("matches phrases in quotes", async () => {
    await publish("Mô hình tôm lúa cho lãi cao", "Nông dân làm tôm lúa.");
    await publish("Lúa mới và tôm khô", "Chợ phiên bán lúa, tôm.");
    const { headlines } = await search('"tôm lúa"');
    expect(headlines).toContain("Mô hình tôm lúa cho lãi cao");
    expect(headlines).not.toContain("Lúa mới và tôm khô");
  });

  it.each([
    '"',
    'a" OR "b',
    "NEAR(a b)",
    "*",
    "-x",
    "col:val",
    "^start",
    "()",
    "🌧️🌧️",
    "a ".repeat(1000),
    "",
    "   ",
    "AND",
    "OR NOT",
    "'; drop table articles; --",
  ])("never errors on the hostile query %j", async (q) => {
    const { res, doc } = await search(q);
    expect(res.status).toBe(200);
    expect(doc.querySelector("h1")?.textContent).toBe("Tìm kiếm");
    if (!doc.querySelectorAll(".search-results li").length) {
      expect(doc.querySelectorAll("#suggest-title + ul li").length).toBeGreaterThan(0);
    }
  });

  it("says so in Vietnamese when nothing matches, and suggests the latest articles", async () => {
    const { doc } = await search("xyzzyquux");
    expect(text(doc.querySelector("main"))).toContain("Không tìm thấy bài viết nào phù hợp với “xyzzyquux”");
    expect(text(doc.querySelector("#suggest-title"))).toBe("Tin mới nhất");
  });

  it("keeps the index in step with edits, unpublishing and deleting", async () => {
    const db = openDatabase(env.DB);
    const id = await publish("Khánh thành cầu Kênh Xáng", "Cầu mới nối hai xã.");
    expect((await search("kenh xang")).headlines).toContain("Khánh thành cầu Kênh Xáng");
    const { article, tags } = (await getArticleForEdit(db, id))!;
    const base = {
      sectionId: article.sectionId,
      authorId: article.authorId,
      kicker: article.kicker,
      lead: article.lead,
      body: readStoredBody(article.body),
      tags,
      publishedAt: article.publishedAt,
    };
    await updateArticle(db, id, { ...base, headline: "Khánh thành cầu Vĩnh Mỹ", status: "published" });
    expect((await search("kenh xang")).headlines).not.toContain("Khánh thành cầu Kênh Xáng");
    expect((await search("vinh my")).headlines).toContain("Khánh thành cầu Vĩnh Mỹ");
    await updateArticle(db, id, { ...base, headline: "Khánh thành cầu Vĩnh Mỹ", status: "unpublished" });
    expect((await search("vinh my")).headlines).not.toContain("Khánh thành cầu Vĩnh Mỹ");
    expect(await env.DB.prepare("select count(*) as n from search_index where rowid = ?").bind(id).first("n")).toBe(1);
    const { deleteArticle } = await import("../src/db/article-writes");
    await deleteArticle(db, id);
    expect(await env.DB.prepare("select count(*) as n from search_index where rowid = ?").bind(id).first("n")).toBe(0);
  });

  it("is cached at the edge like other reader pages", async () => {
    await search("du lịch");
    const again = await search("du lịch");
    expect(again.res.headers.get("x-cache")).toBe("HIT");
  });
});
