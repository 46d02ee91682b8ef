// A small markup for article bodies, typed by reporters on a phone into a
// plain <textarea>, and its conversion to and from typed blocks (./blocks).
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
// - Everything else is a paragraph.
// - A phone makes double line breaks clumsy, so subheading, figure and
//   "[khung]" lines stand alone even without blank lines around them, and a
//   run of ">" lines is a quote even when a paragraph line precedes it.
// - Escapes, which blocksToMarkup writes so that every valid body survives a
//   round trip and which reporters rarely need: a line starting with "\" is
//   plain text with that one backslash removed (so "\## a" is a paragraph
//   line "## a", and a lone "\" is an empty line inside a paragraph or item).
//   In one-line fields (subheading, caption, credit, cite, box title) "\n" is
//   a line break, "\|" a pipe, "\"" a double quote and "\\" a backslash.
//
// markupToBlocks(blocksToMarkup(b)) deep-equals b for any body parseBody
// returns, except that a carriage return inside stored text becomes a line
// feed (line endings are normalised on the way in).
import { nfc } from "../vi/normalize";
import type { BodyBlock } from "./blocks";

type RawBlock = Record<string, unknown> & { type: string };

const HEADING = /^#{2,6}[ \t]+(\S[\s\S]*)$/;
const FIGURE = /^\[\[\s*(?:anh|ảnh)\s*:\s*(\d+)\s*(?:\|([\s\S]*))?\]\]$/iu;
const QUOTE = /^>(?:[ \t]|$)/;
const CITE = /^(?:[—–][ \t]*|--?[ \t]+)(\S[\s\S]*)$/;
const BOX_OPEN = /^\[khung(?:\s*:([\s\S]*))?\]$/iu;
const BOX_CLOSE = /^\[\/khung\]$/iu;
/** The explicit empty value of a one-line field. */
const EMPTY = '""';

type Line =
  | { kind: "blank" }
  | { kind: "text"; text: string }
  | { kind: "heading"; raw: string }
  | { kind: "figure"; id: string; rest: string | undefined }
  | { kind: "quote"; raw: string }
  | { kind: "open"; title: string | undefined }
  | { kind: "close" };

function readLine(line: string): Line {
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
  const s = line.trimStart();
  if (QUOTE.test(s)) return { kind: "quote", raw: s.slice(s[1] === " " || s[1] === "\t" ? 2 : 1) };
  return { kind: "text", text: line };
}

