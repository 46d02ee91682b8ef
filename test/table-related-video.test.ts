// Tables, "Xem thêm" and videos as stored blocks: validation with Vietnamese
// reasons, the markup that round-trips them, their reader HTML, and the
// promise that no body stored before them renders any differently.
import { h } from "preact";
import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { type BodyBlock, blockText, figureImageIds, InvalidBodyError, parseBody } from "../src/content/blocks";
import { MARKUP_HELP } from "../src/content/markup/help";
import { markupToBlocks } from "../src/content/markup/parse";
import { htmlToMarkup } from "../src/content/markup/paste-html";
import { blocksToMarkup } from "../src/content/markup/serialize";
import type { Mark, RichItem } from "../src/content/rich-text";
import type { ArticleLink, ImageData } from "../src/model/article";
import { BodyBlockView, InfoBox, splitBody } from "../src/views/ArticleBody";
import BEFORE from "./fixtures/demo-bodies-d1f34ad.json";

const roundTrip = (blocks: BodyBlock[]) => parseBody(markupToBlocks(blocksToMarkup(blocks)));
const refusal = (body: unknown): string => {
  try {
    parseBody(body);
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidBodyError);
    return (e as Error).message;
  }
  throw new Error("accepted");
};
/** A table as a tampered form might send it: cells are not checked here, parseBody checks them. */
const table = (header: unknown[], rows: unknown[][], caption?: string) => ({
  type: "table",
  header,
  rows,
  ...(caption === undefined ? {} : { caption }),
});
const row = (n: number, cell = "x") => Array.from({ length: n }, (_, i) => `${cell}${i}`);

function renderBody(
  blocks: BodyBlock[],
  figures = new Map<number, ImageData>(),
  lite = false,
  seeAlso?: Map<number, ArticleLink>,
) {
  const { flow, asides } = splitBody(blocks);
  return renderToString(
    h(
      "div",
      null,
      ...flow.map((block) => h(BodyBlockView, { block, figures, seeAlso, lite })),
      ...asides.map((block) => h(InfoBox, { block })),
    ),
  );
}

describe("table blocks", () => {
  it("accept a header of 1-12 cells, 1-100 rows of as many cells, marks and empty cells", () => {
    const [t] = parseBody([
      table(
        ["", { text: "Giá", marks: [{ type: "bold", start: 0, end: 3 }] }],
        [
          ["Lúa OM 18", "7.200 đ"],
          ["  Lúa ST25 ".normalize("NFD"), ""],
        ],
        "  ",
      ),
    ]);
    // An empty caption is no caption; cells trimmed and NFC like every text.
    expect(t).toStrictEqual({
      type: "table",
      header: ["", { text: "Giá", marks: [{ type: "bold", start: 0, end: 3 }] }],
      rows: [
        ["Lúa OM 18", "7.200 đ"],
        ["Lúa ST25", ""],
      ],
    });
    expect(() => parseBody([table(row(12), Array(100).fill(row(12)), "Bảng lớn nhất")])).not.toThrow();
  });

  it("refuse 13 columns, 101 rows, ragged rows, no rows, long or multi-kind cells, in Vietnamese", () => {
    expect(refusal([table(row(13), [row(13)])])).toContain("Bảng tối đa 12 cột");
    expect(refusal([table(row(2), Array(101).fill(row(2)))])).toContain("Bảng tối đa 100 hàng");
    expect(refusal([table(row(3), [row(3), row(2), row(4)])])).toMatch(
      /Hàng 2 của bảng có 2 ô, cần đúng 3 ô.*Hàng 3 của bảng có 4 ô, cần đúng 3 ô/,
    );
    expect(refusal([table(row(2), [])])).toContain("Bảng cần ít nhất một hàng");
    expect(refusal([table([], [[]])])).toContain("Bảng cần ít nhất một cột");
    expect(refusal([table(["a"], [["x".repeat(501)]])])).toContain("Tối đa 500 ký tự");
    expect(refusal([table(["a"], [[{ text: "b", html: "<b>" }]])])).toBeTruthy();
    expect(refusal([{ type: "table", header: ["a"], rows: [["b"]], style: "color:red" }])).toBeTruthy();
  });

  it("refuse javascript:, data: and protocol-relative links and marks outside the cell", () => {
    for (const href of ["javascript:alert(1)", "data:text/html,x", "//evil.example", "/\\evil.example"]) {
      const cell = { text: "bấm", marks: [{ type: "link", start: 0, end: 3, href }] };
      expect(refusal([table(["a"], [[cell]])]), href).toContain("Liên kết chỉ được là địa chỉ http://");
      expect(refusal([table([cell], [["b"]])]), href).toContain("Liên kết chỉ được là địa chỉ http://");
    }
    expect(refusal([table(["a"], [[{ text: "ab", marks: [{ type: "bold", start: 1, end: 9 }] }]])])).toContain(
      "Định dạng nằm ngoài đoạn chữ",
    );
    const overlapping: Mark[] = [
      { type: "link", start: 0, end: 3, href: "/a" },
      { type: "link", start: 2, end: 4, href: "/b" },
    ];
    expect(refusal([table(["a"], [[{ text: "abcd", marks: overlapping }]])])).toContain(
      "Các liên kết không được chồng lên nhau",
    );
  });

  it("render as a scrollable table with column headers, caption and marks, escaped", () => {
    const body = parseBody([
      table(
        ["", "Giá <b>"],
        [
          [
            { text: "ST25", marks: [{ type: "link", start: 0, end: 4, href: "https://gia.example/st25" }] },
            { text: "9.200 *x*", marks: [{ type: "italic", start: 6, end: 9 }] },
          ],
        ],
        "Giá lúa",
      ),
    ]);
    expect(renderBody(body)).toBe(
      '<div><div class="tbl" tabindex="0"><table><caption>Giá lúa</caption><thead><tr><td></td><th scope="col">Giá &lt;b></th></tr></thead>' +
        '<tbody><tr><td><a href="https://gia.example/st25" rel="noopener">ST25</a></td><td>9.200 <em>*x*</em></td></tr></tbody></table></div></div>',
    );
  });
});

