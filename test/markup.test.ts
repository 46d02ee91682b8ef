import { describe, expect, it } from "vitest";
import { DEMO_ARTICLES, storedDemoBody } from "../scripts/demo/articles/index";
import { type BodyBlock, InvalidBodyError, parseBody } from "../src/content/blocks";
import { MARKUP_HELP } from "../src/content/markup/help";
import { markupToBlocks } from "../src/content/markup/parse";
import { htmlToMarkup } from "../src/content/markup/paste-html";
import { blocksToMarkup } from "../src/content/markup/serialize";

/** Parses markup and checks the raw blocks are exactly what parseBody would store. */
function parse(markup: string): BodyBlock[] {
  const raw = markupToBlocks(markup);
  const body = parseBody(raw);
  expect(body).toStrictEqual(raw);
  return body;
}

const roundTrip = (blocks: BodyBlock[]) => markupToBlocks(blocksToMarkup(blocks));

describe("markupToBlocks", () => {
  it("reads paragraphs separated by blank lines, keeping single newlines", () => {
    expect(parse("Đoạn một.\n\n\n\nĐoạn hai,\ndòng thứ hai.")).toStrictEqual([
      { type: "paragraph", text: "Đoạn một." },
      { type: "paragraph", text: "Đoạn hai,\ndòng thứ hai." },
    ]);
  });

  it("treats lines of spaces as blank and trims every block", () => {
    expect(parse("  Một  \n   \t \n  Hai  ")).toStrictEqual([
      { type: "paragraph", text: "Một" },
      { type: "paragraph", text: "Hai" },
    ]);
  });

  it("reads subheadings", () => {
    expect(parse("## Tiêu đề phụ\n\n### Cũng là tiêu đề")).toStrictEqual([
      { type: "subheading", text: "Tiêu đề phụ" },
      { type: "subheading", text: "Cũng là tiêu đề" },
    ]);
  });

  it("keeps a bare ## or a hashtag as text", () => {
    expect(parse("##\n\n#CàMau")).toStrictEqual([
      { type: "paragraph", text: "##" },
      { type: "paragraph", text: "#CàMau" },
    ]);
  });

  it("reads figures with and without caption and credit", () => {
    expect(
      parse(
        [
          "[[anh:123]]",
          "[[anh:45 | Chú thích ảnh | Tác giả]]",
          "[[ảnh:6|Chỉ chú thích]]",
          "[[anh:7 |  | Chỉ tác giả]]",
          "[[ Ảnh : 8 | | ]]",
          "[[ANH:9 | Cầu Mỹ Thuận | Ảnh: T.A | Báo Cà Mau]]",
        ].join("\n\n"),
      ),
    ).toStrictEqual([
      { type: "figure", imageId: 123 },
      { type: "figure", imageId: 45, caption: "Chú thích ảnh", credit: "Tác giả" },
      { type: "figure", imageId: 6, caption: "Chỉ chú thích" },
      { type: "figure", imageId: 7, credit: "Chỉ tác giả" },
      { type: "figure", imageId: 8 },
      { type: "figure", imageId: 9, caption: "Cầu Mỹ Thuận", credit: "Ảnh: T.A | Báo Cà Mau" },
    ]);
  });

  it('writes an explicitly empty caption as "" (hides the library caption)', () => {
    expect(parse('[[anh:5 | "" | N.V]]')).toStrictEqual([{ type: "figure", imageId: 5, caption: "", credit: "N.V" }]);
  });

  it("keeps a malformed figure as paragraph text, so the editor sees it", () => {
    // Documented choice: not a figure with imageId NaN, which would fail
    // validation with a message about a number the reporter never typed.
    for (const bad of ["[[anh:abc]]", "[[anh:]]", "[[anh:12", "[[anh:-3]]", "[[anh:1.5]]", "Xem [[anh:12]] bên dưới"]) {
      expect(parse(bad)).toStrictEqual([{ type: "paragraph", text: bad }]);
    }
  });

  it("leaves an invalid id such as 0 to parseBody", () => {
    expect(markupToBlocks("[[anh:0]]")).toStrictEqual([{ type: "figure", imageId: 0 }]);
    expect(() => parseBody(markupToBlocks("[[anh:0]]"))).toThrow(InvalidBodyError);
  });

  it("reads quotes and their cite in every dash style", () => {
    for (const dash of ["—", "--", "-", "–"]) {
      expect(parse(`> Chúng tôi sẽ làm đến cùng.\n> Không lùi bước.\n> ${dash} Ông Nguyễn Văn A`)).toStrictEqual([
        { type: "quote", text: "Chúng tôi sẽ làm đến cùng.\nKhông lùi bước.", cite: "Ông Nguyễn Văn A" },
      ]);
    }
  });

  it("reads a quote without cite, and a lone dash line as text", () => {
    expect(parse("> Một câu.\n>\n> Câu sau dòng trống.")).toStrictEqual([
      { type: "quote", text: "Một câu.\n\nCâu sau dòng trống." },
    ]);
    expect(parse("> — Chỉ một dòng")).toStrictEqual([{ type: "quote", text: "— Chỉ một dòng" }]);
    expect(parse("> Nhiệt độ\n> -5 độ C")).toStrictEqual([{ type: "quote", text: "Nhiệt độ\n-5 độ C" }]);
  });

  it("reads boxes with and without title; blank lines inside separate items", () => {
    const markup = [
      "[khung: Thông tin cần biết]",
      "Thời gian: 7 giờ sáng",
      "",
      "",
      "Địa điểm: Nhà văn hóa phường 5,",
      "TP Cà Mau",
      "[/khung]",
      "",
      "[Khung]",
      "Một mục",
      "[/KHUNG]",
    ].join("\n");
    expect(parse(markup)).toStrictEqual([
      {
        type: "aside",
        title: "Thông tin cần biết",
        items: ["Thời gian: 7 giờ sáng", "Địa điểm: Nhà văn hóa phường 5,\nTP Cà Mau"],
      },
      { type: "aside", items: ["Một mục"] },
    ]);
  });

  it("treats an unterminated box as running to the end", () => {
    expect(parse("Mở đầu.\n\n[khung:Lưu ý]\nMục một\n\n## Không phải tiêu đề\n\n[[anh:3]]")).toStrictEqual([
      { type: "paragraph", text: "Mở đầu." },
      { type: "aside", title: "Lưu ý", items: ["Mục một", "## Không phải tiêu đề", "[[anh:3]]"] },
    ]);
  });

  it("leaves an empty box to parseBody, which explains in Vietnamese", () => {
    expect(markupToBlocks("[khung]\n[/khung]")).toStrictEqual([{ type: "aside", items: [] }]);
    expect(() => parseBody(markupToBlocks("[khung]\n[/khung]"))).toThrow(/Khung thông tin cần ít nhất một dòng/);
  });

  it("normalises CRLF and CR line endings", () => {
    expect(parse("Dòng một\r\ndòng hai\r\n\r\n## Tiêu đề\r\n\r\n> Trích\r> — Bà B\r\n")).toStrictEqual([
      { type: "paragraph", text: "Dòng một\ndòng hai" },
      { type: "subheading", text: "Tiêu đề" },
      { type: "quote", text: "Trích", cite: "Bà B" },
    ]);
  });

  it("normalises decomposed (NFD) Vietnamese to NFC, syntax included", () => {
    const nfd = "## Hướng đi mới\n\n[[ảnh:12 | Người dân Cà Mau | Đức Thắng]]\n\nNông dân phấn khởi.".normalize("NFD");
    expect(nfd).not.toBe(nfd.normalize("NFC"));
    const blocks = parse(nfd);
    expect(blocks).toStrictEqual([
      { type: "subheading", text: "Hướng đi mới" },
      { type: "figure", imageId: 12, caption: "Người dân Cà Mau", credit: "Đức Thắng" },
      { type: "paragraph", text: "Nông dân phấn khởi." },
    ]);
    expect(JSON.stringify(blocks)).toBe(JSON.stringify(blocks).normalize("NFC"));
  });

  it("forgives a missing blank line around headings, figures, boxes and quotes", () => {
    expect(
      parse(
        "## Tiêu đề\nĐoạn văn ngay dưới.\n[[anh:2]]\nÔng nói:\n> Trích dẫn\nĐoạn tiếp.\n[khung]\nMục\n[/khung]\nHết.",
      ),
    ).toStrictEqual([
      { type: "subheading", text: "Tiêu đề" },
      { type: "paragraph", text: "Đoạn văn ngay dưới." },
      { type: "figure", imageId: 2 },
      { type: "paragraph", text: "Ông nói:" },
      { type: "quote", text: "Trích dẫn" },
      { type: "paragraph", text: "Đoạn tiếp." },
      { type: "aside", items: ["Mục"] },
      { type: "paragraph", text: "Hết." },
    ]);
  });

  it("reads a line starting with a backslash as plain text", () => {
    expect(parse("\\## Không phải tiêu đề\n\\> không phải trích dẫn\n\\\n\\[[anh:1]]")).toStrictEqual([
      { type: "paragraph", text: "## Không phải tiêu đề\n> không phải trích dẫn\n\n[[anh:1]]" },
    ]);
  });

  it("keeps a stray [/khung] as text", () => {
    expect(parse("Đoạn\n[/khung]")).toStrictEqual([{ type: "paragraph", text: "Đoạn\n[/khung]" }]);
  });

  it("returns no blocks for empty input, which parseBody rejects in Vietnamese", () => {
    expect(markupToBlocks(" \r\n\n  ")).toStrictEqual([]);
    expect(() => parseBody(markupToBlocks(""))).toThrow(/Bài viết cần ít nhất một đoạn/);
  });
});

