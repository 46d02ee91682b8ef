// Paste from Word, Google Docs, LibreOffice and plain text through the real
// endpoint (POST /admin/bai-viet/chuyen-doi-html, D1 and R2 of the test
// pool): each fixture's expected blocks, images uploaded or dropped with a
// note, and hostile pastes answered safely with nothing stored.
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { type BodyBlock, bodyBlock } from "../src/content/blocks";
import { partsToBlocks, partsToMarkup, tablesAsText } from "../src/content/markup/paste-blocks";
import { readPastedHtml } from "../src/content/markup/paste-html";
import { cleanPastedHref } from "../src/content/markup/paste-links";
import { textToMarkup } from "../src/content/markup/paste-text";
import { decodeDataImage } from "../src/media/data-url";
import { PNG } from "./fixtures/image-formats";
import emailText from "./fixtures/paste/email.txt?raw";
import docsHtml from "./fixtures/paste/google-docs.html?raw";
import libreOfficeHtml from "./fixtures/paste/libreoffice.html?raw";
import wordHtml from "./fixtures/paste/word.html?raw";
import wordText from "./fixtures/paste/word.txt?raw";
import zaloText from "./fixtures/paste/zalo.txt?raw";
import { testPhotoBytes } from "./fixtures/photo";
import { get } from "./setup/http";
import { type Editor, loginAs, ORIGIN } from "./setup/newsroom";

const PATH = "/admin/bai-viet/chuyen-doi-html";
let editor: Editor;
beforeAll(async () => {
  editor = await loginAs("editor");
});

const base64 = (bytes: Uint8Array) => btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(""));
const dataUrl = (mime: string, bytes: Uint8Array) => `data:${mime};base64,${base64(bytes)}`;

/** Posts a paste as the editor's script does: multipart form data, JSON asked for unless `json` is false. */
function paste(
  fields: Record<string, string>,
  opts: { json?: boolean; as?: Editor; env?: Parameters<typeof get>[2] } = {},
): Promise<Response> {
  const who = opts.as ?? editor;
  const form = new FormData();
  form.set("_csrf", who.csrf);
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return get(
    PATH,
    {
      method: "POST",
      headers: { cookie: who.cookie, origin: ORIGIN, ...(opts.json === false ? {} : { accept: "application/json" }) },
      body: form,
    },
    opts.env,
  );
}

async function pasteJson(
  fields: Record<string, string>,
): Promise<{ blocks: BodyBlock[]; notes: string[]; images: Record<string, unknown> }> {
  const res = await paste(fields);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  return res.json();
}

/** What each mark of each block covers, to read the offsets at a glance. */
function covered(blocks: BodyBlock[]): string[] {
  const out: string[] = [];
  const read = (item: string | { text: string; marks?: { type: string; start: number; end: number }[] }) => {
    if (typeof item === "string") return;
    for (const m of item.marks ?? []) out.push(`${m.type}:${item.text.slice(m.start, m.end)}`);
  };
  for (const b of blocks) {
    if (b.type === "paragraph" || b.type === "quote") read(b);
    if (b.type === "list" || b.type === "aside") b.items.forEach(read);
  }
  return out;
}

const stored = async () => ({
  images: (await env.DB.prepare("select count(*) as n from images").first<number>("n")) ?? 0,
  objects: (await env.MEDIA.list()).objects.length,
});

/**
 * Whether blocks.ts has the `table` block (i18-blocks adds it): with it,
 * simple pasted tables become table blocks; without it, a paragraph per row.
 */
const TABLE_BLOCKS = bodyBlock.safeParse({ type: "table", header: ["a"], rows: [["b"]] }).success;
/** A two-column table as pasted, the block (or paragraphs) it becomes. */
function pastedTable(header: [string, string], row: [string, string]): BodyBlock[] {
  // Word and Docs make the header bold; it stays as pasted.
  const boldCell = (text: string) => ({ text, marks: [{ type: "bold", start: 0, end: text.length }] });
  if (TABLE_BLOCKS) return [{ type: "table", header: header.map(boldCell), rows: [row] } as unknown as BodyBlock];
  const bold = (a: string, b: string) => [
    { type: "bold" as const, start: 0, end: a.length },
    { type: "bold" as const, start: a.length + 3, end: a.length + 3 + b.length },
  ];
  return [
    { type: "paragraph", text: header.join(" | "), marks: bold(...header) },
    { type: "paragraph", text: row.join(" | ") },
  ];
}

