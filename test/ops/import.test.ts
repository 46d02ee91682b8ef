// The importer (scripts/import/, docs/import.md): the neutral format's checks,
// HTML bodies to blocks, the WXR reader on hostile files, and the writer
// against a real, throwaway local D1 and R2 (idempotent reruns, dry run,
// images deduplicated, old addresses recorded). Images come from a map of
// URLs to bytes drawn by sharp: nothing leaves the machine.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bodyBlocks, readBody } from "../../scripts/import/body";
import { FORMAT_ID, ImportFormatError, readDocument } from "../../scripts/import/format";
import { type FetchBytes, writeImport } from "../../scripts/import/writer";
import { readWxr } from "../../scripts/import/wxr";
import { withLocalPlatform } from "../../scripts/local-platform";
import { createTempState, removeTempState } from "../../scripts/temp-state";
import { legacyPathKey } from "../../src/site/legacy-paths";

const FIXTURE = resolve(import.meta.dirname, "../fixtures/import/site.wxr.xml");
const wxrBytes = () => readFileSync(FIXTURE);

describe("neutral format", () => {
  const base = {
    format: FORMAT_ID,
    source: "cms-cu",
    sections: [{ id: 1, name: "Thời sự" }],
    authors: [{ id: "a", name: "Nguyễn Văn A" }],
  };
  const good = {
    id: 7,
    status: "published",
    title: "Tin",
    bodyHtml: "<p>x</p>",
    publishedAt: "2020-01-02T03:04:05+07:00",
    section: 1,
    author: "a",
  };

  it("reads a valid document, ids as strings, times as instants", () => {
    const { doc, problems } = readDocument({ ...base, items: [good] });
    expect(problems).toEqual([]);
    expect(doc.items[0]).toMatchObject({ id: "7", section: "1", tags: [], featuredMedia: null });
    expect(doc.items[0]!.publishedAt!.toISOString()).toBe("2020-01-01T20:04:05.000Z");
  });

  it("names each bad item and keeps the good ones", () => {
    const { doc, problems } = readDocument({
      ...base,
      items: [
        good,
        { ...good, id: 8, publishedAt: "2020-01-02 03:04:05" },
        { ...good, id: 9, title: "" },
        { ...good, id: 10, status: "published", publishedAt: null },
        { ...good, id: 7 },
        { ...good, id: 11, extra: "<script>" },
        "không phải đối tượng",
      ],
    });
    expect(doc.items.map((i) => i.id)).toEqual(["7"]);
    expect(problems.map((p) => p.id)).toEqual(["8", "9", "10", "7", "11", "#7"]);
    expect(problems[0]!.message).toContain("múi giờ");
    expect(problems[2]!.message).toContain("publishedAt");
    expect(problems[3]!.message).toContain("trùng mã");
  });

  it("accepts the example of docs/import.md as written", () => {
    const md = readFileSync(resolve(import.meta.dirname, "../../docs/import.md"), "utf8");
    const example = /```json\n([\s\S]*?)```/.exec(md)?.[1];
    const { doc, problems } = readDocument(JSON.parse(example ?? "null"));
    expect(problems).toEqual([]);
    expect(doc.items[0]!.publishedAt!.toISOString()).toBe("2024-10-05T01:30:00.000Z");
  });

  it("refuses a document that is not the format", () => {
    expect(() => readDocument({ items: [] })).toThrow(ImportFormatError);
    expect(() => readDocument([])).toThrow(/định dạng/);
  });

  it("normalises old addresses to one key", () => {
    expect(legacyPathKey("https://old.example/2019/05/01/bai-viet/")).toBe("/2019/05/01/bai-viet");
    expect(legacyPathKey("/?p=12&utm_source=x")).toBe("/?p=12");
    expect(legacyPathKey("/tin-t%E1%BB%A9c/")).toBe("/tin-tức");
    expect(legacyPathKey("javascript:alert(1)")).toBeNull();
    expect(legacyPathKey("bai-viet")).toBeNull();
  });
});

