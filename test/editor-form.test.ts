// The article form with the WYSIWYG editor (src/editor/): the blocks it starts
// from, the `bodyJson` field it sends (preferred over the markup), hostile
// bodyJson refused in Vietnamese with nothing stored, the "Xem thêm" search,
// and no editor code on any reader page.
import { env } from "cloudflare:test";
import { parse } from "node-html-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { ASSET_URLS } from "../src/site/asset-urls";
import { loadDemo } from "./setup/demo";
import { get, text } from "./setup/http";
import { articleFields, type Editor, firstIds, idFromLocation, loginAs } from "./setup/newsroom";

beforeAll(loadDemo);

const EDITOR = ASSET_URLS["editor.js"];

async function fields(over: Record<string, string>) {
  const { sectionId, authorId } = await firstIds();
  return articleFields({ sectionId: String(sectionId), authorId: String(authorId), ...over });
}
const articleCount = async () => (await env.DB.prepare("select count(*) as n from articles").first<{ n: number }>())!.n;
const revisionCount = async () =>
  (await env.DB.prepare("select count(*) as n from article_revisions").first<{ n: number }>())!.n;

/** The form page's editor data. */
function editorData(html: string): { blocks: unknown[] | null; images: Record<string, { thumbUrl: string }> } {
  const script = parse(html).querySelector("script#editor-data");
  expect(script?.getAttribute("type")).toBe("application/json");
  return JSON.parse(script!.textContent);
}

const RICH_BODY = [
  {
    type: "paragraph",
    text: "Đậm, nghiêng và một liên kết.",
    marks: [
      { type: "bold", start: 0, end: 3 },
      { type: "italic", start: 5, end: 13 },
      { type: "link", start: 21, end: 28, href: "https://example.org/a" },
    ],
  },
  { type: "paragraph", text: "Dòng một\nDòng hai" },
  {
    type: "list",
    ordered: false,
    items: ["Mục một", { text: "Mục hai", marks: [{ type: "bold", start: 4, end: 7 }] }],
  },
  { type: "list", ordered: true, items: ["Bước một", "Bước hai"] },
];

/** A refused save: Vietnamese 400, the form again, nothing written. */
async function expectRefused(editor: Editor, bodyJson: string, message: RegExp) {
  const [articles, revisions] = [await articleCount(), await revisionCount()];
  const res = await editor.post(
    "/admin/bai-viet",
    await fields({ headline: "Bài bị từ chối", body: "Văn bản dự phòng.", bodyJson }),
  );
  expect(res.status).toBe(400);
  const html = await res.text();
  const doc = parse(html);
  expect(text(doc.querySelector(".error"))).toBe("Nội dung bài viết có lỗi, bài chưa được lưu.");
  expect(text(doc.querySelector("#body-error"))).toMatch(message);
  // The text is kept: the markup in the textarea, and what the editor sent for the editor to show again.
  expect(doc.querySelector("textarea#body")?.textContent).toBe("Văn bản dự phòng.");
  expect(await articleCount()).toBe(articles);
  expect(await revisionCount()).toBe(revisions);
  return editorData(html);
}

