// The editor's conversion (src/editor/convert.ts), run in Node: a body read
// into the editor's document and written back is the same body, for every
// demo article and for the awkward cases (overlapping marks, a link over
// bold, line breaks, empty table cells). Any edit in the editor re-exports
// the whole body, so what is not touched must come back unchanged.
import { describe, expect, it } from "vitest";
import { DEMO_ARTICLES, storedDemoBody } from "../../scripts/demo/articles";
import { type BodyBlock, parseBody } from "../../src/content/blocks";
import { safeHref } from "../../src/content/rich-text";
import { linkTarget } from "../../src/editor/blocks";
import { blocksFromDoc, docFromBlocks } from "../../src/editor/convert";

const roundTrip = (blocks: BodyBlock[]) => parseBody(blocksFromDoc(docFromBlocks(blocks)));

describe("the editor's document", () => {
  it("gives back every demo article's body unchanged", () => {
    for (const article of DEMO_ARTICLES) {
      let photo = 0;
      const body = parseBody(
        storedDemoBody(
          article.body,
          () => ++photo,
          () => 7,
        ),
      );
      expect(roundTrip(body), article.headline).toEqual(body);
    }
  });

  it("keeps overlapping marks, links over bold, line breaks, boxes, quotes and tables", () => {
    const body = parseBody([
      {
        type: "paragraph",
        text: "Đậm nghiêng chồng nhau, liên kết đậm.\nDòng hai",
        marks: [
          { type: "bold", start: 0, end: 11 },
          { type: "italic", start: 4, end: 21 },
          { type: "link", start: 23, end: 35, href: "https://example.org/x?y=1" },
          { type: "bold", start: 32, end: 35 },
          { type: "link", start: 37, end: 40, href: "/kinh-te/bai-1.html" },
        ],
      },
      { type: "subheading", text: "Tiêu đề phụ" },
      { type: "quote", text: "Câu nói", marks: [{ type: "italic", start: 0, end: 3 }], cite: "Ông A" },
      { type: "quote", text: "Không nguồn" },
      {
        type: "aside",
        title: "Cần biết",
        items: ["Một", { text: "Hai đậm", marks: [{ type: "bold", start: 4, end: 7 }] }],
      },
      { type: "aside", items: ["Không tiêu đề"] },
      { type: "list", ordered: true, items: ["a", "b"] },
      { type: "figure", imageId: 3, caption: "Riêng", credit: "T.A" },
      {
        type: "table",
        caption: "Giá lúa",
        header: ["Loại", { text: "Giá", marks: [{ type: "bold", start: 0, end: 3 }] }],
        rows: [
          ["IR50404", ""],
          ["", "7.000"],
        ],
      },
      { type: "related", articleId: 12 },
      { type: "video", provider: "youtube", videoId: "dQw4w9WgXcQ", title: "Video", imageId: 4 },
      { type: "video", provider: "facebook", videoId: "1234567890", title: "Video Facebook" },
    ]);
    expect(roundTrip(body)).toEqual(body);
  });

  it("leaves out what cannot be stored instead of failing: unsafe links, marks outside the text, unknown blocks", () => {
    const doc = docFromBlocks([
      {
        type: "paragraph",
        text: "Bấm đây",
        marks: [
          { type: "link", start: 0, end: 3, href: "javascript:alert(1)" },
          { type: "bold", start: 0, end: 99 },
          { type: "italic", start: 4, end: 7 },
        ],
      },
      { type: "script", text: "x" },
      "không phải khối",
      { type: "figure", imageId: -1 },
    ]);
    expect(blocksFromDoc(doc)).toEqual([
      { type: "paragraph", text: "Bấm đây", marks: [{ type: "italic", start: 4, end: 7 }] },
    ]);
    expect(blocksFromDoc(docFromBlocks([]))).toEqual([]);
  });
});

describe("the editor's link box", () => {
  it("refuses what the server refuses and keeps what it keeps", () => {
    const refused = [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      "data:text/html,<b>x</b>",
      "//evil.example/x",
      "/.//evil.example",
      "/\\evil.example",
      "https://user:pass@example.vn/",
      "java\tscript:alert(1)",
      "https://exa mple.vn",
      "https://example.vn/\u202e",
      "vbscript:x",
      "ftp://example.vn/file",
      "",
      `https://example.vn/${"a".repeat(2000)}`,
    ];
    for (const raw of refused) {
      expect(linkTarget(raw), raw).toBeNull();
      expect(safeHref(raw), raw).toBeNull();
    }
    for (const raw of ["https://baochinhphu.vn/a?b=1#c", "http://example.vn", "/thoi-su/bai-1.html?x=1#y"])
      expect(linkTarget(raw), raw).toBe(safeHref(raw));
    // What an editor types without a scheme gets https://, then the same rule.
    expect(linkTarget(" baochinhphu.vn/tin ")).toBe("https://baochinhphu.vn/tin");
    expect(linkTarget("baochinhphu")).toBeNull();
  });
});