describe("bodies", () => {
  it("drops scripts, styles and iframes; YouTube becomes a video, other embeds links; captions kept", () => {
    const read = readBody(
      `<p>Mở <b>đầu</b>&nbsp;&amp; tiếp</p>\r\n<script>alert(1)</script><style>p{}</style>` +
        `[caption id="x"]<img src="/a.png" alt=""> Chú thích ảnh[/caption]` +
        `<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0"></iframe>` +
        `<iframe src="https://maps.example/embed?x=1"></iframe><iframe src="javascript:alert(1)"></iframe>` +
        `<figure><img src="/b.png"><figcaption>Ảnh B</figcaption></figure><p onclick="x()">Kết</p>`,
    );
    expect(read.images.map((i) => [i.src, i.caption])).toEqual([
      ["/a.png", "Chú thích ảnh"],
      ["/b.png", "Ảnh B"],
    ]);
    const blocks = bodyBlocks(read, [5, null], "Tiêu đề");
    const json = JSON.stringify(blocks);
    expect(json).not.toMatch(/script|alert|style|onclick|iframe/i);
    expect(blocks.map((b) => b.type)).toEqual(["paragraph", "figure", "video", "paragraph", "paragraph"]);
    expect(blocks[0]).toMatchObject({ text: "Mở đầu & tiếp", marks: [{ type: "bold" }] });
    expect(blocks[2]).toMatchObject({ provider: "youtube", videoId: "dQw4w9WgXcQ", title: "Tiêu đề" });
    expect(blocks[3]).toMatchObject({ text: "Xem nội dung nhúng: maps.example" });
  });

  it("reports a 10 MB post as too long instead of reading it all", () => {
    const read = readBody(`<p>${"chữ ".repeat(2_600_000)}</p>`);
    expect(read.tooLong).toBe(true);
  });
});

describe("WXR reader", () => {
  it("reads posts, attachments, authors, categories, tags; CRLF and entities undone", () => {
    const { doc, warnings } = readWxr(wxrBytes());
    const { doc: d, problems } = readDocument(doc);
    expect(problems).toEqual([]);
    expect(warnings).toEqual(["Bỏ qua 1 mục loại page."]);
    expect(d.items.map((i) => [i.id, i.status])).toEqual([
      ["201", "published"],
      ["202", "published"],
      ["203", "published"],
      ["204", "draft"],
    ]);
    const first = d.items[0]!;
    expect(first.title).toBe("Cần Thơ: “Lũ về” sớm & cao hơn mọi năm");
    expect(first.bodyHtml).not.toContain("\r");
    expect(first.publishedAt!.toISOString()).toBe("2024-10-05T01:30:00.000Z");
    expect(first.tags).toEqual(["Lũ lụt", "Cần Thơ"]);
    expect(first.featuredMedia).toBe("102");
    expect(first.permalinks).toEqual(["/?p=201", "/2024/10/05/lu-ve-som", "/lu-ve-som"]);
    expect(d.items[3]!.publishedAt).toBeNull();
    expect(d.authors.map((a) => a.name)).toEqual(["Trần Thị Lan", "Lê Văn Minh"]);
    expect(d.sections.map((s) => [s.name, s.permalinks])).toEqual([
      ["Thời sự", ["/category/thoi-su", "/?cat=3"]],
      ["Kinh tế", ["/category/kinh-te", "/?cat=4"]],
    ]);
    expect(d.media[0]).toMatchObject({ alt: "Nước lũ ở Cái Răng", caption: "Nước lũ tràn qua bờ kè Cái Răng" });
  });

  it("refuses broken XML naming the line", () => {
    const broken = wxrBytes().toString("utf8").replace("</wp:post_name>", "</wp:post_nam>");
    expect(() => readWxr(Buffer.from(broken))).toThrow(/dòng \d+/);
    expect(() => readWxr(Buffer.from("<html><body>không phải</body></html>"))).toThrow(ImportFormatError);
  });

  it("reads a wrongly declared encoding as what the bytes are", () => {
    const mislabelled = wxrBytes().toString("utf8").replace('encoding="UTF-8"', 'encoding="ISO-8859-1"');
    const { doc, warnings } = readWxr(Buffer.from(mislabelled));
    expect(warnings[0]).toContain("iso-8859-1");
    expect(readDocument(doc).doc.authors[0]!.name).toBe("Trần Thị Lan");
    // Really Latin-1 bytes, as declared: decoded with the declaration.
    const latin = Buffer.from(
      '<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><link>https://x.example</link><item><title>Caf\xe9</title><wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type><wp:status>draft</wp:status><dc:creator>a</dc:creator><content:encoded>x</content:encoded></item></channel></rss>',
      "latin1",
    );
    expect(readDocument(readWxr(latin).doc).doc.items[0]!.title).toBe("Café");
  });
});

