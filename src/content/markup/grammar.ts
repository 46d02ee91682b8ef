// A small markup for article bodies, typed by reporters on a phone into a
// plain <textarea>, and its conversion to and from typed blocks (../blocks).
//
//   Đoạn văn thường. Một lần xuống dòng được giữ nguyên trong đoạn.
//
//   ## Tiêu đề phụ
//
//   [[anh:123]]
//   [[anh:123 | Chú thích | Tác giả]]
//
//   > Lời trích dẫn, mỗi dòng bắt đầu bằng "> ".
//   > — Người nói
//
//   [khung: Tiêu đề khung]
//   Mỗi đoạn trong khung là một dòng thông tin.
//
//   Dòng trống bên trong khung không đóng khung.
//   [/khung]
//
// The rules, exactly:
//
// - Input is normalised first: CRLF and CR become LF, text becomes NFC, and
//   the whole input is trimmed. Every text field of every block is trimmed.
// - Blocks are separated by blank lines (lines of whitespace only). Single
//   newlines inside a paragraph, a quote or a box item are kept as "\n".
// - Subheading: a line "## text" (2 to 6 "#", whitespace, then text). One
//   line. A bare "##" or "###" (a separator some reporters type) is text.
// - Figure: a whole line "[[anh:ID]]" or "[[anh:ID | caption | credit]]",
//   "ảnh" accepted for "anh", any letter case, ID in digits. Parts are
//   trimmed; empty parts are left out (the image library's caption and credit
//   then apply). A part written `""` is an explicitly empty caption or credit,
//   which hides the library's one. A third or later part is folded into the
//   credit. Anything that looks like a figure but is not one, such as
//   "[[anh:abc]]", stays paragraph text, so the editor sees it in the preview
//   instead of losing it silently.
// - Quote: consecutive lines starting with ">" (the ">" and one following
//   space are removed; a bare ">" is an empty line of the quote). When a quote
//   has two or more lines and its last line starts with "— ", "– ", "-- " or
//   "- " (after the ">"), that line is the cite.
// - Box (aside): a line "[khung]" or "[khung: title]" opens it, a line
//   "[/khung]" closes it; inside, each blank-line-separated paragraph is one
//   item, and blank lines do not end the box. A box that is never closed runs
//   to the end of the body.
// - List: consecutive lines starting "- " (bulleted) or a number of 1 to 3
//   digits and ". " ("1. ", "2. "…, numbered; the numbers themselves are not
//   kept, the list counts from 1). One line per item. A bulleted line after a
//   numbered one (or the reverse) starts a new list.
// - Table: a header line of cells between pipes, "| Cột 1 | Cột 2 |", then
//   a rule line "| --- | --- |" with as many cells (each one or more "-",
//   ":" at either end allowed and ignored), then one line per row, up to the
//   first line that is not a row. Cells are trimmed; an empty cell is "" and
//   "\|" is a pipe inside a cell. A line "[bang: chú thích]" ("bảng" too)
//   right above the header line is the table's caption. Pipe lines without
//   the rule line under the first one are paragraph text, as before.
// - "Xem thêm": a whole line "[[xem-them:ID]]" ("xem-thêm" and "xem thêm"
//   too, any letter case), ID the number of another article.
// - Video: a whole line "[[video:youtube:ID | Tiêu đề]]" or
//   "[[video:facebook:ID | Tiêu đề | anh:45]]", the last part the library
//   photo shown before the reader taps. The title is a one-line field.
// - Everything else is a paragraph.
// - Inside paragraphs, quotes, box items and list items: **đậm**, *nghiêng*
//   and [chữ](https://…) links, with "\" before a literal "*", "[", "]" or
//   "\" (the rules in ./inline). Subheadings, captions, credits, cites and
//   box titles carry no marks.
// - A phone makes double line breaks clumsy, so subheading, figure and
//   "[khung]" lines stand alone even without blank lines around them, and a
//   run of ">" lines (or of list lines) is a quote (a list) even when a
//   paragraph line precedes it.
// - Escapes, which blocksToMarkup writes so that every valid body survives a
//   round trip and which reporters rarely need: a line starting with "\" is
//   plain text with that one backslash removed (so "\## a" is a paragraph
//   line "## a", "\- a" is not a list, and a lone "\" is an empty line
//   inside a paragraph or item); the inline escapes then apply to the rest
//   of the line, so a line starting with a literal "*" is written "\\*".
//   In one-line fields (subheading, caption, credit, cite, box title) "\n" is
//   a line break, "\|" a pipe, "\"" a double quote and "\\" a backslash.
//
// markupToBlocks(blocksToMarkup(b)) deep-equals b for any body parseBody
// returns, except that a carriage return inside stored text becomes a line
// feed (line endings are normalised on the way in).
//
// This file holds what the reader (./parse) and the writer (./serialize)
// share, so the two directions cannot drift apart: how a line is
// recognised, and the explicit empty value of a one-line field.