const ARTICLE: BodyBlock[] = [
  {
    type: "paragraph",
    text: "Những ngày giữa tháng 11, cánh đồng ấp Xẻo Gừa, xã Ninh Quới A vàng rực màu lúa chín. Tiếng máy gặt vang lên từ sáng sớm.",
  },
  { type: "figure", imageId: 42, caption: "Nông dân thu hoạch lúa trên ruộng luân canh tôm - lúa.", credit: "H.P" },
  { type: "paragraph", text: "Ông Lâm Văn Thạnh, 56 tuổi, tổ trưởng tổ hợp tác, cho biết:" },
  {
    type: "quote",
    text: "Trước đây, đất mặn là nỗi lo.\nGiờ, nó là lợi thế của chúng tôi.",
    cite: "Ông Lâm Văn Thạnh",
  },
  { type: "subheading", text: "Biến đất mặn thành lợi thế" },
  {
    type: "paragraph",
    text: "Hồng Dân nằm trong vùng chuyển tiếp giữa mặn và ngọt.\nMùa khô, nước mặn theo kênh rạch lấn sâu vào đồng.",
  },
  { type: "figure", imageId: 43 },
  { type: "figure", imageId: 44, credit: "Đức Thắng" },
  { type: "quote", text: "Giá lúa hữu cơ ổn định hơn." },
  {
    type: "aside",
    title: "Mô hình tôm - lúa",
    items: [
      "Diện tích: 2.500 ha",
      "Lợi nhuận: cao hơn 30-40%\nso với canh tác truyền thống",
      "Đơn vị bao tiêu: 3 doanh nghiệp",
    ],
  },
  { type: "aside", items: ["Đường dây nóng: 0290 3 123 456"] },
  { type: "paragraph", text: "Hạt gạo trồng trên đất nuôi tôm nay được doanh nghiệp bao tiêu với giá tốt." },
];

