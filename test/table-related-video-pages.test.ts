// Tables, "Xem thêm" and videos end to end: typed in the newsroom's no-JS
// form, stored, shown on the full and light pages, found by search, shown to
// a newcomer in the demo paper; hostile forms refused in Vietnamese with
// nothing stored.
import { env } from "cloudflare:test";
import { parse } from "node-html-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_ARTICLES } from "../scripts/demo/articles/index";
import { openDatabase } from "../src/db/client";
import { insertImage } from "../src/db/images";
import { ASSET_URLS } from "../src/site/asset-urls";
import { testPhotoBytes } from "./fixtures/photo";
import { loadDemo } from "./setup/demo";
import { articleId, articleUrl } from "./setup/demo-urls";
import { get, text } from "./setup/http";
import { articleFields, articleFormValues, firstIds, idFromLocation, loginAs } from "./setup/newsroom";

beforeAll(loadDemo);

const count = () => env.DB.prepare("select count(*) as n from articles").first<number>("n");
const YOUTUBE = "q3GhN8bV0tE";
const OK_OM_BOK = "Đồng bào Khmer rộn ràng đêm cúng trăng mừng lễ Ok Om Bok";
const GHE_NGO = "18 đội ghe ngo tranh tài sôi động trên sông Bạc Liêu";

async function fields(over: Record<string, string>) {
  const { sectionId, authorId } = await firstIds();
  return articleFields({ sectionId: String(sectionId), authorId: String(authorId), ...over });
}

async function newPhoto(alt: string): Promise<number> {
  const key = `test/${crypto.randomUUID()}.jpg`;
  const bytes = testPhotoBytes();
  await env.MEDIA.put(key, bytes, { httpMetadata: { contentType: "image/jpeg" } });
  return insertImage(openDatabase(env.DB), {
    r2Key: key,
    width: 1200,
    height: 800,
    mime: "image/jpeg",
    bytes: bytes.byteLength,
    alt,
    caption: "",
    credit: "",
  });
}