function unescapeInline(s: string): string {
  return s.replace(/\\([\\|"n])/g, (_, c: string) => (c === "n" ? "\n" : c));
}

/** A one-line field: `""` is explicitly empty; otherwise unescaped and trimmed, empty meaning absent. */
function readField(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const t = raw.trim();
  if (t === EMPTY) return "";
  const value = unescapeInline(t).trim();
  return value === "" ? undefined : value;
}

function writeField(value: string, pipes = false): string {
  if (value === "") return EMPTY;
  let out = value.replace(/\\/g, "\\\\").replace(/\n/g, "\\n");
  if (pipes) out = out.replace(/\|/g, "\\|");
  return out.trim() === EMPTY ? out.replace(/"/g, '\\"') : out;
}

/** Splits figure parts on unescaped pipes, leaving escapes for readField. */
function splitParts(s: string): string[] {
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

function figure(id: string, rest: string | undefined): RawBlock {
  const block: RawBlock = { type: "figure", imageId: Number(id) };
  if (rest === undefined) return block;
  const [first, second, ...more] = splitParts(rest);
  const caption = readField(first);
  const credit = readField(second === undefined ? undefined : [second, ...more].join("|"));
  if (caption !== undefined) block.caption = caption;
  if (credit !== undefined) block.credit = credit;
  return block;
}

/**
 * Parses markup into raw blocks. They are not validated: the caller runs
 * parseBody, whose Vietnamese messages point at what the reporter must fix.
 */
export function markupToBlocks(markup: string): unknown[] {
  const text = nfc(markup.replace(/\r\n?/g, "\n")).trim();
  if (text === "") return [];
  const lines = text.split("\n");
  const out: RawBlock[] = [];
  // Cast, not annotation: flush() reassigns it, which narrowing cannot see.
  let open = null as { kind: "paragraph" | "quote"; lines: string[] } | null;

  const flush = () => {
    if (!open) return;
    const { kind, lines: buf } = open;
    open = null;
    if (kind === "paragraph") {
      out.push({ type: "paragraph", text: buf.join("\n").trim() });
      return;
    }
    // Quote lines are kept raw until here, so an escaped last line is never a cite.
    let cite: string | undefined;
    const last = buf[buf.length - 1] ?? "";
    const m = buf.length >= 2 ? CITE.exec(last) : null;
    if (m) {
      cite = readField(m[1]);
      buf.pop();
    }
    const quoteText = buf
      .map((l) => (l.startsWith("\\") ? l.slice(1) : l))
      .join("\n")
      .trim();
    out.push(cite === undefined ? { type: "quote", text: quoteText } : { type: "quote", text: quoteText, cite });
  };

  for (let i = 0; i < lines.length; i++) {
    const line = readLine(lines[i]!);
    switch (line.kind) {
      case "blank":
        flush();
        break;
      case "heading":
        flush();
        out.push({ type: "subheading", text: readField(line.raw) ?? "" });
        break;
      case "figure":
        flush();
        out.push(figure(line.id, line.rest));
        break;
      case "open": {
        flush();
        const box = readBox(lines, i + 1);
        const title = readField(line.title);
        out.push(
          title === undefined ? { type: "aside", items: box.items } : { type: "aside", title, items: box.items },
        );
        i = box.end;
        break;
      }
      case "quote":
        if (open?.kind !== "quote") flush();
        open ??= { kind: "quote", lines: [] };
        open.lines.push(line.raw);
        break;
      case "close": // a stray "[/khung]" is text the editor should see
      case "text":
        if (open?.kind !== "paragraph") flush();
        open ??= { kind: "paragraph", lines: [] };
        open.lines.push(line.kind === "text" ? line.text : lines[i]!);
        break;
    }
  }
  flush();
  return out;
}

/** Reads box items from `start` up to "[/khung]" or the end; `end` is the index of the closing line. */
function readBox(lines: string[], start: number): { items: string[]; end: number } {
  const items: string[] = [];
  let cur: string[] = [];
  const push = () => {
    const item = cur.join("\n").trim();
    if (item !== "") items.push(item);
    cur = [];
  };
  let i = start;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith("\\")) cur.push(line.slice(1));
    else if (BOX_CLOSE.test(line.trim())) break;
    else if (line.trim() === "") push();
    else cur.push(line);
  }
  push();
  return { items, end: i };
}

/** Lines of paragraph or box text, escaped where they would otherwise read as markup. */
function writeLines(text: string): string {
  return text
    .split("\n")
    .map((l) => (l.startsWith("\\") || readLine(l).kind !== "text" ? `\\${l}` : l))
    .join("\n");
}

function writeBlock(b: BodyBlock): string {
  switch (b.type) {
    case "paragraph":
      return writeLines(b.text);
    case "subheading":
      return `## ${writeField(b.text)}`;
    case "figure": {
      let s = `[[anh:${b.imageId}`;
      if (b.caption !== undefined || b.credit !== undefined)
        s += ` | ${b.caption === undefined ? "" : writeField(b.caption, true)}`;
      if (b.credit !== undefined) s += ` | ${writeField(b.credit, true)}`;
      return `${s}]]`;
    }
    case "quote": {
      const lines = b.text.split("\n");
      const out = lines.map((l, i) => {
        if (l === "") return ">";
        const escaped = l.startsWith("\\") || (i === lines.length - 1 && CITE.test(l));
        return `> ${escaped ? "\\" : ""}${l}`;
      });
      if (b.cite !== undefined) out.push(`> — ${writeField(b.cite)}`);
      return out.join("\n");
    }
    case "aside": {
      const open = b.title === undefined ? "[khung]" : `[khung: ${writeField(b.title)}]`;
      return [open, b.items.map(writeLines).join("\n\n"), "[/khung]"].join("\n");
    }
  }
}

/** Writes stored blocks back as markup, for editing a published article. */
export function blocksToMarkup(blocks: BodyBlock[]): string {
  return blocks.map(writeBlock).join("\n\n");
}

// ---------------------------------------------------------------------------
// Pasted HTML (Word, Google Docs, web pages) to markup. Runs in the Workers
// runtime: no DOM, so a small tolerant tokenizer. Only text survives: tags,
// attributes, comments (Word's conditional ones included), scripts, styles,
// the document head, images and embedded media are dropped. Pasted text is
// treated as if typed, so markup written in a document ("## ", "[[anh:1]]")
// keeps working after the paste.

const NAMED: Record<string, string> = {
  nbsp: "\u00a0",
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  hellip: "…",
  ndash: "–",
  mdash: "—",
  lsquo: "‘",
  rsquo: "’",
  sbquo: "‚",
  ldquo: "“",
  rdquo: "”",
  bdquo: "„",
  laquo: "«",
  raquo: "»",
  lsaquo: "‹",
  rsaquo: "›",
  middot: "·",
  bull: "•",
  deg: "°",
  plusmn: "±",
  times: "×",
  divide: "÷",
  minus: "−",
  frac12: "½",
  frac14: "¼",
  frac34: "¾",
  sup2: "²",
  sup3: "³",
  permil: "‰",
  prime: "′",
  Prime: "″",
  copy: "©",
  reg: "®",
  trade: "™",
  sect: "§",
  para: "¶",
  euro: "€",
  pound: "£",
  yen: "¥",
  cent: "¢",
  larr: "←",
  rarr: "→",
  uarr: "↑",
  darr: "↓",
  iexcl: "¡",
  iquest: "¿",
  ensp: "\u2002",
  emsp: "\u2003",
  thinsp: "\u2009",
  shy: "\u00ad",
  zwnj: "\u200c",
  zwj: "\u200d",
  agrave: "à",
  aacute: "á",
  acirc: "â",
  atilde: "ã",
  egrave: "è",
  eacute: "é",
  ecirc: "ê",
  igrave: "ì",
  iacute: "í",
  ograve: "ò",
  oacute: "ó",
  ocirc: "ô",
  otilde: "õ",
  ugrave: "ù",
  uacute: "ú",
  yacute: "ý",
  ccedil: "ç",
  uuml: "ü",
  ouml: "ö",
  auml: "ä",
  Agrave: "À",
  Aacute: "Á",
  Acirc: "Â",
  Atilde: "Ã",
  Egrave: "È",
  Eacute: "É",
  Ecirc: "Ê",
  Igrave: "Ì",
  Iacute: "Í",
  Ograve: "Ò",
  Oacute: "Ó",
  Ocirc: "Ô",
  Otilde: "Õ",
  Ugrave: "Ù",
  Uacute: "Ú",
  Yacute: "Ý",
  Ccedil: "Ç",
  Uuml: "Ü",
  Ouml: "Ö",
  Auml: "Ä",
};
/** Entities that old pages write without the semicolon. */
const LEGACY = new Set(["nbsp", "amp", "lt", "gt", "quot", "copy", "reg"]);
/** HTML maps numeric references 128–159 through Windows-1252, as Word's old output expects. */
const CP1252 = new Map<number, number>([
  [0x80, 0x20ac],
  [0x82, 0x201a],
  [0x83, 0x0192],
  [0x84, 0x201e],
  [0x85, 0x2026],
  [0x86, 0x2020],
  [0x87, 0x2021],
  [0x88, 0x02c6],
  [0x89, 0x2030],
  [0x8a, 0x0160],
  [0x8b, 0x2039],
  [0x8c, 0x0152],
  [0x8e, 0x017d],
  [0x91, 0x2018],
  [0x92, 0x2019],
  [0x93, 0x201c],
  [0x94, 0x201d],
  [0x95, 0x2022],
  [0x96, 0x2013],
  [0x97, 0x2014],
  [0x98, 0x02dc],
  [0x99, 0x2122],
  [0x9a, 0x0161],
  [0x9b, 0x203a],
  [0x9c, 0x0153],
  [0x9e, 0x017e],
  [0x9f, 0x0178],
]);

function decodeEntities(s: string): string {
  return s.replace(
    /&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,7})|([A-Za-z][A-Za-z0-9]{1,31}))(;?)/g,
    (all, dec: string | undefined, hex: string | undefined, name: string | undefined, semi: string) => {
      if (name !== undefined) {
        const v = NAMED[name];
        return v !== undefined && (semi || LEGACY.has(name)) ? v : all;
      }
      let cp = dec !== undefined ? parseInt(dec, 10) : parseInt(hex!, 16);
      cp = CP1252.get(cp) ?? cp;
      if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return "\ufffd";
      return String.fromCodePoint(cp);
    },
  );
}

