// Marks and lists end to end: written in the newsroom's form, stored as
// typed JSON, shown on the full and light pages, found by search; and
// hostile forms and JSON refused in Vietnamese with nothing stored.
import { env } from "cloudflare:test";
import { parse } from "node-html-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { InvalidBodyError } from "../src/content/blocks";
import { createArticle } from "../src/db/article-writes";
import { openDatabase } from "../src/db/client";
import { loadDemo } from "./setup/demo";
import { get, text } from "./setup/http";
import { articleFields, firstIds, idFromLocation, loginAs } from "./setup/newsroom";

beforeAll(loadDemo);

const count = () => env.DB.prepare("select count(*) as n from articles").first<number>("n");

async function fields(over: Record<string, string>) {
  const { sectionId, authorId } = await firstIds();
  return articleFields({ sectionId: String(sectionId), authorId: String(authorId), ...over });
}

describe("marks and lists on reader pages", () => {
  it("publishes bold, italic, links and lists from the form to the full and light pages and search", async () => {
    const editor = await loginAs("editor");
    const { sectionSlug } = await firstIds();
    const body = [
      "Giá lúa **tăng mạnh** theo *Sở Nông nghiệp*, xem [bảng giá](https://snn.example.vn/gia) và [bài trước](/kinh-te).",
      "Hồ sơ gồm:\n- Căn cước\n- Giấy **xác nhận** cư trú phường Nhàxanhquyển",
      "1. Nộp hồ sơ\n2. Nhận kết quả",
    ].join("\n\n");
    const res = await editor.post(
      "/admin/bai-viet",
      await fields({ headline: "Giá lúa có định dạng", body, "hanh-dong": "dang" }),
    );
    expect(res.status).toBe(303);
    const id = idFromLocation(res);
    const row = await env.DB.prepare("select slug, body from articles where id = ?").bind(id).first<{
      slug: string;
      body: string;
    }>();
    const stored = JSON.parse(row!.body);
    expect(stored[0].marks).toContainEqual({ type: "link", start: 43, end: 51, href: "https://snn.example.vn/gia" });
    expect(stored[3]).toStrictEqual({ type: "list", ordered: true, items: ["Nộp hồ sơ", "Nhận kết quả"] });

    for (const path of [`/${sectionSlug}/${row!.slug}-${id}.html`, `/lite/${sectionSlug}/${row!.slug}-${id}.html`]) {
      const page = await get(path);
      expect(page.status, path).toBe(200);
      const doc = parse(await page.text());
      const first = doc.querySelector(".body p")!;
      expect(first.querySelector("strong")?.textContent).toBe("tăng mạnh");
      expect(first.querySelector("em")?.textContent).toBe("Sở Nông nghiệp");
      const [external, internal] = first.querySelectorAll("a");
      expect(external!.getAttribute("href")).toBe("https://snn.example.vn/gia");
      expect(external!.getAttribute("rel")).toBe("noopener");
      expect(external!.getAttribute("target")).toBeUndefined();
      expect(internal!.getAttribute("href")).toBe("/kinh-te");
      expect(internal!.getAttribute("rel")).toBeUndefined();
      expect(doc.querySelectorAll(".body ul li").map(text)).toStrictEqual([
        "Căn cước",
        "Giấy xác nhận cư trú phường Nhàxanhquyển",
      ]);
      expect(doc.querySelectorAll(".body ol li").map(text)).toStrictEqual(["Nộp hồ sơ", "Nhận kết quả"]);
    }

    const found = parse(await (await get(`/tim-kiem?q=${encodeURIComponent("nhaxanhquyen")}`)).text());
    const hit = found.querySelector(".search-results li")!;
    expect(text(hit)).toContain("Giá lúa có định dạng");
    expect(hit.querySelectorAll("mark").map(text)).toContain("Nhàxanhquyển");
    expect(text(hit)).not.toMatch(/\*\*|\[|object Object/);
  });

  it("opens a saved article for editing with its marks written back as markup", async () => {
    const editor = await loginAs("editor");
    const body = "Chữ **đậm** và \\*sao\\* thật.\n\n- [một](/mot)";
    const res = await editor.post("/admin/bai-viet", await fields({ headline: "Sửa lại định dạng", body }));
    expect(res.status).toBe(303);
    const form = await editor.page(`/admin/bai-viet/${idFromLocation(res)}`);
    expect(form.querySelector("textarea#body")?.textContent).toBe(body);
  });
});

describe("hostile bodies are refused in Vietnamese, nothing stored", () => {
  it("refuses javascript:, data: and protocol-relative links typed or tampered into the form", async () => {
    const editor = await loginAs("editor");
    const before = await count();
    for (const href of [
      "javascript:alert(1)",
      "JAVASCRIPT:alert(1)",
      "data:text/html;base64,PHNjcmlwdD4=",
      "//evil.example/",
      "/\\evil.example",
    ]) {
      const res = await editor.post("/admin/bai-viet", await fields({ body: `Bấm [vào đây](${href}) nhé.` }));
      expect(res.status, href).toBe(400);
      const page = await res.text();
      expect(page, href).toContain(
        "Liên kết chỉ được là địa chỉ http://, https:// hoặc đường dẫn trong trang bắt đầu bằng /",
      );
      expect(parse(page).querySelector(`a[href^="javascript"], a[href^="data"], a[href^="//"]`), href).toBeNull();
    }
    expect(await count()).toBe(before);
  });

  it("refuses 10,000 blocks and a 2 MB body", async () => {
    const editor = await loginAs("editor");
    const before = await count();
    const many = await editor.post("/admin/bai-viet", await fields({ body: Array(10_000).fill("Đoạn").join("\n\n") }));
    expect(many.status).toBe(400);
    expect(await many.text()).toContain("Bài viết tối đa 500 khối nội dung");
    const huge = await editor.post("/admin/bai-viet", await fields({ body: "x".repeat(2 * 1024 * 1024) }));
    expect(huge.status).toBe(413);
    expect(await huge.text()).toContain("quá lớn");
    expect(await count()).toBe(before);
  });

  it("refuses a body over 200,000 characters whole, and shows every word back", async () => {
    const editor = await loginAs("editor");
    const before = await count();
    const paragraph = "Đoạn văn dài để thử giới hạn của thân bài. ".repeat(24).trim();
    const body = [...Array(249).fill(paragraph), "Câu cuối cùng của bài."].join("\n\n");
    expect(body.length).toBeGreaterThan(250_000);
    const res = await editor.post("/admin/bai-viet", await fields({ body }));
    expect(res.status).toBe(400);
    const page = parse(await res.text());
    expect(text(page.querySelector("main"))).toContain("Bài viết quá dài");
    // Nothing was cut: the end of what the editor typed is still in the box.
    expect(page.querySelector("textarea[name=body]")?.textContent).toContain("Câu cuối cùng của bài.");
    expect(await count()).toBe(before);
  });

  it("refuses tampered JSON: bad links, marks out of bounds, overlapping links, too many blocks or characters", async () => {
    const db = openDatabase(env.DB);
    const { sectionId, authorId } = await firstIds();
    const before = await count();
    const base = { sectionId, authorId, headline: "Bài JSON", lead: "Sapo.", status: "draft" as const };
    const link = (href: string) => [
      { type: "paragraph", text: "abc", marks: [{ type: "link", start: 0, end: 3, href }] },
    ];
    for (const body of [
      link("javascript:alert(1)"),
      link("data:text/html,x"),
      link("//evil.example"),
      link("https://evil.example/\u0000"),
      [{ type: "paragraph", text: "abc", marks: [{ type: "bold", start: 0, end: 99 }] }],
      [{ type: "paragraph", text: "abc", marks: [{ type: "bold", start: 2, end: 1 }] }],
      [
        {
          type: "paragraph",
          text: "abcdef",
          marks: [
            { type: "link", start: 0, end: 4, href: "/a" },
            { type: "link", start: 2, end: 6, href: "/b" },
          ],
        },
      ],
      [{ type: "paragraph", text: "<b>x</b>", html: "<b>x</b>" }],
      [
        {
          type: "list",
          ordered: false,
          items: [{ text: "x", marks: [{ type: "link", start: 0, end: 1, href: "vbscript:x" }] }],
        },
      ],
      Array.from({ length: 10_000 }, () => ({ type: "paragraph", text: "Đoạn" })),
      Array.from({ length: 100 }, () => ({ type: "paragraph", text: "x".repeat(4000) })).concat(
        Array.from({ length: 100 }, () => ({ type: "paragraph", text: "y".repeat(4000) })),
      ),
    ])
      await expect(createArticle(db, { ...base, body })).rejects.toThrow(InvalidBodyError);
    expect(await count()).toBe(before);
  });
});