describe("tables, Xem thêm and videos on reader pages", () => {
  it("publishes all three from the form to the full and light pages, search and the edit form", async () => {
    const editor = await loginAs("editor");
    const { sectionSlug } = await firstIds();
    const photo = await newPhoto("Ghe ngo về đích");
    const target = await articleId(OK_OM_BOK);
    const body = [
      "Giá lúa tuần này:",
      "",
      "[bang: Giá lúa tại ruộng, ngày 20/11]",
      "| Loại | Giá (đ/kg) | Ghi chú |",
      "| --- | --- | --- |",
      "| OM 18 | **7.200** | [Sở NN](https://snn.example.vn/gia) |",
      "| ST25 Quỳnhxanhbảng | 9.200 |  |",
      "",
      `[[xem-them:${target}]]`,
      "",
      `[[video:youtube:${YOUTUBE} | Đua ghe ngo trên sông | anh:${photo}]]`,
    ].join("\n");
    const res = await editor.post(
      "/admin/bai-viet",
      await fields({ headline: "Giá lúa có bảng và video", body, "hanh-dong": "dang" }),
    );
    expect(res.status).toBe(303);
    const id = idFromLocation(res);
    const row = await env.DB.prepare("select slug, body from articles where id = ?").bind(id).first<{
      slug: string;
      body: string;
    }>();
    expect(JSON.parse(row!.body).slice(1)).toStrictEqual([
      {
        type: "table",
        caption: "Giá lúa tại ruộng, ngày 20/11",
        header: ["Loại", "Giá (đ/kg)", "Ghi chú"],
        rows: [
          [
            "OM 18",
            { text: "7.200", marks: [{ type: "bold", start: 0, end: 5 }] },
            { text: "Sở NN", marks: [{ type: "link", start: 0, end: 5, href: "https://snn.example.vn/gia" }] },
          ],
          ["ST25 Quỳnhxanhbảng", "9.200", ""],
        ],
      },
      { type: "related", articleId: target },
      { type: "video", provider: "youtube", videoId: YOUTUBE, title: "Đua ghe ngo trên sông", imageId: photo },
    ]);

    const full = await get(`/${sectionSlug}/${row!.slug}-${id}.html`);
    expect(full.status).toBe(200);
    const doc = parse(await full.text());
    const table = doc.querySelector(".body .tbl table")!;
    expect(text(table.querySelector("caption"))).toBe("Giá lúa tại ruộng, ngày 20/11");
    expect(table.querySelectorAll("thead th[scope=col]").map(text)).toStrictEqual(["Loại", "Giá (đ/kg)", "Ghi chú"]);
    expect(table.querySelectorAll("tbody tr").map((tr) => tr.querySelectorAll("td").map(text))).toStrictEqual([
      ["OM 18", "7.200", "Sở NN"],
      ["ST25 Quỳnhxanhbảng", "9.200", ""],
    ]);
    expect(text(table.querySelector("tbody strong"))).toBe("7.200");
    expect(table.querySelector("tbody a")!.getAttribute("rel")).toBe("noopener");

    const seeAlso = doc.querySelector(".body .see-also")!;
    expect(text(seeAlso)).toBe(`Xem thêm: ${OK_OM_BOK}`);
    expect(seeAlso.querySelector("a")!.getAttribute("href")).toBe(await articleUrl(OK_OM_BOK));

    // The facade: our photo, a real link to the video, nothing of YouTube's loaded.
    const link = doc.querySelector(".body .video a")!;
    expect(link.getAttribute("href")).toBe(`https://www.youtube.com/watch?v=${YOUTUBE}`);
    expect(link.getAttribute("data-embed")).toBe(`https://www.youtube-nocookie.com/embed/${YOUTUBE}?autoplay=1`);
    expect(text(link)).toBe("Xem video: Đua ghe ngo trên sông (YouTube)");
    const thumb = link.querySelector("img")!.getAttribute("src")!;
    expect(thumb).toMatch(/^\/media\/test\/[\w-]+\.jpg\?w=720$/);
    expect((await get(thumb)).status).toBe(200);
    expect(doc.querySelectorAll("iframe")).toHaveLength(0);
    const scripts = doc.querySelectorAll("script[data-src]").map((s) => s.getAttribute("data-src"));
    expect(scripts).toContain(ASSET_URLS["video.js"]);
    // Exactly the two players may be framed, nothing else.
    const csp = full.headers.get("content-security-policy")!;
    expect(csp).toContain("frame-src https://www.youtube-nocookie.com https://www.facebook.com;");

    // The light edition: the table and the box as they are, the video a plain link, no script.
    const lite = parse(await (await get(`/lite/${sectionSlug}/${row!.slug}-${id}.html`)).text());
    expect(lite.querySelectorAll(".body table th").map(text)).toStrictEqual(["Loại", "Giá (đ/kg)", "Ghi chú"]);
    expect(text(lite.querySelector(".body .see-also"))).toBe(`Xem thêm: ${OK_OM_BOK}`);
    expect(lite.querySelectorAll(".body img")).toHaveLength(0);
    expect(lite.querySelector(`.body a[href="https://www.youtube.com/watch?v=${YOUTUBE}"]`)).not.toBeNull();
    expect(lite.querySelectorAll("script[data-src]").map((s) => s.getAttribute("data-src"))).not.toContain(
      ASSET_URLS["video.js"],
    );

    // Search reads the cells; the snippet is words, not markup.
    const found = parse(await (await get(`/tim-kiem?q=${encodeURIComponent("quynhxanhbang")}`)).text());
    const hit = found.querySelector(".search-results li")!;
    expect(text(hit)).toContain("Giá lúa có bảng và video");
    expect(hit.querySelectorAll("mark").map(text)).toContain("Quỳnhxanhbảng");
    expect(text(hit.querySelector(".snippet"))).not.toMatch(/\||\*\*|object Object|---|\[\[/);

    // The edit form gives back the same markup, and saving it changes nothing.
    const form = await articleFormValues(editor, id);
    expect(form.body).toBe(body);
    const resaved = await editor.post(`/admin/bai-viet/${id}`, { ...form, "hanh-dong": "dang" });
    expect(resaved.status).toBe(303);
    const again = await env.DB.prepare("select body from articles where id = ?").bind(id).first<string>("body");
    expect(JSON.parse(again!)).toStrictEqual(JSON.parse(row!.body));

    // The video's photo is in use: it cannot be deleted from the library.
    const refused = await editor.post(`/admin/anh/${photo}/xoa`, {});
    expect(refused.status).toBe(409);
    expect(
      parse(await refused.text())
        .querySelectorAll(".card li a")
        .map(text),
    ).toContain("Giá lúa có bảng và video");
  });

  it("shows nothing for a Xem thêm whose article is a draft, and the box once it is published", async () => {
    const editor = await loginAs("editor");
    const { sectionSlug } = await firstIds();
    // Another section, author and tags: only the link ties the two pages together.
    const other = await env.DB.prepare(
      "select (select id from sections order by position desc limit 1) as s, (select id from authors order by id desc limit 1) as a",
    ).first<{ s: number; a: number }>();
    const draft = idFromLocation(
      await editor.post(
        "/admin/bai-viet",
        articleFields({
          sectionId: String(other!.s),
          authorId: String(other!.a),
          tags: "Chủ đề riêng của bài nháp",
          headline: "Bài nháp được dẫn tới",
          "hanh-dong": "luu",
        }),
      ),
    );
    const res = await editor.post(
      "/admin/bai-viet",
      await fields({ headline: "Bài dẫn tới bài nháp", body: `Mở đầu.\n\n[[xem-them:${draft}]]`, "hanh-dong": "dang" }),
    );
    expect(res.status).toBe(303);
    const id = idFromLocation(res);
    const slug = await env.DB.prepare("select slug from articles where id = ?").bind(id).first<string>("slug");
    const path = `/${sectionSlug}/${slug}-${id}.html`;
    const before = parse(await (await get(path)).text());
    expect(before.querySelector(".see-also")).toBeNull();
    expect(before.querySelector(".body")!.innerHTML).not.toContain("Bài nháp được dẫn tới");

    // Publishing the other article shows the box on this (cached) page at once.
    const values = await articleFormValues(editor, draft);
    expect((await editor.post(`/admin/bai-viet/${draft}`, { ...values, "hanh-dong": "dang" })).status).toBe(303);
    const after = parse(await (await get(path)).text());
    expect(text(after.querySelector(".body .see-also"))).toBe("Xem thêm: Bài nháp được dẫn tới");
  });

  it("shows them in the preview and on static pages too", async () => {
    const editor = await loginAs("editor");
    const target = await articleId(OK_OM_BOK);
    const body = [
      "Lịch nhận hồ sơ:",
      "",
      "| Ngày | Giờ |\n| --- | --- |\n| Thứ Hai | 7 giờ 30 |",
      "",
      `[[xem-them:${target}]]`,
      "",
      `[[video:facebook:1234567890 | Hướng dẫn nộp hồ sơ]]`,
    ].join("\n");
    const preview = await editor.post(
      "/admin/bai-viet/xem-truoc",
      await fields({ headline: "Xem trước khối mới", body }),
    );
    expect(preview.status).toBe(200);
    for (const doc of [
      parse(await preview.text()),
      await (async () => {
        const saved = await editor.post("/admin/trang", {
          title: "Lịch tiếp dân",
          slug: "",
          body,
          status: "published",
        });
        expect(saved.status).toBe(303);
        return parse(await (await get("/lich-tiep-dan")).text());
      })(),
    ]) {
      expect(doc.querySelectorAll(".body table th[scope=col]").map(text)).toStrictEqual(["Ngày", "Giờ"]);
      expect(text(doc.querySelector(".body .see-also"))).toBe(`Xem thêm: ${OK_OM_BOK}`);
      expect(doc.querySelector(".body .video a")!.getAttribute("href")).toBe(
        "https://www.facebook.com/watch/?v=1234567890",
      );
      expect(doc.querySelectorAll("script[data-src]").map((s) => s.getAttribute("data-src"))).toContain(
        ASSET_URLS["video.js"],
      );
    }
    const refused = await editor.post("/admin/trang", {
      title: "Trang dẫn sai",
      slug: "",
      body: "Chữ.\n\n[[xem-them:999999]]",
      status: "draft",
    });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("“Xem thêm” dẫn tới bài không tồn tại: số 999999");
    expect(
      await env.DB.prepare("select count(*) as n from static_pages where title = 'Trang dẫn sai'").first("n"),
    ).toBe(0);
  });

  it("shows the demo paper's table, Xem thêm and video to a newcomer", async () => {
    const doc = parse(await (await get(await articleUrl(GHE_NGO))).text());
    expect(text(doc.querySelector(".body table caption"))).toContain("Kết quả chung kết");
    expect(doc.querySelectorAll(".body table tbody tr").length).toBeGreaterThanOrEqual(3);
    expect(text(doc.querySelector(".body .see-also"))).toBe(`Xem thêm: ${OK_OM_BOK}`);
    const video = doc.querySelector(".body .video a")!;
    expect(video.getAttribute("href")).toMatch(/^https:\/\/www\.youtube\.com\/watch\?v=[\w-]{11}$/);
    expect(video.querySelector("img")!.getAttribute("src")).toMatch(/^\/media\/demo\//);
    const withTable = DEMO_ARTICLES.filter((a) => a.body.some((b) => b.type === "table"));
    expect(withTable.length).toBeGreaterThanOrEqual(2);
    // Pages without a video do not load its script.
    const home = parse(await (await get("/")).text());
    expect(home.querySelectorAll("script[data-src]").map((s) => s.getAttribute("data-src"))).not.toContain(
      ASSET_URLS["video.js"],
    );
  });
});

describe("hostile tables, Xem thêm and videos are refused in Vietnamese, nothing stored", () => {
  const cells = (n: number, s = "ô") => `| ${Array.from({ length: n }, (_, i) => `${s}${i}`).join(" | ")} |`;
  const rule = (n: number) => `| ${Array(n).fill("---").join(" | ")} |`;

  it.each([
    ["13 columns", [cells(13), rule(13), cells(13)].join("\n"), "Bảng tối đa 12 cột"],
    ["101 rows", [cells(2), rule(2), ...Array(101).fill(cells(2))].join("\n"), "Bảng tối đa 100 hàng"],
    ["ragged rows", [cells(3), rule(3), cells(3), cells(2)].join("\n"), "Hàng 2 của bảng có 2 ô, cần đúng 3 ô"],
    [
      "a javascript: link in a cell",
      [cells(1), rule(1), "| [bấm](javascript:alert(1)) |"].join("\n"),
      "Liên kết chỉ được là địa chỉ http://",
    ],
    [
      "a data: link in a header cell",
      ["| [bấm](data:text/html,x) |", rule(1), cells(1)].join("\n"),
      "Liên kết chỉ được là địa chỉ http://",
    ],
    [
      "a protocol-relative link in a cell",
      [cells(1), rule(1), "| **[bấm](//evil.example/)** |"].join("\n"),
      "Liên kết chỉ được là địa chỉ http://",
    ],
    ["a video from another site", "[[video:vimeo:123456 | Xem]]", "Video chỉ nhận từ YouTube"],
    ["a video id with a script", "[[video:youtube:javascript:alert(1) | Xem]]", "Mã video YouTube gồm đúng 11"],
    ["a Facebook video id with letters", "[[video:facebook:abc123 | Xem]]", "Mã video Facebook gồm 5 đến 20"],
    ["a video without a title", `[[video:youtube:${YOUTUBE}]]`, "Video cần tiêu đề"],
    ["a video photo that is not a number", `[[video:youtube:${YOUTUBE} | Xem | anh:x]]`, "số ảnh trong thư viện"],
    ["a video photo not in the library", `[[video:youtube:${YOUTUBE} | Xem | anh:999999]]`, "999999"],
    ["a Xem thêm to no article", "[[xem-them:999999]]", "“Xem thêm” dẫn tới bài không tồn tại: số 999999"],
    [
      "10,000 tables",
      Array(10_000)
        .fill([cells(1), rule(1), cells(1)].join("\n"))
        .join("\n\n"),
      "tối đa 500 khối",
    ],
  ])("refuses %s", async (_label, body, message) => {
    const editor = await loginAs("editor");
    const before = await count();
    const res = await editor.post("/admin/bai-viet", await fields({ body, "hanh-dong": "dang" }));
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain(message);
    const doc = parse(page);
    // The form comes back with the text kept, and no hostile link anywhere.
    expect(doc.querySelector("textarea#body")!.textContent).toBe(body);
    expect(doc.querySelector(`a[href^="javascript"], a[href^="data"], a[href^="//"], iframe`)).toBeNull();
    expect(await count()).toBe(before);
  });

  it("refuses a Xem thêm that points to the article itself, keeping the stored body", async () => {
    const editor = await loginAs("editor");
    const id = idFromLocation(await editor.post("/admin/bai-viet", await fields({ headline: "Bài tự dẫn" })));
    const stored = await env.DB.prepare("select body from articles where id = ?").bind(id).first<string>("body");
    const values = await articleFormValues(editor, id);
    const res = await editor.post(`/admin/bai-viet/${id}`, { ...values, body: `Đoạn.\n\n[[xem-them:${id}]]` });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("“Xem thêm” không thể dẫn tới chính bài này");
    expect(await env.DB.prepare("select body from articles where id = ?").bind(id).first<string>("body")).toBe(stored);
  });

  it("refuses hostile table cells and videos sent as tampered JSON to the write itself", async () => {
    const { sectionId, authorId } = await firstIds();
    const { createArticle } = await import("../src/db/article-writes");
    const before = await count();
    for (const body of [
      [
        {
          type: "table",
          header: ["a"],
          rows: [[{ text: "x", marks: [{ type: "link", start: 0, end: 1, href: "javascript:x" }] }]],
        },
      ],
      [{ type: "table", header: ["a"], rows: [["x"]], html: "<table onload=alert(1)>" }],
      [{ type: "video", provider: "youtube", videoId: `${YOUTUBE}"><script>`, title: "x" }],
      [{ type: "related", articleId: "1 or 1=1" }],
    ]) {
      await expect(
        createArticle(openDatabase(env.DB), {
          sectionId,
          authorId,
          headline: "Bài giả mạo",
          lead: "Sapo.",
          body: body as never,
          status: "published",
          publishedAt: new Date("2026-11-01T00:00:00Z"),
        }),
        JSON.stringify(body),
      ).rejects.toThrow();
    }
    expect(await count()).toBe(before);
  });
});