describe("writer, on a real local D1 and R2", () => {
  let dir: string;
  let png: Uint8Array;
  let other: Uint8Array;
  beforeAll(async () => {
    dir = await createTempState("edge-news-import");
    png = new Uint8Array(
      await sharp({ create: { width: 40, height: 30, channels: 3, background: "#3a7" } })
        .png()
        .toBuffer(),
    );
    other = new Uint8Array(
      await sharp({ create: { width: 30, height: 40, channels: 3, background: "#a37" } })
        .png()
        .toBuffer(),
    );
  });
  afterAll(async () => {
    if (dir) await removeTempState(dir);
  });

  const files: Record<string, () => Uint8Array> = {
    // Two attachments with the same bytes: one image in R2.
    "https://baocu.example/wp-content/uploads/2024/10/lu-ve.png": () => png,
    "https://baocu.example/wp-content/uploads/2024/10/lu-ve-1.png": () => png,
    "https://baocu.example/wp-content/uploads/2024/10/bao-cao.pdf": () => new TextEncoder().encode("%PDF-1.4"),
  };
  const fetchBytes: FetchBytes = async (url) => {
    const f = files[url];
    if (!f) throw new Error("máy chủ trả lời 404");
    return f();
  };
  const wxrDoc = () => readDocument(readWxr(wxrBytes()).doc);

  it("imports, then a rerun changes nothing, then a changed post updates", async () => {
    await withLocalPlatform(async (env) => {
      const { doc, problems } = wxrDoc();
      const dry = await writeImport(env, doc, problems, { dryRun: true, fetchBytes });
      expect([dry.imported, dry.updated]).toEqual([4, 0]);
      const count = (table: string) => env.DB.prepare(`select count(*) as n from ${table}`).first<number>("n");
      expect(await count("articles")).toBe(0);
      expect(await count("import_mappings")).toBe(0);

      const started = Date.now();
      const first = await writeImport(env, doc, problems, { fetchBytes });
      const ms = Date.now() - started;
      console.log(
        `import: ${doc.items.length} articles in ${ms} ms (${((doc.items.length * 1000) / ms).toFixed(1)}/s)`,
      );
      expect([first.imported, first.updated, first.skipped]).toEqual([4, 0, []]);
      expect(first.imagesStored).toBe(1);
      expect(first.imagesMissing.map((m) => m.url)).toEqual([
        "media 999",
        "https://baocu.example/wp-content/uploads/2024/10/khong-co.jpg",
      ]);

      const rows = await env.DB.prepare(
        "select a.id, a.slug, a.status, a.published_at as p, a.body, a.hero_image_id as hero, s.slug as section from articles a join sections s on s.id = a.section_id order by a.id",
      ).all<{
        id: number;
        slug: string;
        status: string;
        p: number | null;
        body: string;
        hero: number | null;
        section: string;
      }>();
      expect(rows.results.map((r) => [r.slug, r.status, r.section])).toEqual([
        ["lu-ve-som", "published", "thoi-su"],
        ["gia-lua", "published", "kinh-te"],
        ["gia-lua-2", "published", "kinh-te"],
        ["ban-nhap-ke-hoach-phong-lu", "draft", "thoi-su"],
      ]);
      const lu = rows.results[0]!;
      expect(new Date(lu.p!).toISOString()).toBe("2024-10-05T01:30:00.000Z");
      expect(lu.body).not.toMatch(/script|alert|style/);
      const blocks = JSON.parse(lu.body) as { type: string; imageId?: number }[];
      expect(blocks.map((b) => b.type)).toEqual(["paragraph", "figure", "paragraph", "video", "paragraph"]);
      expect(blocks[1]!.imageId).toBe(lu.hero);
      const image = await env.DB.prepare("select r2_key, caption, alt from images").all<{
        r2_key: string;
        caption: string;
        alt: string;
      }>();
      expect(image.results).toHaveLength(1);
      expect(image.results[0]!.caption).toBe("");
      expect(await env.MEDIA.head(image.results[0]!.r2_key)).not.toBeNull();
      const tags = await env.DB.prepare(
        "select t.name from article_tags at join tags t on t.id = at.tag_id where at.article_id = ? order by at.position",
      )
        .bind(lu.id)
        .all<{ name: string }>();
      expect(tags.results.map((t) => t.name)).toEqual(["Lũ lụt", "Cần Thơ"]);
      const redirects = await env.DB.prepare(
        "select path, kind, target_id as t from legacy_redirects order by path",
      ).all<{ path: string; kind: string; t: number }>();
      const byPath = new Map(redirects.results.map((r) => [r.path, `${r.kind}:${r.t}`]));
      expect(byPath.get("/?p=201")).toBe(`article:${lu.id}`);
      expect(byPath.get("/2024/10/05/lu-ve-som")).toBe(`article:${lu.id}`);
      expect(byPath.get("/gia-lua")).toBe(`article:${rows.results[1]!.id}`); // the first of a duplicate slug keeps it
      expect(byPath.get("/2024/10/07/gia-lua")).toBe(`article:${rows.results[2]!.id}`);
      expect(byPath.get("/wp-content/uploads/2024/10/lu-ve-1.png")).toBe(`image:${lu.hero}`);
      expect(byPath.get("/category/kinh-te")).toMatch(/^section:/);
      expect([...byPath.keys()].some((p) => p.includes("?p=204"))).toBe(true);

      // Rerun: everything skipped as unchanged, nothing new.
      const counts = async () => [
        await count("articles"),
        await count("images"),
        await count("legacy_redirects"),
        await count("tags"),
      ];
      const before = await counts();
      const again = await writeImport(env, doc, problems, { fetchBytes });
      expect([again.imported, again.updated, again.imagesStored]).toEqual([0, 0, 0]);
      expect(again.skipped.map((s) => s.reason)).toEqual(Array(4).fill("không thay đổi từ lần nhập trước"));
      expect(await counts()).toEqual(before);

      // A changed post updates in place; its slug and id stay.
      const changed = wxrDoc();
      changed.doc.items[1]!.title = "Giá lúa tăng mạnh";
      files["https://baocu.example/wp-content/uploads/2024/10/khong-co.jpg"] = () => other;
      const third = await writeImport(env, changed.doc, changed.problems, { fetchBytes });
      expect([third.imported, third.updated, third.skipped.length]).toEqual([0, 1, 3]);
      const row = await env.DB.prepare("select headline, slug, version from articles where id = ?")
        .bind(rows.results[1]!.id)
        .first<{ headline: string; slug: string; version: number }>();
      expect(row).toEqual({ headline: "Giá lúa tăng mạnh", slug: "gia-lua", version: 2 });
      expect(await counts()).toEqual(before);
    }, dir);
  });

  it("stores a phone photo upright (EXIF orientation applied)", async () => {
    // 40x30 pixels, tagged "rotate 90°": readers must see it 30 wide, 40 high.
    const sideways = new Uint8Array(
      await sharp({ create: { width: 40, height: 30, channels: 3, background: "#357" } })
        .jpeg()
        .withMetadata({ orientation: 6 })
        .toBuffer(),
    );
    files["https://foto.example/xoay.jpg"] = () => sideways;
    await withLocalPlatform(async (env) => {
      const { doc, problems } = readDocument({
        format: FORMAT_ID,
        source: "json-exif",
        sections: [{ id: "s", name: "Ảnh" }],
        authors: [{ id: "a", name: "Phạm C" }],
        media: [{ id: "m", url: "https://foto.example/xoay.jpg", caption: "Ảnh xoay", credit: "Phạm C" }],
        items: [
          {
            id: "e1",
            status: "draft",
            title: "Ảnh điện thoại",
            bodyHtml: "<p>Ảnh</p>",
            section: "s",
            author: "a",
            featuredMedia: "m",
          },
        ],
      });
      const report = await writeImport(env, doc, problems, { fetchBytes });
      expect([report.imported, report.imagesStored]).toEqual([1, 1]);
      const img = await env.DB.prepare(
        "select i.width, i.height, i.caption, i.credit from images i join articles a on a.hero_image_id = i.id where a.slug = 'anh-dien-thoai'",
      ).first();
      expect(img).toEqual({ width: 30, height: 40, caption: "Ảnh xoay", credit: "Phạm C" });
    }, dir);
  });

  it("skips an article that cannot land, naming it, and writes none of it", async () => {
    await withLocalPlatform(async (env) => {
      const { doc, problems } = readDocument({
        format: FORMAT_ID,
        source: "json-test",
        sections: [{ id: "s", name: "Xã hội" }],
        authors: [{ id: "a", name: "Phạm B" }],
        items: [
          { id: "x1", status: "draft", title: "Không chuyên mục", bodyHtml: "<p>a</p>", section: "zz", author: "a" },
          {
            id: "x2",
            status: "draft",
            title: "Chỉ có script",
            bodyHtml: `<p>${"dài ".repeat(2_600_000)}</p>`,
            section: "s",
            author: "a",
          },
          {
            id: "x3",
            status: "draft",
            title: "Tốt",
            bodyHtml: "<script>x</script>",
            section: "s",
            author: "a",
            permalinks: ["/tot/"],
          },
        ],
      });
      const before = await env.DB.prepare("select count(*) as n from articles").first<number>("n");
      const report = await writeImport(env, doc, problems, { fetchBytes });
      expect(report.skipped.map((s) => s.item)).toEqual(["Bài x1 (“Không chuyên mục”)", "Bài x2 (“Chỉ có script”)"]);
      expect(report.skipped[0]!.reason).toContain("chuyên mục");
      expect(report.skipped[1]!.reason).toContain("quá dài");
      expect(report.imported).toBe(1);
      expect(await env.DB.prepare("select count(*) as n from articles").first<number>("n")).toBe((before ?? 0) + 1);
      const x3 = await env.DB.prepare("select body, lead from articles where slug = 'tot'").first<{
        body: string;
        lead: string;
      }>();
      expect(JSON.parse(x3!.body)).toEqual([{ type: "paragraph", text: "Tốt" }]);
    }, dir);
  });
});