/** A subheading line: 2 to 6 "#", whitespace, then text. */
export const HEADING = /^#{2,6}[ \t]+(\S[\s\S]*)$/;
/** A figure line: "[[anh:ID]]" or "[[anh:ID | caption | credit]]". */
export const FIGURE = /^\[\[\s*(?:anh|ảnh)\s*:\s*(\d+)\s*(?:\|([\s\S]*))?\]\]$/iu;
/** A quote line: ">" followed by whitespace or nothing. */
export const QUOTE = /^>(?:[ \t]|$)/;
/** The last line of a quote that names the speaker. */
export const CITE = /^(?:[—–][ \t]*|--?[ \t]+)(\S[\s\S]*)$/;
export const BOX_OPEN = /^\[khung(?:\s*:([\s\S]*))?\]$/iu;
export const BOX_CLOSE = /^\[\/khung\]$/iu;
/** A list line: "- item" or "1. item". */
export const LIST_ITEM = /^(?:(-)|\d{1,3}\.)[ \t]+(\S[\s\S]*)$/;
/** The "Xem thêm" line: "[[xem-them:123]]". */
export const RELATED = /^\[\[\s*xem[- ]th(?:em|êm)\s*:\s*(\d+)\s*\]\]$/iu;
/** A video line: "[[video:provider:id | title | anh:45]]". */
export const VIDEO = /^\[\[\s*video\s*:\s*([^:|\]]*?)\s*:\s*([^|\]]*?)\s*(?:\|([\s\S]*))?\]\]$/iu;
/** A video's photo part: "anh:45". */
export const VIDEO_IMAGE = /^(?:anh|ảnh)\s*:\s*(\d+)$/iu;
/** A table's caption line, right above its header: "[bang: chú thích]". */
export const TABLE_CAPTION = /^\[\s*(?:bang|bảng)\s*:([\s\S]*)\]$/iu;
/** A cell of the line under a table's header. */
export const TABLE_RULE_CELL = /^\s*:?-+:?\s*$/;
/** The explicit empty value of a one-line field. */
export const EMPTY = '""';

export type Line =
  | { kind: "blank" }
  | { kind: "text"; text: string }
  | { kind: "heading"; raw: string }
  | { kind: "figure"; id: string; rest: string | undefined }
  | { kind: "quote"; raw: string }
  | { kind: "item"; ordered: boolean; raw: string }
  | { kind: "open"; title: string | undefined }
  | { kind: "close" }
  | { kind: "related"; id: string }
  | { kind: "video"; provider: string; id: string; rest: string | undefined }
  | { kind: "caption"; raw: string }
  | { kind: "row"; cells: string[] };

/** Splits on pipes not escaped with "\", keeping every escape for the part's own reader. */
export function splitParts(s: string): string[] {
  const parts: string[] = [];
  let cur = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === "\\" && i + 1 < s.length) {
      cur += c + s[i + 1];
      i++;
    } else if (c === "|") {
      parts.push(cur);
      cur = "";
    } else cur += c;
  }
  parts.push(cur);
  return parts;
}

/** The raw cells of a table line "| a | b |", or null when the line is not one (the last pipe must not be escaped). */
export function rowCells(trimmed: string): string[] | null {
  if (trimmed.length < 2 || !trimmed.startsWith("|")) return null;
  const parts = splitParts(trimmed.slice(1));
  if (parts.length < 2 || parts[parts.length - 1]!.trim() !== "") return null;
  return parts.slice(0, -1);
}

/** What one line of markup is. The writer uses it too, to know which text lines need escaping. */
export function readLine(line: string): Line {
  if (line.startsWith("\\")) return { kind: "text", text: line.slice(1) };
  const t = line.trim();
  if (t === "") return { kind: "blank" };
  const heading = HEADING.exec(t);
  if (heading) return { kind: "heading", raw: heading[1] ?? "" };
  const figureLine = FIGURE.exec(t);
  if (figureLine) return { kind: "figure", id: figureLine[1] ?? "", rest: figureLine[2] };
  const boxOpen = BOX_OPEN.exec(t);
  if (boxOpen) return { kind: "open", title: boxOpen[1] };
  if (BOX_CLOSE.test(t)) return { kind: "close" };
  const related = RELATED.exec(t);
  if (related) return { kind: "related", id: related[1] ?? "" };
  const video = VIDEO.exec(t);
  if (video) return { kind: "video", provider: video[1] ?? "", id: video[2] ?? "", rest: video[3] };
  const caption = TABLE_CAPTION.exec(t);
  if (caption) return { kind: "caption", raw: caption[1] ?? "" };
  const cells = rowCells(t);
  if (cells) return { kind: "row", cells };
  const s = line.trimStart();
  if (QUOTE.test(s)) return { kind: "quote", raw: s.slice(s[1] === " " || s[1] === "\t" ? 2 : 1) };
  const item = LIST_ITEM.exec(t);
  if (item) return { kind: "item", ordered: item[1] === undefined, raw: item[2] ?? "" };
  return { kind: "text", text: line };
}
