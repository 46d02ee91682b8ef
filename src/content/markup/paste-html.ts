// Pasted HTML (Word, Google Docs, LibreOffice, web pages) to markup. Text
// survives, with its bold, italic, safe links (tracking removed,
// ./paste-links), headings and lists (what the programs' HTML means is in
// ./office-html); tags, other attributes (fonts, colours, sizes), empty
// paragraphs, comments (Word's conditional ones included), scripts, styles,
// the document head and embedded media are dropped. Images are reported in
// place, for the caller to upload or drop: this file never fetches anything.
// Pasted text is treated as if typed, so markup written in a document ("## ",
// "[[anh:1]]") keeps working after the paste.
//
// Tables are reported as rows of cells (each cell one line of markup), for
// ./paste-blocks to make a table block or, where one cannot be made, one
// paragraph per row. A table inside a table is text of its cell.
import { nfc } from "../../vi/normalize";
import { BODY_TEXT_MAX } from "../blocks";
import { decodeEntities } from "./html-entities";
import { tokenize } from "./html-tokens";
import {
  INLINE,
  type InlineEffect,
  inlineEffect,
  isNumberMarker,
  isTitleParagraph,
  isWordListItem,
} from "./office-html";
import { partsToMarkup } from "./paste-blocks";
import type { PastedImage, PastePart, PasteReading } from "./paste-parts";

/** Control characters other than tab and line breaks, soft hyphen, zero-width characters, BOM: all render as nothing. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u00ad\u200b-\u200d\u2060\ufeff]/g;

/** Text as it renders: entities decoded, invisible characters dropped, whitespace runs as one space. */
function cleanText(s: string): string {
  return decodeEntities(s).replace(INVISIBLE, "").replace(/\s+/g, " ");
}

/** Elements whose content is never article text. */
const HIDDEN = new Set([
  "head",
  "svg",
  "math",
  "template",
  "object",
  "video",
  "audio",
  "canvas",
  "figcaption",
  "select",
  "datalist",
  "map",
]);
const BLOCK = new Set([
  "p",
  "div",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "li",
  "ul",
  "ol",
  "dl",
  "dt",
  "dd",
  "blockquote",
  "pre",
  "table",
  "thead",
  "tbody",
  "tfoot",
  "tr",
  "td",
  "th",
  "caption",
  "section",
  "article",
  "header",
  "footer",
  "aside",
  "nav",
  "main",
  "address",
  "hr",
  "figure",
  "center",
  "form",
  "fieldset",
  "legend",
  "details",
  "summary",
  "body",
  "html",
]);
/** Inside a table, these still shape the table; every other block element is only a space in its cell. */
const TABLE_PARTS = new Set(["table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption"]);

/** Formatting elements open at once that are tracked; deeper ones (only hostile input nests so) say nothing. */
const MAX_INLINE_DEPTH = 64;
/** Markup read before giving up: well over what one body may hold (blocks.ts), so a refusal is certain. */
const MAX_MARKUP_CHARS = 2 * BODY_TEXT_MAX;
const MAX_PARTS = 2000;

/**
 * The text of the block being read, kept as pieces: a hostile paste may hold
 * one endless paragraph, and both appending and putting a mark's closer
 * before the trailing spaces then stay cheap (a string would be copied whole
 * each time).
 */
class TextBuffer {
  private pieces: string[] = [];
  length = 0;
  add(s: string): void {
    if (!s) return;
    this.pieces.push(s);
    this.length += s.length;
  }
  /** Inserts `s` before the spaces and line breaks the text ends with. */
  beforeTrailingSpace(s: string): void {
    let tail = "";
    while (this.pieces.length) {
      const last = this.pieces.pop()!;
      let end = last.length;
      while (end > 0 && (last[end - 1] === " " || last[end - 1] === "\n")) end--;
      tail = last.slice(end) + tail;
      if (end > 0) {
        this.pieces.push(last.slice(0, end));
        break;
      }
    }
    this.pieces.push(s, tail);
    this.length += s.length;
  }
  /** The text, the buffer emptied. */
  take(): string {
    const text = this.pieces.join("");
    this.pieces = [];
    this.length = 0;
    return text;
  }
}

/** Cell or caption text on one line, spaces collapsed. */
const oneLine = (s: string) => s.replace(/\s+/g, " ").trim();

const escapeHref = (href: string) => href.replace(/[\\)]/g, (c) => `\\${c}`);

/**
 * Converts pasted HTML to markup parts: paragraphs, "## " subheadings, "> "
 * quotes, "- " and "1. " lists, and **bold**, *italic* and [links](…) (only
 * links ./rich-text accepts; others leave their text), with the place of each
 * image between them. Marks never span a line break.
 */