/** Control characters other than tab and line breaks, soft hyphen, zero-width characters, BOM: all render as nothing. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u00ad\u200b-\u200d\u2060\ufeff]/g;

/** Text as it renders: entities decoded, invisible characters dropped, whitespace runs as one space. */
function cleanText(s: string): string {
  return decodeEntities(s).replace(INVISIBLE, "").replace(/\s+/g, " ");
}

/** Elements whose content is not HTML but raw text, skipped up to their end tag. */
const RAW = new Set(["script", "style", "xml", "textarea", "title", "noscript", "noembed", "noframes", "iframe"]);
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

type Token = { kind: "text"; text: string } | { kind: "open" | "close"; name: string; selfClosing: boolean };

/** Finds `re` (global) from `from`; returns the match index or -1. */
function findFrom(s: string, re: RegExp, from: number): { index: number; end: number } | null {
  re.lastIndex = from;
  const m = re.exec(s);
  return m ? { index: m.index, end: m.index + m[0].length } : null;
}

function* tokenize(html: string): Generator<Token> {
  const n = html.length;
  let i = 0;
  while (i < n) {
    const lt = html.indexOf("<", i);
    if (lt < 0) {
      yield { kind: "text", text: html.slice(i) };
      return;
    }
    if (lt > i) yield { kind: "text", text: html.slice(i, lt) };
    i = lt;
    const next = html[i + 1] ?? "";
    if (html.startsWith("<!--", i)) {
      // Comments, Word's conditional comments "<!--[if gte mso 9]>…<![endif]-->" included.
      const end = html.indexOf("-->", i + 4);
      i = end < 0 ? n : end + 3;
    } else if (html.startsWith("<![", i)) {
      // Word's "<![if !supportLists]>·<![endif]>" wraps list bullets; CDATA is not article text either.
      const hit = /^<!\[if\b/i.test(html.slice(i, i + 6))
        ? findFrom(html, /<!\[endif\]>/gi, i)
        : findFrom(html, /\]\]>/g, i);
      const gt = html.indexOf(">", i);
      i = hit ? hit.end : gt < 0 ? n : gt + 1;
    } else if (next === "!" || next === "?") {
      const gt = html.indexOf(">", i);
      i = gt < 0 ? n : gt + 1;
    } else if (next === "/" && /[A-Za-z]/.test(html[i + 2] ?? "")) {
      const m = /^<\/([^\s/>]+)/.exec(html.slice(i, i + 64));
      const gt = html.indexOf(">", i);
      i = gt < 0 ? n : gt + 1;
      yield { kind: "close", name: (m?.[1] ?? "").toLowerCase(), selfClosing: false };
    } else if (/[A-Za-z]/.test(next)) {
      const m = /^<([^\s/>]+)/.exec(html.slice(i, i + 64));
      const name = (m?.[1] ?? "").toLowerCase();
      // Find the tag's end, skipping quoted attribute values (Word writes style='font:7.0pt "Times New Roman"').
      let j = i + 1 + (m?.[1]?.length ?? 0);
      let selfClosing = false;
      while (j < n) {
        const c = html[j];
        if (c === ">") {
          selfClosing = html[j - 1] === "/";
          j++;
          break;
        }
        j++;
        if (c === "=") {
          while (j < n && /\s/.test(html[j]!)) j++;
          const q = html[j];
          if (q === '"' || q === "'") {
            const e = html.indexOf(q, j + 1);
            j = e < 0 ? n : e + 1;
          }
        }
      }
      i = j;
      if (RAW.has(name) && !selfClosing) {
        const end = findFrom(html, new RegExp(`</${name}(?=[\\s/>]|$)`, "gi"), i);
        const gt = end ? html.indexOf(">", end.end) : -1;
        i = gt < 0 ? n : gt + 1; // an unclosed <script> swallows the rest: never leak its text
        continue;
      }
      yield { kind: "open", name, selfClosing };
    } else {
      yield { kind: "text", text: "<" };
      i++;
    }
  }
}

