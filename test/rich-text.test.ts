// Inline marks (bold, italic, links) and lists: the model, its validation
// against hostile input, the markup grammar's round trip, and rendering.
import { h } from "preact";
import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { type BodyBlock, InvalidBodyError, parseBody } from "../src/content/blocks";
import { readInline, writeInline } from "../src/content/markup/inline";
import { markupToBlocks } from "../src/content/markup/parse";
import { blocksToMarkup } from "../src/content/markup/serialize";
import { MAX_MARKS, type Mark, safeHref } from "../src/content/rich-text";
import type { ImageData } from "../src/model/article";
import { bodyText } from "../src/search/index-writes";
import { BodyBlockView, InfoBox, splitBody } from "../src/views/ArticleBody";
import BEFORE from "./fixtures/demo-bodies-before.json";

const roundTrip = (blocks: BodyBlock[]) => parseBody(markupToBlocks(blocksToMarkup(blocks)));
const para = (text: string, marks?: Mark[]) => ({ type: "paragraph", text, ...(marks ? { marks } : {}) });
const refusal = (body: unknown): string => {
  try {
    parseBody(body);
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidBodyError);
    return (e as Error).message;
  }
  throw new Error("accepted");
};

function renderBody(blocks: BodyBlock[], figures = new Map<number, ImageData>(), lite = false): string {
  const { flow, asides } = splitBody(blocks);
  return renderToString(
    h(
      "div",
      null,
      ...flow.map((block) => h(BodyBlockView, { block, figures, lite })),
      ...asides.map((block) => h(InfoBox, { block })),
    ),
  );
}

describe("link targets", () => {
  it("accepts http(s) URLs and same-site paths, normalised", () => {
    expect(safeHref("https://baochinhphu.vn/tin-tuc")).toBe("https://baochinhphu.vn/tin-tuc");
    expect(safeHref("HTTP://Example.COM")).toBe("http://example.com/");
    expect(safeHref("https://vi.wikipedia.org/wiki/Bạc_Liêu")).toBe(
      "https://vi.wikipedia.org/wiki/B%E1%BA%A1c_Li%C3%AAu",
    );
    expect(safeHref("/kinh-te/gia-lua-123.html?x=1#doan-2")).toBe("/kinh-te/gia-lua-123.html?x=1#doan-2");
    expect(safeHref("/a/../b")).toBe("/b");
  });

  it("refuses scripts, data, protocol-relative, backslashes, control and whitespace tricks", () => {
    for (const bad of [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      " javascript:alert(1)",
      "java\tscript:alert(1)",
      "java\nscript:alert(1)",
      "\u0000javascript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox(1)",
      "//evil.example/x",
      "/.//evil.example",
      "/a/..//evil.example",
      "/..//evil.example",
      "/\\evil.example",
      "\\\\evil.example",
      "/\t/evil.example",
      "https:evil.example",
      "https:/evil.example",
      "https://user:pass@evil.example/",
      "https://evil.example/\u202egnp.exe",
      "https://evil .example",
      "ftp://example.com/",
      "mailto:a@b.vn",
      "#doan-2",
      "kinh-te/bai.html",
      "",
      `https://example.com/${"a".repeat(2001)}`,
    ])
      expect(safeHref(bad), bad).toBeNull();
  });
});