export function readPastedHtml(html: string): PasteReading {
  const out: PastePart[] = [];
  const images: PastedImage[] = [];
  let outChars = 0;
  let tableDepth = 0;
  /** The outermost table being read: its rows, the open row and cell, images met in it (placed after it). */
  let table: {
    caption: string;
    rows: string[][];
    row: string[] | null;
    /** The open cell's colspan, 0 when no cell is open. */
    cell: number;
    images: number[];
  } | null = null;
  const buf = new TextBuffer();
  let heading = 0;
  /** A paragraph styled as a title (Word's MsoTitle): read like a heading. */
  let title = false;
  let quoteDepth = 0;
  let quoteLines: string[] = [];
  const hidden = new Map<string, number>();
  let hiddenCount = 0;
  const inline: InlineEffect[] = [];
  /** The marks open in `buf` now. */
  let shown = { bold: false, italic: false, href: null as string | null };
  /** HTML lists open (<ul>/<ol>), innermost last. */
  const lists: boolean[] = [];
  /** The block being read is a list item: numbered or not. */
  let item: { ordered: boolean } | null = null;
  /** The list being written to `out`, its lines. */
  let list: { ordered: boolean; lines: string[] } | null = null;

  const emit = (markup: string) => {
    out.push({ kind: "markup", markup });
    outChars += markup.length;
  };
  const wanted = () => {
    const want = { bold: false, italic: false, href: null as string | null };
    if (heading > 0 || title) return want; // subheadings carry no marks
    for (const e of inline) {
      if (e.bold !== undefined) want.bold = e.bold;
      if (e.italic !== undefined) want.italic = e.italic;
      if (e.href !== undefined) want.href = e.href;
    }
    return want;
  };
  /** Writes the markers that take `buf` from the marks shown to `want`: closers before trailing spaces. */
  const sync = (want: typeof shown) => {
    let close = "";
    let open = "";
    const linkChanges = shown.href !== want.href;
    // A link opens before, and closes after, the bold and italic that start and end with it: "[**a**](…)".
    if (linkChanges && want.href !== null) open += "[";
    if (shown.bold !== want.bold) {
      if (want.bold) open += "**";
      else close += "**";
    }
    if (shown.italic !== want.italic) {
      if (want.italic) open += "*";
      else close += "*";
    }
    if (linkChanges && shown.href !== null) close += `](${escapeHref(shown.href)})`;
    if (close) buf.beforeTrailingSpace(close);
    buf.add(open);
    shown = want;
  };
  const closeMarks = () => sync({ bold: false, italic: false, href: null });
  const addText = (text: string) => {
    if (inline.some((e) => e.hidden)) return;
    const lead = /^ */.exec(text)?.[0] ?? "";
    if (lead.length === text.length) {
      buf.add(text);
      return;
    }
    buf.add(lead);
    sync(wanted());
    buf.add(text.slice(lead.length));
  };

  const endList = () => {
    if (list) emit(list.lines.join("\n"));
    list = null;
  };
  const flush = () => {
    closeMarks();
    const paras = buf
      .take()
      .replace(/ *\n */g, "\n")
      .split(/\n{2,}/)
      .map((p) =>
        p
          .split("\n")
          .map((l) => l.replace(/ {2,}/g, " ").trim())
          .filter(Boolean)
          .join("\n"),
      )
      .filter(Boolean);
    for (const p of paras) {
      if (quoteDepth > 0) quoteLines.push(...p.split("\n"));
      else if (item) {
        if (list && list.ordered !== item.ordered) endList();
        list ??= { ordered: item.ordered, lines: [] };
        list.lines.push(`${item.ordered ? `${list.lines.length + 1}.` : "-"} ${p.replace(/\n/g, " ")}`);
      } else {
        endList();
        if (heading > 0 || title) emit(`## ${p.replace(/\n/g, " ")}`);
        else emit(p);
      }
    }
  };
  const endQuote = () => {
    if (quoteLines.length) {
      endList();
      emit(quoteLines.map((l) => `> ${l}`).join("\n"));
    }
    quoteLines = [];
  };
  /** The text read since the last block, its marks closed, and the buffer emptied. */
  const takeBuf = () => {
    closeMarks();
    return buf.take();
  };
  const endCell = () => {
    if (!table?.cell) return;
    table.row ??= [];
    // A cell spanning columns: its text in the first, the others empty, so columns stay aligned.
    const text = oneLine(takeBuf());
    outChars += text.length;
    table.row.push(text, ...Array<string>(table.cell - 1).fill(""));
    table.cell = 0;
  };
  const endRow = () => {
    if (table?.row?.some((c) => c !== "")) table.rows.push(table.row);
    if (table) table.row = null;
  };
  const setHidden = (name: string, delta: number) => {
    const was = hidden.get(name) ?? 0;
    const now = Math.max(0, was + delta);
    hidden.set(name, now);
    hiddenCount += now - was;
  };

  for (const tok of tokenize(html)) {
    // Text waiting in the buffer or an open table counts too: one endless paragraph or row is as long.
    const tableParts = table ? table.rows.length + (table.row?.length ?? 0) : 0;
    if (outChars + buf.length > MAX_MARKUP_CHARS || out.length + tableParts > MAX_PARTS)
      return { parts: out, images, tooLong: true };
    if (tok.kind === "text") {
      if (hiddenCount === 0) addText(cleanText(tok.text));
      continue;
    }
    if (tok.kind === "list-marker") {
      if (item) item = { ordered: isNumberMarker(tok.text) };
      continue;
    }
    const { name } = tok;
    if (tok.kind === "open" && name === "body") setHidden("head", -Infinity); // an unclosed <head> ends here
    if (HIDDEN.has(name)) {
      if (!tok.selfClosing) setHidden(name, tok.kind === "open" ? 1 : -1);
      continue;
    }
    if (hiddenCount > 0) continue;
    if (name === "img") {
      if (tok.kind !== "open" || tok.attrs.src === undefined) continue;
      if (table) {
        table.images.push(images.length);
        images.push({ src: tok.attrs.src.trim(), alt: cleanText(tok.attrs.alt ?? "").trim() });
        continue;
      }
      // Its own block, where it stood: the text around it ends and starts paragraphs.
      flush();
      if (quoteDepth > 0) endQuote();
      endList();
      out.push({ kind: "image", index: images.length });
      images.push({ src: tok.attrs.src.trim(), alt: cleanText(tok.attrs.alt ?? "").trim() });
      continue;
    }
    if (name === "br") {
      if (tok.kind === "open") {
        closeMarks();
        buf.add(table ? " " : "\n");
      }
      continue;
    }
    if (INLINE.has(name)) {
      if (tok.kind === "open" && !tok.selfClosing) {
        if (inline.length < MAX_INLINE_DEPTH) inline.push(inlineEffect(name, tok.attrs));
      } else if (tok.kind === "close") {
        const at = inline.map((e) => e.name).lastIndexOf(name);
        if (at >= 0) inline.splice(at);
      }
      continue;
    }
    if (!BLOCK.has(name)) continue; // other inline markup (u, sup, o:p…) leaves only its text
    if (name === "table") {
      if (tok.kind === "open" && tableDepth++ === 0) {
        flush();
        endQuote();
        endList();
        table = { caption: "", rows: [], row: null, cell: 0, images: [] };
        continue;
      }
      if (tok.kind === "close" && tableDepth > 0 && --tableDepth === 0 && table) {
        endCell();
        endRow();
        out.push({ kind: "table", caption: table.caption, rows: table.rows });
        for (const index of table.images) out.push({ kind: "image", index });
        table = null;
        continue;
      }
    }
    if (table) {
      // A paragraph, a list or a nested table inside a cell: the cell stays one line.
      if (tableDepth > 1 || !TABLE_PARTS.has(name)) buf.add(" ");
      else if (name === "td" || name === "th") {
        endCell();
        if (tok.kind === "open") {
          buf.take();
          table.cell = Math.min(Math.max(1, Number.parseInt(tok.attrs.colspan ?? "1", 10) || 1), 12);
        }
      } else if (name === "tr") {
        endCell();
        endRow();
      } else if (name === "caption") {
        endCell();
        if (tok.kind === "open") buf.take();
        else table.caption = oneLine(takeBuf());
      }
      continue;
    }
    flush();
    if (/^h[1-6]$/.test(name)) heading = Math.max(0, heading + (tok.kind === "open" ? 1 : -1));
    if (name === "p") title = tok.kind === "open" && isTitleParagraph(name, tok.attrs);
    if (name === "blockquote") {
      if (tok.kind === "open") quoteDepth++;
      else if (quoteDepth > 0 && --quoteDepth === 0) endQuote();
    }
    if (name === "ul" || name === "ol") {
      if (tok.kind === "open") lists.push(name === "ol");
      else if (lists.length) lists.pop();
      item = lists.length ? item : null;
      if (!lists.length && tok.kind === "close") endList();
    } else if (name === "li") {
      item = tok.kind === "open" && lists.length ? { ordered: lists[0]! } : lists.length ? item : null;
    } else if (name === "p" && !lists.length) {
      item = tok.kind === "open" && isWordListItem(tok.attrs) ? { ordered: false } : null;
    }
  }
  flush();
  endQuote();
  endList();
  const parts = out.map((p): PastePart => {
    if (p.kind === "markup") return { kind: "markup", markup: nfc(p.markup) };
    if (p.kind === "table") return { kind: "table", caption: nfc(p.caption), rows: p.rows.map((r) => r.map(nfc)) };
    return p;
  });
  return { parts, images, tooLong: false };
}

/** The markup of a paste, images left out (tables as ./paste-blocks writes them). */
export function htmlToMarkup(html: string): string {
  return partsToMarkup(readPastedHtml(html).parts, new Map());
}