describe("blocksToMarkup", () => {
  it("writes a realistic article as readable markup", () => {
    const markup = blocksToMarkup(ARTICLE);
    expect(markup).toContain("\n\n## Biến đất mặn thành lợi thế\n\n");
    expect(markup).toContain("[[anh:42 | Nông dân thu hoạch lúa trên ruộng luân canh tôm - lúa. | H.P]]");
    expect(markup).toContain("[[anh:44 |  | Đức Thắng]]");
    expect(markup).toContain(
      "> Trước đây, đất mặn là nỗi lo.\n> Giờ, nó là lợi thế của chúng tôi.\n> — Ông Lâm Văn Thạnh",
    );
    expect(markup).toContain(
      "[khung: Mô hình tôm - lúa]\nDiện tích: 2.500 ha\n\nLợi nhuận: cao hơn 30-40%\nso với canh tác truyền thống\n\nĐơn vị bao tiêu: 3 doanh nghiệp\n[/khung]",
    );
    expect(markup).not.toContain("\\");
  });

  it("round-trips a realistic Vietnamese article", () => {
    expect(parseBody(ARTICLE)).toStrictEqual(ARTICLE);
    expect(roundTrip(ARTICLE)).toStrictEqual(ARTICLE);
  });

  it("round-trips text that looks like markup, blank lines and odd fields", () => {
    const tricky = parseBody([
      {
        type: "paragraph",
        text: "## không phải tiêu đề\n> không phải trích\n[[anh:1]]\n[khung]\n[/khung]\n\\ gạch chéo\n\n  \nsau dòng trống\n   thụt lề",
      },
      { type: "paragraph", text: "[[anh:abc]]" },
      { type: "subheading", text: 'Hai dòng\ntrong tiêu đề \\n | "trích"' },
      { type: "subheading", text: '""' },
      { type: "figure", imageId: 1, caption: "Có | gạch đứng \\ và ]]", credit: "" },
      { type: "figure", imageId: 2, caption: "", credit: "Dòng 1\nDòng 2" },
      { type: "figure", imageId: 3, caption: '""' },
      { type: "quote", text: "\\ đầu dòng\n\n   \n- Không phải người nói", cite: "" },
      { type: "quote", text: "Dòng\n— vẫn là nội dung" },
      { type: "quote", text: "— một dòng" },
      { type: "quote", text: "Có nguồn", cite: 'Ông A\nGiám đốc | Sở "X"' },
      { type: "aside", title: "", items: ["[/khung]", "\\", "a\n\nb", "## x\n> y"] },
      { type: "aside", title: "Tiêu đề ]] có [ngoặc]", items: ["Một"] },
    ]);
    expect(roundTrip(tricky)).toStrictEqual(tricky);
  });

  it("round-trips the demo articles", () => {
    let photos = 0;
    for (const article of DEMO_ARTICLES) {
      const body = parseBody(
        storedDemoBody(
          article.body,
          () => ++photos,
          (headline) => DEMO_ARTICLES.findIndex((a) => a.headline === headline) + 1,
        ),
      );
      expect(roundTrip(body)).toStrictEqual(body);
    }
  });
});

