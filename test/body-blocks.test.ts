import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { InvalidArticleError } from "../src/content/article-rules";
import { InvalidBodyError, parseBody } from "../src/content/blocks";
import { createArticle } from "../src/db/article-writes";
import { openDatabase } from "../src/db/client";
import { loadDemo } from "./setup/demo";
import { get } from "./setup/http";
import { rowsOf } from "./setup/rows";

beforeAll(loadDemo);

describe("article bodies are typed blocks, validated on write", () => {
  it("accepts every block type and normalises text to NFC", () => {
    const body = parseBody([
      { type: "paragraph", text: "  Cà Mau  ".normalize("NFD") },
      { type: "subheading", text: "Hướng đi mới" },
      { type: "figure", imageId: 1, caption: "Chú thích", credit: "T.A" },
      { type: "quote", text: "Trích dẫn", cite: "Ông A" },
      { type: "aside", title: "Thông tin", items: ["Một", "Hai"] },
    ]);
    expect(body[0]).toEqual({ type: "paragraph", text: "Cà Mau" });
    expect(body).toHaveLength(5);
  });

  it.each([
    ["not a list", { type: "paragraph", text: "x" }],
    ["an empty list", []],
    ["an unknown block type", [{ type: "video", src: "x" }]],
    ["an empty paragraph", [{ type: "paragraph", text: "   " }]],
    ["a paragraph without text", [{ type: "paragraph" }]],
    ["a figure without an image", [{ type: "figure", caption: "x" }]],
    ["a figure with a non-integer image id", [{ type: "figure", imageId: "1; drop table articles" }]],
    ["extra keys that could smuggle markup", [{ type: "paragraph", text: "x", html: "<script>alert(1)</script>" }]],
    ["an aside with no items", [{ type: "aside", title: "x", items: [] }]],
    ["an over-long subheading", [{ type: "subheading", text: "x".repeat(201) }]],
  ])("rejects %s", (_label, body) => {
    expect(() => parseBody(body)).toThrow(InvalidBodyError);
  });

  it("explains the problem in Vietnamese", () => {
    expect(() => parseBody([{ type: "paragraph", text: "" }])).toThrow(/Nội dung không được để trống/);
  });

  it("stores nothing when a body or its photos are invalid", async () => {
    const db = openDatabase(env.DB);
    const before = await env.DB.prepare("select count(*) as n from articles").first<number>("n");
    const [section] = await rowsOf(env.DB).query.sections.findMany({ limit: 1 });
    const [author] = await rowsOf(env.DB).query.authors.findMany({ limit: 1 });
    const base = {
      sectionId: section!.id,
      authorId: author!.id,
      headline: "Bài lỗi",
      lead: "Sapo",
      status: "draft" as const,
      tags: ["Thẻ mới lạ"],
    };
    await expect(createArticle(db, { ...base, body: [{ type: "figure", imageId: 999_999 }] })).rejects.toThrow(
      InvalidArticleError,
    );
    await expect(
      createArticle(db, { ...base, body: [{ type: "paragraph", text: "<b>x</b>", style: "x" }] }),
    ).rejects.toThrow(InvalidBodyError);
    await expect(
      createArticle(db, { ...base, headline: "  ", body: [{ type: "paragraph", text: "x" }] }),
    ).rejects.toThrow(/Tiêu đề/);
    expect(await env.DB.prepare("select count(*) as n from articles").first<number>("n")).toBe(before);
    expect(await env.DB.prepare("select count(*) as n from tags where name = 'Thẻ mới lạ'").first<number>("n")).toBe(0);
  });

  it("renders text escaped, never as markup", async () => {
    const db = openDatabase(env.DB);
    const [section] = await rowsOf(env.DB).query.sections.findMany({ limit: 1 });
    const [author] = await rowsOf(env.DB).query.authors.findMany({ limit: 1 });
    const id = await createArticle(db, {
      sectionId: section!.id,
      authorId: author!.id,
      headline: "Thử <script>alert(1)</script>",
      lead: "Sapo <img src=x onerror=alert(1)>",
      body: [{ type: "paragraph", text: "Dòng 1\nDòng 2 <b>đậm</b>" }],
      status: "published",
      publishedAt: new Date("2026-11-01T00:00:00Z"),
    });
    const redirect = await get(`/${section!.slug}/x-${id}.html`);
    const html = await (await get(new URL(redirect.headers.get("location")!, "http://localhost").pathname)).text();
    expect(html).not.toContain("<script>alert(1)");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("Thử &lt;script>alert(1)&lt;/script>");
    expect(html).toContain("Dòng 1<br/>Dòng 2 &lt;b>đậm&lt;/b>");
  });
});