/** Converts pasted HTML to markup: paragraphs, "## " subheadings and "> " quotes, nothing else. */
export function htmlToMarkup(html: string): string {
  const out: string[] = [];
  let buf = "";
  let heading = 0;
  let quoteDepth = 0;
  let quoteLines: string[] = [];
  const hidden = new Map<string, number>();
  let hiddenCount = 0;

  const flush = () => {
    const paras = buf
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
    buf = "";
    for (const p of paras) {
      if (quoteDepth > 0) quoteLines.push(...p.split("\n"));
      else if (heading > 0) out.push(`## ${p.replace(/\n/g, " ")}`);
      else out.push(p);
    }
  };
  const endQuote = () => {
    if (quoteLines.length) out.push(quoteLines.map((l) => `> ${l}`).join("\n"));
    quoteLines = [];
  };
  const setHidden = (name: string, delta: number) => {
    const was = hidden.get(name) ?? 0;
    const now = Math.max(0, was + delta);
    hidden.set(name, now);
    hiddenCount += now - was;
  };

  for (const tok of tokenize(html)) {
    if (tok.kind === "text") {
      if (hiddenCount === 0) buf += cleanText(tok.text);
      continue;
    }
    const { name } = tok;
    if (tok.kind === "open" && name === "body") setHidden("head", -Infinity); // an unclosed <head> ends here
    if (HIDDEN.has(name)) {
      if (!tok.selfClosing) setHidden(name, tok.kind === "open" ? 1 : -1);
      continue;
    }
    if (hiddenCount > 0) continue;
    if (name === "br") {
      if (tok.kind === "open") buf += "\n";
      continue;
    }
    if (!BLOCK.has(name)) continue; // inline markup (span, b, a, o:p, img…) leaves only its text
    flush();
    if (/^h[1-6]$/.test(name)) heading = Math.max(0, heading + (tok.kind === "open" ? 1 : -1));
    if (name === "blockquote") {
      if (tok.kind === "open") quoteDepth++;
      else if (quoteDepth > 0 && --quoteDepth === 0) endQuote();
    }
  }
  flush();
  endQuote();
  return nfc(out.join("\n\n")).trim();
}

/** Short help for editors, shown next to the textarea. */
export const MARKUP_HELP = [
  "Cách soạn nội dung bài:",
  "• Các đoạn văn cách nhau bằng một dòng trống.",
  "• Tiêu đề phụ: bắt đầu dòng bằng ## , ví dụ: ## Diễn biến vụ việc",
  "• Ảnh từ thư viện: [[anh:123]] hoặc [[anh:123 | Chú thích | Tác giả]] (123 là số ảnh).",
  "• Trích dẫn: mỗi dòng bắt đầu bằng > ; dòng cuối dạng > — Họ tên là người nói.",
  "• Khung thông tin: mở bằng [khung] hoặc [khung: Tiêu đề], đóng bằng [/khung]; mỗi đoạn trong khung là một dòng thông tin.",
  "• Muốn một dòng giữ nguyên chữ, không hiểu là cú pháp, thêm dấu \\ ở đầu dòng.",
].join("\n");