describe("Xem thêm and video blocks", () => {
  it("refuse a related block without a whole positive article number", () => {
    for (const articleId of [0, -3, 1.5, "12", null])
      expect(refusal([{ type: "related", articleId }]), String(articleId)).toContain(
        "“Xem thêm” cần số của một bài viết",
      );
    expect(refusal([{ type: "related", articleId: 3, headline: "x" }])).toBeTruthy();
  });

  it("accept YouTube and Facebook ids of the right shape only", () => {
    const video = (over: Record<string, unknown>) => ({
      type: "video",
      provider: "youtube",
      videoId: "dQw4w9WgXcQ",
      title: "Đua ghe ngo",
      ...over,
    });
    expect(parseBody([video({ imageId: 4 }), video({ provider: "facebook", videoId: "1234567890" })])).toHaveLength(2);
    for (const videoId of ["javascript:alert(1)", "dQw4w9WgXc", "dQw4w9WgXcQQ", "dQw4w9WgX/Q", "../../x?a=1"])
      expect(refusal([video({ videoId })]), videoId).toContain("Mã video YouTube gồm đúng 11 ký tự");
    for (const videoId of ["1234", "12a456", "https://facebook.com/1"])
      expect(refusal([video({ provider: "facebook", videoId })]), videoId).toContain("Mã video Facebook gồm 5 đến 20");
    for (const provider of ["vimeo", "YouTube", "javascript"])
      expect(refusal([video({ provider })]), provider).toContain("Video chỉ nhận từ YouTube");
    expect(refusal([video({ title: "  " })])).toContain("Video cần tiêu đề");
    expect(refusal([video({ title: "x".repeat(201) })])).toContain("Tiêu đề video tối đa 200 ký tự");
    expect(refusal([video({ imageId: "anh:4" })])).toContain("Ảnh đại diện của video phải là số ảnh");
    expect(refusal([video({ src: "https://evil.example/x.mp4" })])).toBeTruthy();
  });

  it("count a video's thumbnail among the body's photos, and give search the words of every new block", () => {
    const body = parseBody([
      { type: "figure", imageId: 3 },
      { type: "video", provider: "youtube", videoId: "dQw4w9WgXcQ", title: "Đua ghe ngo", imageId: 7 },
      { type: "video", provider: "facebook", videoId: "123456789", title: "Không ảnh" },
      table(["Đội", "Hạng"], [[{ text: "Prek Tô", marks: [{ type: "bold", start: 0, end: 7 }] }, "1"]], "Kết quả"),
      { type: "related", articleId: 2 },
    ]);
    expect(figureImageIds(body)).toStrictEqual([3, 7]);
    expect(body.map(blockText)).toStrictEqual(["", "Đua ghe ngo", "Không ảnh", "Kết quả\nĐội Hạng\nPrek Tô 1", ""]);
  });

  it("render Xem thêm as a link to a published article, and nothing for one that is not", () => {
    const body = parseBody([
      { type: "related", articleId: 5 },
      { type: "related", articleId: 6 },
    ]);
    const seeAlso = new Map([
      [5, { id: 5, slug: "gia-lua", section: { slug: "kinh-te" }, headline: "Giá lúa <tăng>" }],
    ]);
    expect(renderBody(body, new Map(), false, seeAlso)).toBe(
      '<div><p class="see-also"><strong>Xem thêm:</strong> <a href="/kinh-te/gia-lua-5.html">Giá lúa &lt;tăng></a></p></div>',
    );
    expect(renderBody(body)).toBe("<div></div>");
  });

  it("render a video as our photo and a play button inside a real link; the light edition as a link", () => {
    const [yt, fb] = parseBody([
      { type: "video", provider: "youtube", videoId: "dQw4w9WgXcQ", title: 'Đua "ghe" <ngo>', imageId: 7 },
      { type: "video", provider: "facebook", videoId: "123456789", title: "Lễ hội" },
    ]);
    const image: ImageData = {
      id: 7,
      key: "demo/7.jpg",
      width: 1200,
      height: 800,
      alt: "Ghe",
      caption: "",
      credit: "",
    };
    const html = renderBody([yt!, fb!], new Map([[7, image]]));
    expect(html).toContain(
      '<a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ" data-embed="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1" data-title="Đua &quot;ghe&quot; &lt;ngo>">',
    );
    expect(html).toContain('src="/media/demo/7.jpg?w=720"');
    // Decorative: the link's words say what it is (an empty alt="" is written "alt").
    expect(html).toMatch(/<img [^>]* alt loading="lazy"/);
    expect(html).toContain("Xem video: Đua &quot;ghe&quot; &lt;ngo> (YouTube)");
    expect(html).toContain(
      'href="https://www.facebook.com/watch/?v=123456789" data-embed="https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2Fwatch%2F%3Fv%3D123456789&amp;show_text=false&amp;autoplay=true"',
    );
    // Nothing from the providers is fetched before the tap: no frame, no image of theirs.
    expect(html).not.toMatch(/<iframe|ytimg|fbcdn|<script/);
    const lite = renderBody([yt!, fb!], new Map([[7, image]]), true);
    expect(lite).toBe(
      '<div><p class="photo-link"><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">Xem video: Đua &quot;ghe&quot; &lt;ngo> (YouTube)</a></p>' +
        '<p class="photo-link"><a href="https://www.facebook.com/watch/?v=123456789">Xem video: Lễ hội (Facebook)</a></p></div>',
    );
  });
});