describe("the article form with the editor", () => {
  it("loads the editor with the body's blocks, and keeps the labelled markup textarea", async () => {
    const editor = await loginAs("editor");
    const res = await editor.post(
      "/admin/bai-viet",
      await fields({ body: "Đoạn **đậm** đầu.\n\n## Tiêu đề phụ\n\n- một\n- hai" }),
    );
    const id = idFromLocation(res);
    const html = await (await editor.get(`/admin/bai-viet/${id}`)).text();
    expect(html).toContain(`<script src="${EDITOR}" defer></script>`);
    const doc = parse(html);
    expect(doc.querySelector('label[for="body"]')).not.toBeNull();
    expect(doc.querySelector("textarea#body")?.textContent).toBe("Đoạn **đậm** đầu.\n\n## Tiêu đề phụ\n\n- một\n- hai");
    // No bodyJson without JavaScript: the editor adds it.
    expect(doc.querySelector('input[name="bodyJson"]')).toBeNull();
    const data = editorData(html);
    expect(data.blocks?.map((b) => (b as { type: string }).type)).toEqual(["paragraph", "subheading", "list"]);
  });

  it("names the photos of figures for the editor to show as thumbnails", async () => {
    const editor = await loginAs("editor");
    const image = await env.DB.prepare("select id from images order by id limit 1").first<{ id: number }>();
    const html = await (await editor.get("/admin/bai-viet/moi")).text();
    expect(editorData(html).blocks).toEqual([]);
    const res = await editor.post(
      "/admin/bai-viet",
      await fields({ body: `Đoạn.\n\n[[anh:${image!.id} | Chú thích riêng]]` }),
    );
    const form = await (await editor.get(`/admin/bai-viet/${idFromLocation(res)}`)).text();
    const data = editorData(form);
    expect(data.blocks).toContainEqual({ type: "figure", imageId: image!.id, caption: "Chú thích riêng" });
    expect(data.images[String(image!.id)]?.thumbUrl).toMatch(/^\/media\/.+\?w=360$/);
  });

  it("saves the editor's bodyJson in preference to the markup, and the reader page shows every mark", async () => {
    const editor = await loginAs("editor");
    const res = await editor.post(
      "/admin/bai-viet",
      await fields({
        headline: "Bài viết bằng trình soạn thảo",
        body: "Markup cũ không được dùng.",
        bodyJson: JSON.stringify(RICH_BODY),
        "hanh-dong": "dang",
      }),
    );
    expect(res.status).toBe(303);
    const id = idFromLocation(res);
    const row = await env.DB.prepare(
      "select a.body, a.slug, s.slug as section from articles a join sections s on s.id = a.section_id where a.id = ?",
    )
      .bind(id)
      .first<{ body: string; slug: string; section: string }>();
    expect(JSON.parse(row!.body)).toEqual(RICH_BODY);
    const page = parse(await (await get(`/${row!.section}/${row!.slug}-${id}.html`)).text());
    const body = page.querySelector(".body")!;
    expect(text(body.querySelector("strong"))).toBe("Đậm");
    expect(text(body.querySelector("em"))).toBe("nghiêng");
    expect(body.querySelector('a[href="https://example.org/a"]')?.getAttribute("rel")).toBe("noopener");
    expect(body.querySelector("br")).not.toBeNull();
    expect(body.querySelectorAll("ul li").map(text)).toEqual(["Mục một", "Mục hai"]);
    expect(body.querySelectorAll("ol li").map(text)).toEqual(["Bước một", "Bước hai"]);
    expect(body.toString()).not.toContain("Markup cũ");
    // The form opened again shows the same body, as markup and as blocks.
    const form = await (await editor.get(`/admin/bai-viet/${id}`)).text();
    expect(editorData(form).blocks).toEqual(RICH_BODY);
  });

  it("uses the markup when bodyJson is empty (no JavaScript, or the editor never changed)", async () => {
    const editor = await loginAs("editor");
    const res = await editor.post("/admin/bai-viet", await fields({ body: "Chỉ có markup.", bodyJson: "  " }));
    const row = await env.DB.prepare("select body from articles where id = ?")
      .bind(idFromLocation(res))
      .first<{ body: string }>();
    expect(JSON.parse(row!.body)).toEqual([{ type: "paragraph", text: "Chỉ có markup." }]);
  });

  it("refuses bodyJson that is not JSON", async () => {
    const editor = await loginAs("editor");
    const data = await expectRefused(editor, '[{"type":"paragraph","text":"x"', /bị hỏng/);
    // The editor then starts from the textarea's markup.
    expect(data.blocks).toBeNull();
  });

  it("refuses invalid blocks, showing what was sent in the editor again", async () => {
    const editor = await loginAs("editor");
    const sent = [
      { type: "paragraph", text: "Giữ lại chữ này" },
      { type: "paragraph", text: "   " },
    ];
    const data = await expectRefused(editor, JSON.stringify(sent), /không được để trống/);
    expect(data.blocks).toEqual(sent);
    await expectRefused(editor, JSON.stringify([{ type: "script", text: "x" }]), /.+/);
    await expectRefused(editor, JSON.stringify({ type: "paragraph", text: "x" }), /không đúng dạng/);
    await expectRefused(editor, "[]", /ít nhất một đoạn/);
  });

  it("refuses tampered marks: javascript:, data: and protocol-relative links, marks outside the text", async () => {
    const editor = await loginAs("editor");
    for (const href of ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<b>x</b>", "//evil.example"]) {
      await expectRefused(
        editor,
        JSON.stringify([{ type: "paragraph", text: "Bấm vào đây", marks: [{ type: "link", start: 0, end: 3, href }] }]),
        /Liên kết chỉ được là/,
      );
    }
    await expectRefused(
      editor,
      JSON.stringify([{ type: "paragraph", text: "Ngắn", marks: [{ type: "bold", start: 0, end: 99 }] }]),
      /nằm ngoài đoạn chữ/,
    );
  });

  it("refuses 10,000 blocks without validating them one by one", async () => {
    const editor = await loginAs("editor");
    const many = JSON.stringify(Array.from({ length: 10_000 }, () => ({ type: "paragraph", text: "x" })));
    const data = await expectRefused(editor, many, /tối đa 500 khối/);
    expect(data.blocks?.length).toBe(500);
  });
});