describe("marks are validated strictly and stored canonically", () => {
  it("keeps a body without marks exactly as it was", () => {
    const old = [
      { type: "paragraph", text: "Đoạn **không** đậm [x](y)" },
      { type: "quote", text: "Trích", cite: "Ông A" },
      { type: "aside", title: "Khung", items: ["Một", "Hai"] },
    ];
    expect(parseBody(old)).toStrictEqual(old);
  });

  it("accepts overlapping bold and italic, merging runs of one kind and sorting", () => {
    const body = parseBody([
      para("Giá lúa tăng mạnh", [
        { type: "italic", start: 4, end: 12 },
        { type: "bold", start: 0, end: 3 },
        { type: "bold", start: 2, end: 8 },
        { type: "link", start: 9, end: 17, href: "/kinh-te" },
      ]),
    ]);
    expect(body[0]).toStrictEqual(
      para("Giá lúa tăng mạnh", [
        { type: "bold", start: 0, end: 8 },
        { type: "italic", start: 4, end: 12 },
        { type: "link", start: 9, end: 17, href: "/kinh-te" },
      ]),
    );
  });

  it("moves marks with trimming and NFC, and drops a mark left empty", () => {
    const nfd = "Bạc Liêu".normalize("NFD");
    const text = `  ${nfd} x `;
    const body = parseBody([
      para(text, [
        { type: "bold", start: 2, end: 2 + nfd.length },
        { type: "italic", start: 0, end: 1 },
      ]),
    ]);
    expect(body[0]).toStrictEqual(para("Bạc Liêu x", [{ type: "bold", start: 0, end: 8 }]));
  });

  it("refuses hostile links in Vietnamese", () => {
    for (const href of ["javascript:alert(1)", "data:text/html,x", "//evil.example", " /x", "/x\\y"])
      expect(refusal([para("Bấm vào", [{ type: "link", start: 0, end: 3, href }])])).toMatch(
        /Liên kết chỉ được là địa chỉ http/,
      );
  });

  it("refuses ranges out of bounds, empty or reversed, fractional, and overlapping links", () => {
    expect(refusal([para("abc", [{ type: "bold", start: 1, end: 4 }])])).toMatch(/nằm ngoài đoạn chữ/);
    expect(refusal([para("abc", [{ type: "bold", start: 2, end: 2 }])])).toMatch(/ít nhất một ký tự/);
    expect(refusal([para("abc", [{ type: "bold", start: 2, end: 1 }])])).toMatch(/ít nhất một ký tự/);
    expect(refusal([para("abc", [{ type: "bold", start: -1, end: 1 }])])).toMatch(/Vị trí định dạng/);
    expect(refusal([para("abc", [{ type: "bold", start: 0.5, end: 1 }])])).toMatch(/số nguyên/);
    expect(
      refusal([
        para("abcdef", [
          { type: "link", start: 0, end: 3, href: "/a" },
          { type: "link", start: 2, end: 5, href: "/b" },
        ]),
      ]),
    ).toMatch(/liên kết không được chồng/);
    expect(refusal([para("abc", [{ type: "bold", start: 0, end: 1, href: "/x" } as unknown as Mark])])).toMatch(
      /marks/,
    );
    expect(refusal([para("abc", [{ type: "underline", start: 0, end: 1 } as unknown as Mark])])).toMatch(/marks/);
  });

  it("refuses too many marks, too many blocks, and a body over 200,000 characters", () => {
    const many = Array.from({ length: MAX_MARKS + 1 }, (_, i) => ({ type: "bold" as const, start: i, end: i + 1 }));
    expect(refusal([para("x".repeat(400), many)])).toMatch(/Tối đa 300 định dạng/);
    expect(refusal(Array.from({ length: 10_000 }, () => para("Đoạn")))).toMatch(/tối đa 500 khối/);
    expect(refusal(Array.from({ length: 400 }, () => para("chữ ".repeat(1250))))).toMatch(/quá dài/);
    expect(refusal([para("x".repeat(2 * 1024 * 1024))])).toMatch(/Tối đa 5000 ký tự/);
  });

  it("checks lists: 1 to 100 items, one line each, marks on items", () => {
    expect(
      parseBody([
        {
          type: "list",
          ordered: false,
          items: [
            " Một\ndòng ",
            { text: "Hai", marks: [] },
            { text: "a\r\nb c", marks: [{ type: "bold", start: 3, end: 4 }] },
          ],
        },
      ]),
    ).toStrictEqual([
      {
        type: "list",
        ordered: false,
        items: ["Một dòng", "Hai", { text: "a  b c", marks: [{ type: "bold", start: 3, end: 4 }] }],
      },
    ]);
    expect(refusal([{ type: "list", ordered: true, items: [] }])).toMatch(/ít nhất một mục/);
    expect(refusal([{ type: "list", ordered: true, items: Array(101).fill("x") }])).toMatch(/tối đa 100 mục/);
    expect(
      refusal([
        {
          type: "list",
          ordered: true,
          items: [{ text: "x", marks: [{ type: "link", start: 0, end: 1, href: "data:x" }] }],
        },
      ]),
    ).toMatch(/Liên kết/);
    expect(refusal([{ type: "list", items: ["x"] }])).toMatch(/ordered/);
  });

  it("indexes the plain text of marks and lists for search", () => {
    const body = parseBody([
      para("Giá lúa tăng", [{ type: "bold", start: 0, end: 3 }]),
      { type: "list", ordered: true, items: ["Một", { text: "Hai", marks: [{ type: "italic", start: 0, end: 3 }] }] },
      { type: "aside", items: [{ text: "Ba", marks: [{ type: "link", start: 0, end: 2, href: "/x" }] }] },
    ]);
    expect(bodyText(body)).toBe("Giá lúa tăng\nMột\nHai\n Ba");
  });
});