describe("the markup for tables, Xem thêm and videos", () => {
  it("reads what the help says", () => {
    const markup = [
      "Giá lúa hôm nay:",
      "[bảng: Giá lúa ngày 20/11]",
      "| Loại | Giá **(đ/kg)** |",
      "|:---|---:|",
      "| OM 18 | 7.200 |",
      "| [ST25](https://gia.example/a\\|b) \\| thơm |  |",
      "",
      "[[xem-them:12]]",
      "[[Xem thêm: 13]]",
      "",
      "[[video:YouTube:dQw4w9WgXcQ | Đua ghe \\| ngo | anh:3]]",
      "[[video:facebook:1234567890 | Lễ hội]]",
      "",
      "| chỉ là chữ |",
    ].join("\n");
    expect(parseBody(markupToBlocks(markup))).toStrictEqual([
      { type: "paragraph", text: "Giá lúa hôm nay:" },
      {
        type: "table",
        caption: "Giá lúa ngày 20/11",
        header: ["Loại", { text: "Giá (đ/kg)", marks: [{ type: "bold", start: 4, end: 10 }] }],
        rows: [
          ["OM 18", "7.200"],
          [{ text: "ST25 | thơm", marks: [{ type: "link", start: 0, end: 4, href: "https://gia.example/a|b" }] }, ""],
        ],
      },
      { type: "related", articleId: 12 },
      { type: "related", articleId: 13 },
      { type: "video", provider: "youtube", videoId: "dQw4w9WgXcQ", title: "Đua ghe | ngo", imageId: 3 },
      { type: "video", provider: "facebook", videoId: "1234567890", title: "Lễ hội" },
      { type: "paragraph", text: "| chỉ là chữ |" },
    ]);
    for (const syntax of ["| --- |", "[bang:", "[[xem-them:", "[[video:youtube:"])
      expect(MARKUP_HELP).toContain(syntax);
  });

  it("refuses ragged rows and bad videos typed in the markup with the reason", () => {
    expect(refusal(markupToBlocks("| a | b |\n| --- | --- |\n| 1 |"))).toContain(
      "Hàng 1 của bảng có 1 ô, cần đúng 2 ô như hàng tiêu đề",
    );
    expect(refusal(markupToBlocks("[[video:vimeo:123 | x]]"))).toContain("Video chỉ nhận từ YouTube");
    expect(refusal(markupToBlocks("[[video:youtube:javascript:alert(1) | x]]"))).toContain("Mã video YouTube");
    expect(refusal(markupToBlocks("[[video:youtube:dQw4w9WgXcQ]]"))).toContain("Video cần tiêu đề");
    expect(refusal(markupToBlocks("[[video:youtube:dQw4w9WgXcQ | x | anh:abc]]"))).toContain(
      "Ảnh đại diện của video phải là số ảnh",
    );
  });

  it("round-trips random bodies with every block exactly (seeded)", () => {
    let seed = 1818;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const alphabet = [
      "a",
      "đ",
      " ",
      "*",
      "**",
      "[",
      "]",
      "(",
      ")",
      "\\",
      "|",
      "\\|",
      "- ",
      "## ",
      "> ",
      "---",
      ":",
      '""',
      "[[",
      "]]",
      "anh:1",
      "\n",
    ];
    const words = (max: number, oneLine = false) => {
      const s = `x${Array.from({ length: rnd(max) }, () => alphabet[rnd(alphabet.length)]).join("")}y`;
      return oneLine ? s.replace(/\n/g, " ") : s;
    };
    const rich = (oneLine: boolean): RichItem => {
      const text = words(20, oneLine);
      const marks: Mark[] = [];
      let linkEnd = 0;
      for (let k = rnd(4); k > 0; k--) {
        const start = rnd(text.length - 1);
        const end = start + 1 + rnd(text.length - start - 1);
        const type = (["bold", "italic", "link"] as const)[rnd(3)]!;
        if (type !== "link") marks.push({ type, start, end });
        else if (start >= linkEnd) {
          marks.push({ type, start, end, href: ["/a(b)", "https://x.example/a|b"][rnd(2)]! });
          linkEnd = end;
        }
      }
      return { text, marks };
    };
    const cell = (): RichItem => (rnd(5) === 0 ? "" : rich(true));
    const block = (): unknown => {
      switch (rnd(8)) {
        case 0: {
          const cols = 1 + rnd(12);
          const rows = Array.from({ length: 1 + rnd(4) }, () => Array.from({ length: cols }, cell));
          return table(Array.from({ length: cols }, cell), rows, rnd(2) ? words(10) : undefined);
        }
        case 1:
          return { type: "related", articleId: 1 + rnd(100_000) };
        case 2:
          return {
            type: "video",
            provider: "youtube",
            videoId: "aZ09_-".repeat(2).slice(0, 11),
            title: words(15),
            ...(rnd(2) ? { imageId: 1 + rnd(500) } : {}),
          };
        case 3:
          return { type: "video", provider: "facebook", videoId: String(10_000 + rnd(10 ** 9)), title: words(15) };
        case 4:
          return { type: "paragraph", ...(rich(false) as object) };
        case 5:
          return { type: "list", ordered: rnd(2) === 1, items: [rich(true), rich(true)] };
        case 6:
          return { type: "aside", items: [rich(false)] };
        default:
          return { type: "subheading", text: words(10) };
      }
    };
    let tables = 0;
    for (let n = 0; n < 300; n++) {
      const body = parseBody(Array.from({ length: 1 + rnd(6) }, block));
      tables += body.filter((b) => b.type === "table").length;
      expect(roundTrip(body), JSON.stringify(body)).toStrictEqual(body);
      const markup = blocksToMarkup(body);
      expect(blocksToMarkup(parseBody(markupToBlocks(markup)))).toBe(markup);
    }
    expect(tables).toBeGreaterThan(50);
  });
});