const REMOTE_NOTE = "Đã bỏ 1 ảnh dán từ trang khác: hãy tải ảnh lên thư viện rồi chèn vào bài.";
const TABLE_NOTE = "Bảng trong đoạn dán được giữ thành các đoạn văn, mỗi hàng một đoạn, các ô cách nhau bằng dấu |.";
const TABLE_NOTES = TABLE_BLOCKS ? [] : [TABLE_NOTE];

describe("pasting from Word (desktop, Windows clipboard HTML)", () => {
  it("keeps headings, paragraphs, bold, italic, lists and a clean link; drops fonts, comments, bookmarks and the file:// image", async () => {
    const before = await stored();
    const { blocks, notes } = await pasteJson({ html: wordHtml });
    const intro =
      "Sau hai năm thử nghiệm, hợp tác xã rau sạch xã Long Phú quyết định mở rộng vùng trồng thêm 12 héc-ta, nâng tổng diện tích lên 30 héc-ta. Theo ông Trần Văn Lộc, chủ nhiệm hợp tác xã, đây là bước đi thận trọng vì giá rau biến động mạnh trong mùa mưa.";
    expect(blocks).toStrictEqual([
      { type: "subheading", text: "Hợp tác xã rau sạch Long Phú mở rộng thêm 12 héc-ta" },
      {
        type: "paragraph",
        text: intro,
        marks: [
          { type: "bold", start: 91, end: 100 },
          { type: "italic", start: 189, end: 207 },
        ],
      },
      { type: "paragraph", text: "Các thành viên được hỗ trợ ba khoản chính:" },
      {
        type: "list",
        ordered: false,
        items: [
          { text: "Giống rau được cấp miễn phí vụ đầu;", marks: [{ type: "bold", start: 10, end: 27 }] },
          "Tập huấn kỹ thuật hai buổi mỗi tháng;",
          "Bao tiêu đầu ra với giá sàn.",
        ],
      },
      { type: "subheading", text: "Quy trình đăng ký" },
      {
        type: "list",
        ordered: true,
        items: [
          "Nộp đơn tại trụ sở hợp tác xã;",
          { text: "Ký cam kết không dùng thuốc cấm.", marks: [{ type: "italic", start: 11, end: 31 }] },
        ],
      },
      {
        type: "paragraph",
        text: "Chi tiết xem tại trang của hợp tác xã.",
        marks: [
          { type: "link", start: 17, end: 37, href: "https://longphu.example.vn/htx-rau-sach?trang=2" },
          { type: "bold", start: 27, end: 37 },
        ],
      },
      ...pastedTable(["Loại rau", "Giá sàn (đồng/kg)"], ["Cải ngọt", "8.000"]),
      { type: "paragraph", text: "THANH LAN" },
    ]);
    expect(covered(blocks).slice(0, 6)).toStrictEqual([
      "bold:12 héc-ta",
      "italic:bước đi thận trọng",
      "bold:được cấp miễn phí",
      "italic:không dùng thuốc cấm",
      "link:trang của hợp tác xã",
      "bold:hợp tác xã",
    ]);
    expect(notes).toStrictEqual([REMOTE_NOTE, ...TABLE_NOTES]);
    expect(JSON.stringify(blocks)).not.toMatch(/mso|Times|Calibri|_GoBack|TL1|utm_|file:|#222222|\u00a0/);
    expect(await stored()).toEqual(before);
  });

  it("answers markup for the textarea without the JSON Accept header, the notes in a header", async () => {
    const res = await paste({ html: wordHtml }, { json: false });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    const markup = await res.text();
    expect(markup.split("\n\n").slice(0, 4)).toStrictEqual([
      "## Hợp tác xã rau sạch Long Phú mở rộng thêm 12 héc-ta",
      "Sau hai năm thử nghiệm, hợp tác xã rau sạch xã Long Phú quyết định mở rộng vùng trồng thêm **12 héc-ta**, nâng tổng diện tích lên 30 héc-ta. Theo ông Trần Văn Lộc, chủ nhiệm hợp tác xã, đây là *bước đi thận trọng* vì giá rau biến động mạnh trong mùa mưa.",
      "Các thành viên được hỗ trợ ba khoản chính:",
      "- Giống rau **được cấp miễn phí** vụ đầu;\n- Tập huấn kỹ thuật hai buổi mỗi tháng;\n- Bao tiêu đầu ra với giá sàn.",
    ]);
    expect(markup).toContain("[trang của **hợp tác xã**](https://longphu.example.vn/htx-rau-sach?trang=2).");
    expect(JSON.parse(decodeURIComponent(res.headers.get("x-paste-notes")!))).toStrictEqual([
      REMOTE_NOTE,
      ...TABLE_NOTES,
    ]);
  });
});

describe("pasting from Google Docs", () => {
  it("reads the docs-internal-guid wrapper, span styles, lists and links, unwrapping google.com/url and dropping tracking", async () => {
    const before = await stored();
    const { blocks, notes } = await pasteJson({ html: docsHtml });
    expect(blocks).toStrictEqual([
      { type: "subheading", text: "Chợ nổi Cái Răng đón khách trở lại" },
      {
        type: "paragraph",
        text: "Từ đầu tháng này, các ghe hàng ở chợ nổi Cái Răng bắt đầu nhộn nhịp trở lại. Nhiều hộ buôn cho biết lượng khách tăng gần gấp đôi so với cùng kỳ, nhất là khách đi theo đoàn từ thành phố Hồ Chí Minh.",
        marks: [
          { type: "bold", start: 112, end: 128 },
          { type: "italic", start: 175, end: 196 },
        ],
      },
      { type: "paragraph", text: "Ban quản lý chợ khuyến cáo du khách:" },
      {
        type: "list",
        ordered: false,
        items: [
          "Mặc áo phao khi xuống ghe;",
          { text: "Không xả rác xuống sông;", marks: [{ type: "bold", start: 0, end: 5 }] },
          "Đi chợ trước 8 giờ sáng.",
        ],
      },
      { type: "subheading", text: "Giá vé đò" },
      {
        type: "paragraph",
        text: "Giá vé được niêm yết tại bến Ninh Kiều và trên cổng du lịch thành phố.",
        marks: [
          { type: "link", start: 25, end: 38, href: "https://canthotourism.example.vn/cho-noi?ma=7" },
          { type: "bold", start: 47, end: 69 },
          { type: "link", start: 47, end: 69, href: "https://cantho.example.vn/du-lich" },
        ],
      },
      {
        type: "list",
        ordered: true,
        items: [
          "Đò nhỏ: 150.000 đồng/chuyến;",
          { text: "Tàu lớn: theo đoàn.", marks: [{ type: "italic", start: 9, end: 18 }] },
        ],
      },
      ...pastedTable(["Giờ", "Hoạt động"], ["5 giờ", "Ghe hàng cập bến"]),
    ]);
    expect(covered(blocks)).toContain("italic:thành phố Hồ Chí Minh");
    expect(covered(blocks)).toContain("link:cổng du lịch thành phố");
    expect(notes).toStrictEqual([REMOTE_NOTE, ...TABLE_NOTES]);
    expect(JSON.stringify(blocks)).not.toMatch(/docs-internal|Arial|#1155cc|google\.com|utm_|fbclid|googleusercontent/);
    expect(await stored()).toEqual(before);
  });
});

describe("pasting from LibreOffice Writer", () => {
  it("keeps the writing, drops <font>, colours and empty paragraphs, and uploads its data: image to the library", async () => {
    const before = await stored();
    const { blocks, notes } = await pasteJson({ html: libreOfficeHtml });
    const figure = blocks.find((b) => b.type === "figure");
    expect(figure).toBeDefined();
    const imageId = figure!.type === "figure" ? figure!.imageId : 0;
    expect(blocks).toStrictEqual([
      { type: "subheading", text: "Mùa nước nổi về sớm ở Tân Châu" },
      {
        type: "paragraph",
        text: "Năm nay nước từ thượng nguồn về sớm hơn mọi năm khoảng hai tuần. Người dân ven sông đã kê cao đồ đạc và chuẩn bị ghe xuồng từ cuối tháng Bảy, theo Trạm khí tượng thủy văn An Giang.",
        marks: [
          { type: "bold", start: 87, end: 100 },
          { type: "italic", start: 147, end: 179 },
        ],
      },
      { type: "paragraph", text: "Những việc chính quyền xã đã làm:" },
      {
        type: "list",
        ordered: true,
        items: [
          { text: "Rà soát 124 hộ sống ở vùng trũng;", marks: [{ type: "bold", start: 8, end: 14 }] },
          "Lập ba điểm tránh lũ tại trường học.",
        ],
      },
      { type: "figure", imageId },
      {
        type: "list",
        ordered: false,
        items: [
          "Số điện thoại trực lũ: 0296 3800 000",
          {
            text: "Xem bản đồ vùng trũng trên trang của thị xã.",
            marks: [{ type: "link", start: 27, end: 43, href: "https://tanchau.example.vn/ban-do-lu.html" }],
          },
        ],
      },
      { type: "paragraph", text: "MINH KHOA", marks: [{ type: "bold", start: 0, end: 9 }] },
    ]);
    expect(covered(blocks)).toStrictEqual([
      "bold:kê cao đồ đạc",
      "italic:Trạm khí tượng thủy văn An Giang",
      "bold:124 hộ",
      "link:trang của thị xã",
      "bold:MINH KHOA",
    ]);
    expect(notes).toStrictEqual([
      "Đã tải 1 ảnh trong đoạn dán lên thư viện ảnh; hãy thêm mô tả, chú thích và tác giả cho từng ảnh.",
    ]);
    // The photo is in the library exactly as an upload would be: D1 row, R2 object, audit entry.
    const row = await env.DB.prepare("select * from images where id = ?")
      .bind(imageId)
      .first<Record<string, string | number>>();
    expect(row).toMatchObject({
      mime: "image/png",
      width: 64,
      height: 48,
      bytes: PNG.byteLength,
      uploaded_by: editor.id,
    });
    expect(row!.alt).toBe("Ảnh dán vào bài (cần thêm mô tả)");
    const object = await env.MEDIA.get(String(row!.r2_key));
    expect(new Uint8Array(await object!.arrayBuffer())).toEqual(PNG);
    const entry = await env.DB.prepare("select action, detail from audit_log where target = ?")
      .bind(`image:${imageId}`)
      .first();
    expect(entry).toEqual({ action: "image.upload", detail: "dán vào bài viết" });
    expect(await stored()).toEqual({ images: before.images + 1, objects: before.objects + 1 });
  });
});

describe("pasting plain text", () => {
  it("Zalo: no blank lines, so every line is a paragraph; bullets become a list; a wrap into lowercase joins", async () => {
    const { blocks, notes } = await pasteJson({ text: zaloText });
    expect(blocks).toStrictEqual([
      { type: "paragraph", text: "Thông báo lịch cắt điện tuần này" },
      { type: "paragraph", text: "Khu vực phường 5 cắt điện từ 7 giờ đến 11 giờ sáng thứ Ba." },
      { type: "paragraph", text: "Khu vực xã Tân Thành cắt điện cả ngày thứ Năm để thay trụ điện hạ thế." },
      { type: "paragraph", text: "Bà con lưu ý:" },
      { type: "list", ordered: false, items: ["Rút phích cắm các thiết bị trước giờ cắt", "Không tự ý leo trụ điện"] },
      { type: "paragraph", text: "Mọi thắc mắc gọi tổng đài 1900 1006 🙏" },
    ]);
    expect(notes).toStrictEqual([]);
  });

  it("e-mail: blank lines separate paragraphs, hard wraps join, an address keeps its line breaks", async () => {
    const { blocks } = await pasteJson({ text: emailText });
    expect(blocks).toStrictEqual([
      { type: "paragraph", text: "Chào anh Hùng," },
      {
        type: "paragraph",
        text: "Em gửi anh bài về hội thi nấu bánh dân gian ở Phong Điền. Năm nay hội thi có 36 đội tham gia, đông nhất từ trước đến nay, trong đó có 5 đội đến từ các tỉnh bạn. Ban tổ chức chấm theo ba tiêu chí: hương vị, cách trình bày và câu chuyện về món bánh.",
      },
      {
        type: "paragraph",
        text: "Giải nhất thuộc về đội xã Nhơn Ái với món bánh lá mơ; giải nhì là đội Trường Long với bánh xèo rau rừng.",
      },
      {
        type: "paragraph",
        text: "Thông tin liên hệ ban tổ chức:\nPhòng Văn hóa huyện Phong Điền\nSố 8 đường 3 Tháng 2",
      },
      { type: "paragraph", text: "Ý kiến của giám khảo:" },
      {
        type: "list",
        ordered: true,
        items: ["Các đội chuẩn bị kỹ, nguyên liệu đúng mùa;", "Nên có thêm phần thi dành cho học sinh."],
      },
      { type: "paragraph", text: "Em Ngọc" },
    ]);
  });

  it("Word's text/plain: CRLF, blank lines between paragraphs, tab after the bullet", async () => {
    const { blocks } = await pasteJson({ text: wordText });
    expect(blocks).toStrictEqual([
      { type: "paragraph", text: "Tuyến đường ven kênh Xà No sắp hoàn thành" },
      {
        type: "paragraph",
        text: "Sau 18 tháng thi công, tuyến đường dài 7,5 km dọc kênh Xà No đã hoàn thành 90% khối lượng.",
      },
      {
        type: "paragraph",
        text: "Theo Ban quản lý dự án, tuyến đường giúp người dân hai bên kênh vận chuyển nông sản thuận tiện hơn, thay cho đường đất lầy lội vào mùa mưa.",
      },
      { type: "paragraph", text: "Các hạng mục còn lại gồm:" },
      { type: "list", ordered: false, items: ["Lắp đèn chiếu sáng", "Trồng cây xanh hai bên"] },
      { type: "paragraph", text: "QUANG VINH" },
    ]);
  });

  it("follows the written rule line by line", () => {
    expect(textToMarkup("Một\nHai\nba")).toBe("Một\n\nHai ba");
    expect(textToMarkup("Một.\nhai")).toBe("Một.\n\nhai");
    expect(textToMarkup("Bài thơ\n\nTrăng lên\nSoi bóng dừa\n\nHết.")).toBe(
      "Bài thơ\n\nTrăng lên\nSoi bóng dừa\n\nHết.",
    );
    expect(textToMarkup("• Một\n* Hai\n+ Ba\n1) Bốn\n2. Năm")).toBe("- Một\n- Hai\n- Ba\n\n1. Bốn\n2. Năm");
    expect(textToMarkup("\r\n\r\n  Chỉ một dòng\u200b  \r\n")).toBe("Chỉ một dòng");
  });
});

describe("images in a paste", () => {
  it("uploads data: PNG and JPEG images as library photos and returns figures in place", async () => {
    const before = await stored();
    const html = `<p>Trước ảnh.</p><p><img alt="Cánh đồng lúa" src="${dataUrl("image/png", PNG)}"></p><p>Giữa.<img src="${dataUrl("image/jpeg", testPhotoBytes())}">Sau.</p>`;
    const { blocks, notes, images } = await pasteJson({ html });
    expect(blocks.map((b) => b.type)).toStrictEqual(["paragraph", "figure", "paragraph", "figure", "paragraph"]);
    const ids = blocks.flatMap((b) => (b.type === "figure" ? [b.imageId] : []));
    const rows = await env.DB.prepare(
      `select id, mime, alt, r2_key from images where id in (${ids.join(",")}) order by id`,
    ).all();
    expect(rows.results.map((r) => [r.mime, r.alt])).toStrictEqual([
      ["image/png", "Cánh đồng lúa"],
      ["image/jpeg", "Ảnh dán vào bài (cần thêm mô tả)"],
    ]);
    for (const r of rows.results) expect(await env.MEDIA.head(String(r.r2_key))).not.toBeNull();
    // The editor is told how to show them.
    expect(images[String(ids[0])]).toEqual({
      thumbUrl: `/media/${rows.results[0]!.r2_key}?w=360`,
      alt: "Cánh đồng lúa",
      caption: "",
      credit: "",
    });
    expect(Object.keys(images)).toHaveLength(2);
    expect(notes).toStrictEqual([
      "Đã tải 2 ảnh trong đoạn dán lên thư viện ảnh; hãy thêm mô tả, chú thích và tác giả cho từng ảnh.",
    ]);
    expect(await stored()).toEqual({ images: before.images + 2, objects: before.objects + 2 });
  });

  it("gives the textarea [[anh:ID]] markup for an uploaded image", async () => {
    const res = await paste({ html: `<p>Ảnh:</p><img src="${dataUrl("image/png", PNG)}">` }, { json: false });
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/^Ảnh:\n\n\[\[anh:\d+\]\]$/);
  });

  it("never hotlinks: http, file: and cid: images are dropped with a Vietnamese note, nothing stored", async () => {
    const before = await stored();
    const { blocks, notes } = await pasteJson({
      html: `<p>Chữ</p><img src="https://anh.example.com/a.jpg"><img src="file:///C:/a.png"><img src="cid:image001.png@01DA"><img src="//cdn.example.com/b.png">`,
    });
    expect(blocks).toStrictEqual([{ type: "paragraph", text: "Chữ" }]);
    expect(notes).toStrictEqual(["Đã bỏ 4 ảnh dán từ trang khác: hãy tải ảnh lên thư viện rồi chèn vào bài."]);
    expect(await stored()).toEqual(before);
  });

  it("refuses hostile data: URLs one by one with a note, storing none of them", async () => {
    const before = await stored();
    const svg = btoa(`<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>`);
    const { blocks, notes } = await pasteJson({
      html: [
        `<p>Chữ</p>`,
        `<img src="data:image/png;base64,@@@không phải base64@@@">`,
        `<img src="data:image/svg+xml;base64,${svg}">`,
        `<img src="data:image/png;base64,${btoa("<script>alert(1)</script>")}">`,
        `<img src="data:text/html,<script>alert(1)</script>">`,
        `<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">`,
        `<img src="data:image/png;base64,${base64(PNG.slice(0, 40))}">`,
      ].join(""),
    });
    expect(blocks).toStrictEqual([{ type: "paragraph", text: "Chữ" }]);
    expect(notes).toHaveLength(6);
    expect(notes[0]).toBe("Đã bỏ ảnh thứ 1 trong đoạn dán: Dữ liệu ảnh bị hỏng (base64 không hợp lệ).");
    expect(notes[1]).toBe(
      "Đã bỏ ảnh thứ 2 trong đoạn dán: Ảnh SVG không được nhận; chỉ nhận JPEG, PNG, WebP hoặc AVIF.",
    );
    for (const note of notes) expect(note).toMatch(/^Đã bỏ ảnh thứ \d trong đoạn dán: /);
    expect(await stored()).toEqual(before);
  });

  it("uploads at most 10 images from one paste and says what it left out", async () => {
    const before = await stored();
    const img = `<img src="${dataUrl("image/png", PNG)}">`;
    const { blocks, notes } = await pasteJson({ html: `<p>Nhiều ảnh</p>${img.repeat(12)}` });
    expect(blocks.filter((b) => b.type === "figure")).toHaveLength(10);
    expect(notes).toContain("Mỗi lần dán chỉ tải lên tối đa 10 ảnh; đã bỏ 2 ảnh còn lại: hãy tải chúng lên thư viện.");
    expect(await stored()).toEqual({ images: before.images + 10, objects: before.objects + 10 });
  });

  it("removes what it stored when storing fails halfway: nothing half-written", async () => {
    const before = await stored();
    // R2 takes the first photo, then fails on the second.
    let puts = 0;
    const media = new Proxy(env.MEDIA, {
      get(target, key) {
        const value = Reflect.get(target, key);
        if (typeof value !== "function") return value;
        if (key === "put" && ++puts === 2)
          return () => Promise.reject(new Error("R2 put: We encountered an internal error. (simulated)"));
        return value.bind(target);
      },
    });
    const img = `<img src="${dataUrl("image/png", PNG)}">`;
    const res = await paste({ html: `<p>Hai ảnh</p>${img}${img}` }, { env: { MEDIA: media } });
    expect(res.status).toBe(500);
    expect(puts).toBe(2);
    expect(await stored()).toEqual(before);
  });
});

describe("hostile pastes", () => {
  it("drops scripts, event handlers and javascript:/data:/protocol-relative links, keeping the text", async () => {
    const { blocks } = await pasteJson({
      html: `<p onclick="alert(1)" onmouseover="alert(2)">Chữ <script>alert(3)</script><a href="javascript:alert(4)">một</a> <a href=" JaVaScRiPt:alert(5)">hai</a> <a href="data:text/html,x">ba</a> <a href="//evil.example/">bốn</a> <a href="https://www.google.com/url?q=javascript:alert(6)">năm</a></p><style>p{}</style><iframe src="https://evil.example"></iframe>`,
    });
    expect(blocks).toStrictEqual([{ type: "paragraph", text: "Chữ một hai ba bốn năm" }]);
  });

  it("refuses 10,000 paragraphs with a Vietnamese 413 before storing anything", async () => {
    const before = await stored();
    const html = `<img src="${dataUrl("image/png", PNG)}">${"<p>Đoạn văn.</p>".repeat(10_000)}`;
    const res = await paste({ html });
    expect(res.status).toBe(413);
    expect((await res.json()) as unknown).toEqual({
      error: "Đoạn dán vào quá dài cho một bài viết (tối đa 500 đoạn và 200.000 ký tự). Hãy dán từng phần.",
    });
    const text = await paste({ text: "Dòng\n".repeat(10_000) }, { json: false });
    expect(text.status).toBe(413);
    expect(await text.text()).toContain("Hãy dán từng phần");
    // One sentence wrapped over 200,000 lines: joined in linear time, then too long.
    const started = Date.now();
    expect((await paste({ text: "chữ\n".repeat(200_000) })).status).toBe(413);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await stored()).toEqual(before);
  });

  it("refuses one endless paragraph, row or table the same way, without reading it all", async () => {
    const started = Date.now();
    for (const html of [
      `<table>${"<tr><td>a<td>b".repeat(100_000)}</table>`,
      `<table><tr>${"<td>x".repeat(500_000)}</table>`,
      `<p>${"<b>đậm</b> <a href='https://a.vn/'>nối</a> ".repeat(100_000)}</p>`,
      // Markup typed in the document: link openers whose ")" never comes (read in linear time, inline.ts).
      `<p>${"[a](b **c* ".repeat(35_000)}</p>`,
    ]) {
      const res = await paste({ html });
      expect(res.status).toBe(413);
    }
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("reads deeply nested and unclosed tags in linear time", async () => {
    const started = Date.now();
    const deep = `${"<b><i><span><a href='https://a.example'>".repeat(20_000)}Sâu${"</a></span></i></b>".repeat(20_000)}`;
    const { blocks } = await pasteJson({
      html: `${deep}<p>Tiếp</p>${"<![if x]>".repeat(50_000)}${"<![CDATA[".repeat(50_000)}`,
    });
    expect(blocks[0]).toMatchObject({ type: "paragraph", text: "Sâu" });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("refuses a body over 10 MB, an empty paste and a paste without the form token", async () => {
    const big = await paste({ html: `<p>${"x".repeat(10 * 1024 * 1024 + 10)}</p>` });
    expect(big.status).toBe(413);
    expect(await big.text()).toContain("tối đa 10 MB");
    const empty = await paste({ html: "  ", text: "" });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toEqual({ error: "Không có nội dung để dán." });
    const noToken = await get(PATH, {
      method: "POST",
      headers: { cookie: editor.cookie, origin: ORIGIN, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ html: "<p>x</p>" }).toString(),
    });
    expect(noToken.status).toBe(403);
  });
});

describe("office quirks", () => {
  const markup = (html: string) => partsToMarkup(readPastedHtml(html).parts, new Map());

  it("reads Word's Title style as a subheading and drops comment marks and Word-only sections", () => {
    expect(
      markup(
        `<p class=MsoTitle>Tiêu đề <b>bài</b></p><p class=MsoNormal>Chữ<span class=MsoCommentReference><span style='mso-special-character:comment'>&nbsp;[PV1]</span></span>.<![if !supportLineBreakNewLine]><br><![endif]></p><![if !supportFootnotes]><p>Chú thích cuối trang</p><![endif]>`,
      ),
    ).toBe("## Tiêu đề bài\n\nChữ.");
  });

  it("reads what Word shows browsers in <![if !vml]> and drops its VML twin", () => {
    const { images } = readPastedHtml(
      `<!--[if gte vml 1]><v:imagedata src="file:///C:/a.png"/><![endif]--><![if !vml]><img src="file:///C:/b.png" alt="Bến đò"><![endif]>`,
    );
    expect(images).toStrictEqual([{ src: "file:///C:/b.png", alt: "Bến đò" }]);
  });
});

describe("tables in a paste", () => {
  const read = (html: string) => {
    const { parts } = readPastedHtml(html);
    return {
      blocks: partsToBlocks(parts, new Map()),
      markup: partsToMarkup(parts, new Map()),
      asText: tablesAsText(parts),
    };
  };

  it("reads rows and cells, pads colspans, keeps a caption, and places images in cells after the table", () => {
    const { parts } = readPastedHtml(
      `<p>Trước</p><table><caption>Giá <b>lúa</b></caption><tr><th colspan=2>Loại</th><th>Giá</th></tr><tr><td>IR 50404<td><i>khô</i><td><p>5.200</p><p>đồng</p><img src="https://a.example/x.png"></td></tr><tr><td></td><td> </td><td></td></tr></table><p>Sau</p>`,
    );
    expect(parts).toStrictEqual([
      { kind: "markup", markup: "Trước" },
      {
        kind: "table",
        caption: "Giá **lúa**",
        rows: [
          ["Loại", "", "Giá"],
          ["IR 50404", "*khô*", "5.200 đồng"],
        ],
      },
      { kind: "image", index: 0 },
      { kind: "markup", markup: "Sau" },
    ]);
  });

  it("keeps a one-row layout table and a table inside a table as text", () => {
    const layout = read(`<table><tr><td>Ô một</td><td>Ô <b>hai</b></td></tr></table>`);
    expect(layout.blocks).toStrictEqual([
      { type: "paragraph", text: "Ô một | Ô hai", marks: [{ type: "bold", start: 10, end: 13 }] },
    ]);
    expect(layout.markup).toBe("Ô một | Ô **hai**");
    expect(layout.asText).toBe(1);
    const nested = readPastedHtml(
      `<table><tr><td>A</td><td><table><tr><td>B</td><td>C</td></tr></table></td></tr><tr><td>D</td><td>E</td></tr></table>`,
    );
    expect(nested.parts).toStrictEqual([
      {
        kind: "table",
        caption: "",
        rows: [
          ["A", "B C"],
          ["D", "E"],
        ],
      },
    ]);
  });
});

describe("links with tracking", () => {
  it("unwraps redirectors and drops campaign parameters, keeping the rest", () => {
    expect(
      cleanPastedHref("https://www.google.com/url?q=https://a.vn/x?id%3D5%26utm_source%3Dfb&sa=D&ust=1&usg=A"),
    ).toBe("https://a.vn/x?id=5");
    expect(cleanPastedHref("https://l.facebook.com/l.php?u=https%3A%2F%2Fb.vn%2F%3Ffbclid%3Dx&h=AT0")).toBe(
      "https://b.vn/",
    );
    expect(cleanPastedHref("https://baodongbang.example.vn/bai.html?trang=2&gclid=1&zarsrc=30")).toBe(
      "https://baodongbang.example.vn/bai.html?trang=2",
    );
    expect(cleanPastedHref("https://a.vn/?q=mua%20l%C5%A9")).toBe("https://a.vn/?q=mua%20l%C5%A9");
    expect(cleanPastedHref("/kinh-te/bai-1.html?utm_source=x")).toBe("/kinh-te/bai-1.html?utm_source=x");
    expect(cleanPastedHref("#_GoBack")).toBeNull();
    expect(cleanPastedHref("https://www.google.com/url?q=data:text/html,x")).toBeNull();
  });
});

describe("data: URL images", () => {
  it("decodes only base64 JPEG, PNG, WebP and AVIF within the size limit", () => {
    expect(decodeDataImage(dataUrl("image/png", PNG), 1_000_000)).toMatchObject({ ok: true, mime: "image/png" });
    // The claimed type is not trusted: the bytes decide.
    expect(decodeDataImage(dataUrl("image/jpeg", PNG), 1_000_000)).toMatchObject({ ok: true, mime: "image/png" });
    expect(decodeDataImage(dataUrl("image/png", PNG), 100)).toEqual({
      ok: false,
      message: "Ảnh quá lớn (còn nhận được tối đa 0 KB).",
    });
    expect(decodeDataImage("data:image/png,%89PNG", 1000).ok).toBe(false);
    expect(decodeDataImage("data:image/png;base64,A", 1000).ok).toBe(false);
  });
});