describe("htmlToMarkup", () => {
  const WORD = `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=Generator content="Microsoft Word 15">
<title>Bài viết</title>
<!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>Phóng viên</o:Author></o:DocumentProperties></xml><![endif]-->
<style><!-- /* Style Definitions */ p.MsoNormal {mso-style-unhide:no; margin:0cm; font-size:12.0pt;} --></style>
<!--[if gte mso 10]><style>table.MsoNormalTable {mso-style-name:"Table Normal";}</style><![endif]-->
</head>
<body lang=VI style='tab-interval:36.0pt;word-wrap:break-word'>
<!--StartFragment-->
<div class=WordSection1>
<h2 style='mso-margin-top-alt:auto'><span lang=VI style='mso-fareast-font-family:"Times New Roman"'>Giá&nbsp;lúa tăng mạnh<o:p></o:p></span></h2>
<p class=MsoNormal style='margin-bottom:0cm;line-height:normal;mso-pagination:widow-orphan'><span
lang=VI style='font-size:13.0pt;font-family:"Times New Roman",serif;mso-fareast-font-family:"Times New Roman"'>Sáng
nay,&nbsp;giá lúa tại Cà Mau tăng 500&nbsp;đồng/kg &ndash; mức cao nhất từ đầu năm.<o:p></o:p></span></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
style='font-family:Symbol;mso-fareast-font-family:Symbol'><span style='mso-list:Ignore'>·<span
style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span
lang=VI>Lúa &#272;ài Thơm 8: 9.200 đồng/kg<o:p></o:p></span></p>
<p class=MsoNormal><b><span lang=VI>&ldquo;Nông dân rất phấn khởi&rdquo;, ông A nói&hellip;</span></b><!--[if gte vml 1]><v:shape><v:imagedata src="file:///C:/anh.png" o:title=""/></v:shape><![endif]--><![if !vml]><img width=100 height=50 src="file:///C:/anh.png" v:shapes="_x0000_i1025"><![endif]></p>
</div>
<!--EndFragment-->
</body>
</html>`;

  it("cleans a Word paste into paragraphs and ## headings", () => {
    const markup = htmlToMarkup(WORD);
    expect(markup).toBe(
      [
        "## Giá lúa tăng mạnh",
        "Sáng nay, giá lúa tại Cà Mau tăng 500 đồng/kg – mức cao nhất từ đầu năm.",
        "- Lúa Đài Thơm 8: 9.200 đồng/kg",
        "**“Nông dân rất phấn khởi”, ông A nói…**",
      ].join("\n\n"),
    );
    expect(markup).not.toMatch(/[<>]|mso|o:p|Phóng viên|Bài viết|MsoNormal|\u00a0/);
    expect(parse(markup)).toHaveLength(4);
  });

  it("drops scripts, styles and comments entirely", () => {
    const markup = htmlToMarkup(
      `<p>Trước</p><script>alert(1)</script><SCRIPT type="text/javascript">document.write("<p>x</p>")</SCRIPT><style>p{color:red}</style><!-- bí mật --><p onclick="alert(2)">Sau</p><script>alert(3)`,
    );
    expect(markup).toBe("Trước\n\nSau");
    expect(markup).not.toMatch(/alert|script|onclick|color|bí mật/i);
  });

  it("splits on <br><br>, keeps a single <br> as a line break, and makes lists", () => {
    expect(
      htmlToMarkup("Một<br>hai<br><br>Ba <br/> <br />Bốn<ul><li>Mục 1</li><li>Mục <i>2</i></ul><div>Cuối</div>"),
    ).toBe("Một\nhai\n\nBa\n\nBốn\n\n- Mục 1\n- Mục *2*\n\nCuối");
  });

  it("keeps bold, italic and safe links from a Google Docs paste, dropping fonts, colours and sizes", () => {
    // Docs wraps the whole paste in <b style="font-weight:normal"> and marks bold with font-weight:700.
    const docs = `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-5f3c"><p dir="ltr" style="line-height:1.38;margin-top:0pt"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;">Giá lúa </span><span style="font-size:11pt;font-family:Arial;color:#ff0000;font-weight:700;">tăng mạnh</span><span style="font-size:11pt;"> theo </span><span style="font-size:14pt;font-style:italic;">Sở Nông nghiệp</span><span>, xem </span><a href="https://snn.example.vn/gia?a=1&amp;b=2" style="text-decoration:none;"><span style="color:#1155cc;text-decoration:underline;">bảng giá</span></a><span>.</span></p><ul style="margin-top:0;margin-bottom:0;"><li dir="ltr" style="list-style-type:disc;font-size:11pt;"><p dir="ltr" role="presentation"><span>Căn cước</span></p></li><li dir="ltr" style="list-style-type:disc;"><p dir="ltr" role="presentation"><span style="font-weight:700">Sổ</span><span> hộ khẩu</span></p></li></ul><ol><li><p><span>Nộp hồ sơ</span></p></li><li><p><span>Chờ </span><span style="font-weight:700;font-style:italic">kết quả</span></p></li></ol><p dir="ltr"><a href="javascript:alert(1)">độc</a> và <a href="//evil.example/">xấu</a> và <a href=" data:text/html,x">tệ</a></p></b><br class="Apple-interchange-newline">`;
    const markup = htmlToMarkup(docs);
    expect(markup).toBe(
      [
        "Giá lúa **tăng mạnh** theo *Sở Nông nghiệp*, xem [bảng giá](https://snn.example.vn/gia?a=1&b=2).",
        "- Căn cước\n- **Sổ** hộ khẩu",
        "1. Nộp hồ sơ\n2. Chờ ***kết quả***",
        "độc và xấu và tệ",
      ].join("\n\n"),
    );
    expect(markup).not.toMatch(/Arial|color|font|javascript|evil|data:/);
    expect(parse(markup)).toStrictEqual([
      {
        type: "paragraph",
        text: "Giá lúa tăng mạnh theo Sở Nông nghiệp, xem bảng giá.",
        marks: [
          { type: "bold", start: 8, end: 17 },
          { type: "italic", start: 23, end: 37 },
          { type: "link", start: 43, end: 51, href: "https://snn.example.vn/gia?a=1&b=2" },
        ],
      },
      {
        type: "list",
        ordered: false,
        items: ["Căn cước", { text: "Sổ hộ khẩu", marks: [{ type: "bold", start: 0, end: 2 }] }],
      },
      {
        type: "list",
        ordered: true,
        items: [
          "Nộp hồ sơ",
          {
            text: "Chờ kết quả",
            marks: [
              { type: "bold", start: 4, end: 11 },
              { type: "italic", start: 4, end: 11 },
            ],
          },
        ],
      },
      { type: "paragraph", text: "độc và xấu và tệ" },
    ]);
  });

  it("keeps bold, italic, links and bulleted and numbered lists from a Word paste", () => {
    const bullet = (text: string, pos: string) =>
      `<p class=MsoListParagraphCxSp${pos} style='margin-left:36.0pt;mso-add-space:auto;text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span lang=VI style='font-family:Symbol;mso-fareast-font-family:Symbol;mso-bidi-font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span lang=VI style='font-size:13.0pt;font-family:"Times New Roman",serif'>${text}<o:p></o:p></span></p>`;
    const numbered = (n: number, text: string) =>
      `<p class=MsoListParagraph style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if !supportLists]><span lang=VI><span style='mso-list:Ignore'>${n}.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span lang=VI>${text}</span></p>`;
    const word = [
      `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{font-family:"Times New Roman"}</style></head><body lang=VI><div class=WordSection1>`,
      `<p class=MsoNormal><b><span lang=VI style='font-size:13.0pt;color:red'>Hồ sơ</span></b><span lang=VI> gồm <i>hai</i> loại, xem <a href="https://dichvucong.gov.vn/p/home/dvc-trang-chu.html">Cổng <b>dịch vụ</b> công</a>:<o:p></o:p></span></p>`,
      bullet("Căn cước <b>công dân</b>", "First"),
      bullet("Giấy xác nhận cư trú", "Last"),
      `<p class=MsoNormal><o:p>&nbsp;</o:p></p>`,
      numbered(1, "Nộp hồ sơ"),
      numbered(2, "Nhận <i>kết quả</i>"),
      `<p class=MsoNormal>Hết.</p></div></body></html>`,
    ].join("\n");
    const markup = htmlToMarkup(word);
    expect(markup).toBe(
      [
        "**Hồ sơ** gồm *hai* loại, xem [Cổng **dịch vụ** công](https://dichvucong.gov.vn/p/home/dvc-trang-chu.html):",
        "- Căn cước **công dân**\n- Giấy xác nhận cư trú",
        "1. Nộp hồ sơ\n2. Nhận *kết quả*",
        "Hết.",
      ].join("\n\n"),
    );
    expect(markup).not.toMatch(/·|Symbol|Times|red|mso/);
    expect(parse(markup).map((b) => b.type)).toStrictEqual(["paragraph", "list", "list", "paragraph"]);
  });

  it("closes marks at line breaks and keeps them out of subheadings", () => {
    expect(htmlToMarkup("<p><b>Dòng một<br>dòng hai</b></p><h2>Tiêu <b>đề</b></h2>")).toBe(
      "**Dòng một**\n**dòng hai**\n\n## Tiêu đề",
    );
  });

  it("decodes named and numeric entities, and collapses whitespace", () => {
    expect(
      htmlToMarkup(
        "<p>A &amp; B &lt;3&gt; &quot;x&quot; &#39;y&#39; &#x27;z&#x27; &mdash; &#8220;Hà&#x20;Nội&#8221; &#150; &unknown; &amp;nbsp;</p>",
      ),
    ).toBe("A & B <3> \"x\" 'y' 'z' — “Hà Nội” – &unknown; &nbsp;");
    expect(htmlToMarkup("<p>  Cà \n\t  Mau\u200b  </p>")).toBe("Cà Mau");
  });

  it("turns blockquotes into > lines, with a cite line the markup recognises", () => {
    const markup = htmlToMarkup(
      "<p>Ông nói:</p><blockquote><p>Chúng tôi sẽ làm.</p><p>— Ông A</p></blockquote><p>Tiếp.</p>",
    );
    expect(markup).toBe("Ông nói:\n\n> Chúng tôi sẽ làm.\n> — Ông A\n\nTiếp.");
    expect(parse(markup)).toStrictEqual([
      { type: "paragraph", text: "Ông nói:" },
      { type: "quote", text: "Chúng tôi sẽ làm.", cite: "Ông A" },
      { type: "paragraph", text: "Tiếp." },
    ]);
  });

  it("cleans a Google Docs paste", () => {
    const docs = `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1a2b"><h1 dir="ltr" style="line-height:1.38"><span style="font-size:20pt;">Lễ hội </span><span style="font-size:20pt;font-style:italic">Nghinh Ông</span></h1><p dir="ltr"><span style="font-size:11pt;">Lễ hội diễn ra ở Sông Đốc.</span></p><br><p dir="ltr"><span>Hàng nghìn người tham dự.</span></p></b><br class="Apple-interchange-newline">`;
    expect(htmlToMarkup(docs)).toBe("## Lễ hội Nghinh Ông\n\nLễ hội diễn ra ở Sông Đốc.\n\nHàng nghìn người tham dự.");
  });

  it("drops images, media, the head and attributes holding > signs", () => {
    const page = `<!DOCTYPE html><html><head><title>Trang</title><link rel=stylesheet href=x.css></head><body><figure><img src="a.jpg" alt="Ảnh > đẹp"><figcaption>Chú thích cũ</figcaption></figure><p title="a > b" data-x='c > d'>Nội dung</p><svg><text>vẽ</text></svg><video><source src=v.mp4>Trình duyệt không hỗ trợ</video></body></html>`;
    expect(htmlToMarkup(page)).toBe("Nội dung");
  });

  it("normalises decomposed text to NFC and never outputs tags", () => {
    const markup = htmlToMarkup(`<p>${"Quảng Ngãi".normalize("NFD")}</p><p><span>a</span> < b</p>`);
    expect(markup).toBe("Quảng Ngãi\n\na < b");
  });
});

describe("MARKUP_HELP", () => {
  it("explains every construct in Vietnamese, in a few lines", () => {
    for (const s of [
      "##",
      "[[anh:123]]",
      "[[anh:123 | Chú thích | Tác giả]]",
      "> ",
      "[khung]",
      "[/khung]",
      "dòng trống",
      "**chữ đậm**",
      "*chữ nghiêng*",
      "[chữ](https://",
      "\\*",
      "- ",
      "1. ",
      "| --- |",
      "[bang:",
      "[[xem-them:123]]",
      "[[video:youtube:",
      "[[video:facebook:",
    ]) {
      expect(MARKUP_HELP).toContain(s);
    }
    // A line per construct, no more.
    expect(MARKUP_HELP.split("\n").length).toBeLessThanOrEqual(12);
    expect(MARKUP_HELP).not.toMatch(/[<>]\w/);
  });
});