describe("markup for marks and lists", () => {
  it("reads bold, italic and links, and writes them back", () => {
    const md = "Giá **lúa** tăng *mạnh*, xem [Sở Nông nghiệp](https://snn.example.vn/gia) và ***cả hai***.";
    const [block] = parseBody(markupToBlocks(md));
    expect(block).toStrictEqual(
      para("Giá lúa tăng mạnh, xem Sở Nông nghiệp và cả hai.", [
        { type: "bold", start: 4, end: 7 },
        { type: "italic", start: 13, end: 17 },
        { type: "link", start: 23, end: 37, href: "https://snn.example.vn/gia" },
        { type: "bold", start: 41, end: 47 },
        { type: "italic", start: 41, end: 47 },
      ]),
    );
    expect(blocksToMarkup([block!])).toBe(md);
  });

  it("keeps unmatched stars and brackets literal, and honours escapes", () => {
    expect(readInline("5 * 3 = 15 và **đậm**")).toStrictEqual({
      text: "5 * 3 = 15 và đậm",
      marks: [{ type: "bold", start: 14, end: 17 }],
    });
    expect(readInline("[1] chú thích [chưa đóng")).toStrictEqual({ text: "[1] chú thích [chưa đóng" });
    expect(readInline("\\*\\*không đậm\\*\\* \\[x\\](y) C:\\Users \\\\")).toStrictEqual({
      text: "**không đậm** [x](y) C:\\Users \\",
    });
    expect(readInline("[a [b](/x)")).toStrictEqual({
      text: "[a b",
      marks: [{ type: "link", start: 3, end: 4, href: "/x" }],
    });
    expect(readInline("[ngoặc](https://vi.wikipedia.org/wiki/A_(B\\))")).toStrictEqual({
      text: "ngoặc",
      marks: [{ type: "link", start: 0, end: 5, href: "https://vi.wikipedia.org/wiki/A_(B)" }],
    });
  });

  it("lets bold and italic cross, and marks span line breaks", () => {
    const [block] = parseBody(markupToBlocks("**a *b** c*\nd **e\nf**"));
    expect(block).toStrictEqual(
      para("a b c\nd e\nf", [
        { type: "bold", start: 0, end: 3 },
        { type: "italic", start: 2, end: 5 },
        { type: "bold", start: 8, end: 11 },
      ]),
    );
    expect(roundTrip([block!])).toStrictEqual([block]);
  });

  it("refuses a javascript: link typed in markup, in Vietnamese", () => {
    expect(() => parseBody(markupToBlocks("[bấm](javascript:alert(1))"))).toThrow(/Liên kết chỉ được/);
    expect(() => parseBody(markupToBlocks("[bấm](//evil.example)"))).toThrow(/Liên kết chỉ được/);
  });

  it("reads bulleted and numbered lists, standing alone after a paragraph line", () => {
    const body = parseBody(
      markupToBlocks(
        "Cần mang theo:\n- Căn cước\n- **Sổ** hộ khẩu\n1. Nộp hồ sơ\n2. Chờ [kết quả](/tra-cuu)\n\n- Riêng",
      ),
    );
    expect(body).toStrictEqual([
      para("Cần mang theo:"),
      {
        type: "list",
        ordered: false,
        items: ["Căn cước", { text: "Sổ hộ khẩu", marks: [{ type: "bold", start: 0, end: 2 }] }],
      },
      {
        type: "list",
        ordered: true,
        items: ["Nộp hồ sơ", { text: "Chờ kết quả", marks: [{ type: "link", start: 4, end: 11, href: "/tra-cuu" }] }],
      },
      { type: "list", ordered: false, items: ["Riêng"] },
    ]);
    expect(blocksToMarkup(body)).toBe(
      "Cần mang theo:\n\n- Căn cước\n- **Sổ** hộ khẩu\n\n1. Nộp hồ sơ\n2. Chờ [kết quả](/tra-cuu)\n\n- Riêng",
    );
    expect(roundTrip(body)).toStrictEqual(body);
  });

  it("does not take a year or a lone dash for a list", () => {
    expect(parseBody(markupToBlocks("Năm\n2024. Ông A\n-\n-x"))).toStrictEqual([para("Năm\n2024. Ông A\n-\n-x")]);
  });

  it("round-trips text that looks like marks, lists or escapes", () => {
    const tricky = parseBody([
      para("**không đậm** *không nghiêng* [không](/link) \\ C:\\*\n- không phải danh sách\n1. cũng không\n*đầu dòng"),
      para("\\*a\n\\\\\n[khung: x](y)]", [{ type: "link", start: 0, end: 2, href: "/a" }]),
      { type: "quote", text: "*a*\n- b", marks: [{ type: "italic", start: 0, end: 3 }] },
      { type: "quote", text: "x\n- y", marks: [{ type: "bold", start: 2, end: 5 }], cite: "Ông *A*" },
      {
        type: "aside",
        items: [{ text: "[khung]\n\n[/khung]", marks: [{ type: "bold", start: 0, end: 7 }] }, "- a\n1. b"],
      },
      {
        type: "list",
        ordered: true,
        items: ["\\ x", "- y", "## z", { text: "[[anh:1]]", marks: [{ type: "italic", start: 0, end: 9 }] }],
      },
      {
        type: "paragraph",
        text: "[khung: Link đầu](x)]",
        marks: [{ type: "link", start: 0, end: 15, href: "https://a.example/(x)" }],
      },
    ]);
    expect(roundTrip(tricky)).toStrictEqual(tricky);
  });

  it("round-trips random texts and marks (seeded)", () => {
    let seed = 18;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const alphabet = [
      "a",
      "b",
      "đ",
      " ",
      "\n",
      "*",
      "**",
      "[",
      "]",
      "(",
      ")",
      "\\",
      "- ",
      "1. ",
      "## ",
      "> ",
      "—",
      "|",
    ];
    for (let n = 0; n < 400; n++) {
      const text = `x${Array.from({ length: 1 + rnd(30) }, () => alphabet[rnd(alphabet.length)]).join("")}y`;
      const marks: Mark[] = [];
      let linkEnd = 0;
      for (let k = rnd(5); k > 0; k--) {
        const start = rnd(text.length - 1);
        const end = start + 1 + rnd(text.length - start - 1);
        const type = (["bold", "italic", "link"] as const)[rnd(3)]!;
        if (type !== "link") marks.push({ type, start, end });
        else if (start >= linkEnd) {
          marks.push({ type, start, end, href: rnd(2) ? "/a(b)" : "https://x.example/" });
          linkEnd = end;
        }
      }
      const body = parseBody([
        { type: "paragraph", text, marks },
        { type: "list", ordered: rnd(2) === 1, items: [{ text: text.replace(/\n/g, " "), marks }] },
        { type: "aside", items: [{ text, marks }] },
        { type: "quote", text, marks },
      ]);
      expect(roundTrip(body), JSON.stringify(body)).toStrictEqual(body);
      const markup = blocksToMarkup(body);
      expect(blocksToMarkup(parseBody(markupToBlocks(markup)))).toBe(markup);
    }
  });

  it("writes exactly what it reads for a normalised rich text", () => {
    const rich = { text: "ab*c]d", marks: [{ type: "bold" as const, start: 1, end: 4 }] };
    expect(writeInline(rich)).toBe("a**b\\*c**\\]d");
    expect(readInline(writeInline(rich))).toStrictEqual(rich);
  });
});