describe("article search for “Xem thêm”", () => {
  it("finds published articles by headline, with or without diacritics, newest first", async () => {
    const editor = await loginAs("reporter");
    const row = await env.DB.prepare(
      "select a.id, a.headline from articles a where a.status = 'published' order by a.published_at desc limit 1",
    ).first<{ id: number; headline: string }>();
    const word = row!.headline.split(" ").find((w) => w.length > 3)!;
    const res = await editor.get(`/admin/bai-viet/tim.json?q=${encodeURIComponent(word)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    const hits = (await res.json()) as { id: number; headline: string; url: string; publishedAt: string }[];
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.length).toBeLessThanOrEqual(20);
    expect(hits.map((h) => h.id)).toContain(row!.id);
    const times = hits.map((h) => Date.parse(h.publishedAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(hits[0]!.url).toMatch(/^\/[a-z0-9-]+\/[a-z0-9-]+-\d+\.html$/);

    const folded = word
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d")
      .replace(/Đ/g, "D");
    const plain = (await (await editor.get(`/admin/bai-viet/tim.json?q=${encodeURIComponent(folded)}`)).json()) as {
      id: number;
    }[];
    expect(plain.length).toBeGreaterThan(0);

    const one = (await (await editor.get(`/admin/bai-viet/tim.json?id=${row!.id}`)).json()) as { headline: string }[];
    expect(one).toEqual([expect.objectContaining({ headline: row!.headline })]);
    expect(await (await editor.get("/admin/bai-viet/tim.json?q=")).json()).toEqual([]);
  });

  it("lists no drafts, and answers only a signed-in account", async () => {
    const editor = await loginAs("editor");
    const res = await editor.post("/admin/bai-viet", await fields({ headline: "Bản nháp zzqx bí mật", body: "Nháp." }));
    const id = idFromLocation(res);
    expect(await (await editor.get("/admin/bai-viet/tim.json?q=zzqx")).json()).toEqual([]);
    expect(await (await editor.get(`/admin/bai-viet/tim.json?id=${id}`)).json()).toEqual([]);
    const anonymous = await get("/admin/bai-viet/tim.json?q=a");
    expect(anonymous.status).not.toBe(200);
  });
});

describe("reader pages", () => {
  it("never load the editor", async () => {
    const { sectionSlug } = await firstIds();
    const article = await env.DB.prepare(
      "select a.id, a.slug, s.slug as section from articles a join sections s on s.id = a.section_id where a.status = 'published' limit 1",
    ).first<{ id: number; slug: string; section: string }>();
    const author = await env.DB.prepare("select slug from authors limit 1").first<{ slug: string }>();
    for (const path of [
      "/",
      `/${sectionSlug}`,
      `/${article!.section}/${article!.slug}-${article!.id}.html`,
      `/tac-gia/${author!.slug}`,
      "/tim-kiem?q=cau",
    ]) {
      const html = await (await get(path)).text();
      expect(html, path).not.toContain(EDITOR);
      expect(html, path).not.toMatch(/\/_\/editor\.|editor-data/);
    }
  });
});

describe("the static page form with the editor", () => {
  it("loads the editor, saves bodyJson, and refuses hostile bodyJson with nothing stored", async () => {
    const editor = await loginAs("editor");
    const blank = await (await editor.get("/admin/trang/moi")).text();
    expect(blank).toContain(`<script src="${EDITOR}" defer></script>`);
    expect(editorData(blank).blocks).toEqual([]);

    const pages = async () =>
      (await env.DB.prepare("select count(*) as n from static_pages").first<{ n: number }>())!.n;
    const before = await pages();
    const refused = await editor.post("/admin/trang", {
      title: "Trang bị từ chối",
      slug: "",
      body: "Văn bản dự phòng.",
      bodyJson: JSON.stringify([
        { type: "paragraph", text: "Bấm", marks: [{ type: "link", start: 0, end: 3, href: "javascript:x" }] },
      ]),
      status: "published",
    });
    expect(refused.status).toBe(400);
    const doc = parse(await refused.text());
    expect(text(doc.querySelector("#body-error"))).toMatch(/Liên kết chỉ được là/);
    expect(doc.querySelector("textarea#body")?.textContent).toBe("Văn bản dự phòng.");
    expect(await pages()).toBe(before);

    const created = await editor.post("/admin/trang", {
      title: `Giới thiệu ${Date.now()}`,
      slug: `gioi-thieu-${Date.now()}`,
      body: "Không dùng.",
      bodyJson: JSON.stringify([RICH_BODY[0]]),
      status: "published",
    });
    expect(created.status).toBe(303);
    const id = Number(/\/admin\/trang\/(\d+)/.exec(created.headers.get("location") ?? "")?.[1]);
    const row = await env.DB.prepare("select body from static_pages where id = ?").bind(id).first<{ body: string }>();
    expect(JSON.parse(row!.body)).toEqual([RICH_BODY[0]]);
  });
});