describe("pasted HTML tables", () => {
  const DOCS = `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-3f1a2b4c-7fff-1a2b-3c4d-5e6f7a8b9c0d"><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;font-weight:400;">Giá lúa tuần này:</span></p><div dir="ltr" style="margin-left:0pt;" align="left"><table style="border:none;border-collapse:collapse;"><colgroup><col width="200" /><col width="200" /></colgroup><tbody><tr style="height:0pt"><td style="border-left:solid #000000 1pt;border-right:solid #000000 1pt;border-bottom:solid #000000 1pt;border-top:solid #000000 1pt;vertical-align:top;padding:5pt 5pt 5pt 5pt;overflow:hidden;overflow-wrap:break-word;"><p dir="ltr" style="line-height:1.2;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;font-weight:700;">Loại</span></p></td><td style="border-left:solid #000000 1pt;vertical-align:top;padding:5pt 5pt 5pt 5pt;"><p dir="ltr" style="line-height:1.2;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;font-weight:700;">Giá (đ/kg)</span></p></td></tr><tr style="height:0pt"><td style="vertical-align:top;padding:5pt 5pt 5pt 5pt;"><p dir="ltr" style="line-height:1.2;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;font-weight:400;">OM 18 | thường</span></p></td><td style="vertical-align:top;padding:5pt 5pt 5pt 5pt;"><p dir="ltr" style="line-height:1.2;margin-top:0pt;margin-bottom:0pt;"><a href="https://snn.example.vn/gia" style="text-decoration:none;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#1155cc;font-weight:400;font-style:italic;text-decoration:underline;">7.200</span></a></p></td></tr><tr style="height:0pt"><td style="vertical-align:top;"><p dir="ltr"><span style="font-weight:400;">ST25</span></p></td><td style="vertical-align:top;"><p dir="ltr"><a href="javascript:alert(1)"><span style="font-weight:400;">9.200</span></a></p></td></tr></tbody></table></div></b>`;
  const WORD = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><body lang=VI><!--StartFragment--><table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184'><tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'><td width=301 valign=top style='width:225.4pt;border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal style='margin-bottom:0cm;line-height:normal'><b><span lang=VI>Đội ghe<o:p></o:p></span></b></p></td><td width=301 valign=top style='width:225.4pt;border:solid windowtext 1.0pt;border-left:none'><p class=MsoNormal style='margin-bottom:0cm;line-height:normal'><b><span lang=VI>Hạng<o:p></o:p></span></b></p></td></tr><tr style='mso-yfti-irow:1;mso-yfti-lastrow:yes'><td width=301 valign=top colspan=2 style='width:450.8pt'><p class=MsoNormal style='margin-bottom:0cm;line-height:normal'><span lang=VI>Chùa Prek Tô<o:p></o:p></span></p><p class=MsoNormal><span lang=VI>(Vĩnh Lợi)<o:p></o:p></span></p></td></tr></table><p class=MsoNormal><span lang=VI><o:p>&nbsp;</o:p></span></p><!--EndFragment--></body></html>`;

  it("keeps a Google Docs table: header, rows, marks, safe links only, pipes escaped", () => {
    const markup = htmlToMarkup(DOCS);
    expect(markup).toBe(
      [
        "Giá lúa tuần này:",
        "",
        "| **Loại** | **Giá (đ/kg)** |",
        "| --- | --- |",
        "| OM 18 \\| thường | *[7.200*](https://snn.example.vn/gia) |",
        "| ST25 | 9.200 |",
      ].join("\n"),
    );
    const [, t] = parseBody(markupToBlocks(markup));
    expect(t).toMatchObject({
      type: "table",
      rows: [
        ["OM 18 | thường", expect.anything()],
        ["ST25", "9.200"],
      ],
    });
  });

  it("keeps a Word table, a merged cell padded and its paragraphs on one line", () => {
    const [t] = parseBody(markupToBlocks(htmlToMarkup(WORD)));
    expect(t).toStrictEqual({
      type: "table",
      header: [
        { text: "Đội ghe", marks: [{ type: "bold", start: 0, end: 7 }] },
        { text: "Hạng", marks: [{ type: "bold", start: 0, end: 4 }] },
      ],
      rows: [["Chùa Prek Tô (Vĩnh Lợi)", ""]],
    });
  });
});

describe("bodies stored before these blocks", () => {
  it("render byte for byte as on main at d1f34ad, full and light, and round-trip", () => {
    const fixtures = BEFORE as Record<string, { body: unknown; images: ImageData[]; html: string; lite: string }>;
    expect(Object.keys(fixtures).length).toBe(16);
    for (const [name, f] of Object.entries(fixtures)) {
      const body = parseBody(f.body);
      expect(body, name).toStrictEqual(f.body);
      const figures = new Map(f.images.map((i) => [i.id, i]));
      expect(renderBody(body, figures), name).toBe(f.html);
      expect(renderBody(body, figures, true), name).toBe(f.lite);
      expect(roundTrip(body), name).toStrictEqual(body);
    }
  });
});