describe("rendering marks and lists", () => {
  it("nests bold, italic and a link into valid, escaped HTML", () => {
    const [block] = parseBody([
      para('Ông <b>A</b> & "B" nói\nrằng', [
        { type: "bold", start: 0, end: 15 },
        { type: "italic", start: 4, end: 22 },
        { type: "link", start: 9, end: 27, href: "https://x.example/?a=1&b=<2>" },
      ]),
    ]);
    expect(renderBody([block!])).toBe(
      "<div><p>" +
        "<strong>Ông </strong>" +
        "<strong><em>&lt;b>A&lt;</em></strong>" +
        '<a href="https://x.example/?a=1&amp;b=%3C2%3E" rel="noopener">' +
        "<strong><em>/b> &amp; </em></strong>" +
        "<em>&quot;B&quot; nói</em><br/>rằng</a>" +
        "</p></div>",
    );
  });

  it("links within the site without rel, and never opens a new tab", () => {
    const [block] = parseBody([para("Xem thêm", [{ type: "link", start: 0, end: 8, href: "/kinh-te" }])]);
    const html = renderBody([block!]);
    expect(html).toBe('<div><p><a href="/kinh-te">Xem thêm</a></p></div>');
    expect(html).not.toContain("target");
  });

  it("renders lists as <ul> and <ol>, and marks in quotes and boxes", () => {
    const body = parseBody(
      markupToBlocks("- a\n- **b**\n\n1. c\n\n> *d*\n> — Ông E\n\n[khung: F]\n[g](https://g.example)\n[/khung]"),
    );
    expect(renderBody(body)).toBe(
      "<div><ul><li>a</li><li><strong>b</strong></li></ul><ol><li>c</li></ol>" +
        "<blockquote><p><em>d</em></p><footer>- Ông E</footer></blockquote>" +
        '<aside class="box"><h2>F</h2><p><a href="https://g.example/" rel="noopener">g</a></p></aside></div>',
    );
  });

  it("renders every demo article and static page exactly as before marks existed", () => {
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
