// Pasted HTML (Word, Google Docs, web pages) to markup. Text survives, with
// its bold, italic, safe links and lists; tags, other attributes (fonts,
// colours, sizes), comments (Word's conditional ones included), scripts,
// styles, the document head, images and embedded media are dropped. Pasted
// text is treated as if typed, so markup written in a document ("## ",
// "[[anh:1]]") keeps working after the paste.
import { nfc } from "../../vi/normalize";
import { safeHref } from "../rich-text";
import { decodeEntities } from "./html-entities";
import { type Token, tokenize } from "./html-tokens";
import { tableToMarkup } from "./paste-table";

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

/** What an inline element says about bold, italic and links; undefined: it says nothing. */
interface InlineEffect {
  name: string;
  bold?: boolean;
  italic?: boolean;
  href?: string | null;
}

/** Bold and italic from the element and its style (Docs wraps everything in <b style="font-weight:normal">). */
function inlineEffect(name: string, attrs: Record<string, string>): InlineEffect {
  const effect: InlineEffect = { name };
  if (name === "b" || name === "strong") effect.bold = true;
  if (name === "i" || name === "em" || name === "cite" || name === "dfn") effect.italic = true;
  if (name === "a") effect.href = attrs.href === undefined ? null : safeHref(attrs.href.trim());
  const style = (attrs.style ?? "").toLowerCase();
  const weight = /(?:^|;)\s*font-weight\s*:\s*([a-z0-9]+)/.exec(style)?.[1];
  if (weight) effect.bold = weight === "bold" || weight === "bolder" || Number(weight) >= 600;
  const fontStyle = /(?:^|;)\s*font-style\s*:\s*([a-z]+)/.exec(style)?.[1];
  if (fontStyle) effect.italic = fontStyle === "italic" || fontStyle === "oblique";
  return effect;
}

/** Elements that carry formatting, tracked on a stack while their text is read. */
const INLINE = new Set(["b", "strong", "i", "em", "cite", "dfn", "a", "span", "font"]);

/** A Word list paragraph: class MsoListParagraph… or a style naming its list. */
const isWordListItem = (attrs: Record<string, string>) =>
  /^MsoListParagraph/i.test(attrs.class ?? "") || /mso-list\s*:\s*l\d/i.test(attrs.style ?? "");

const escapeHref = (href: string) => href.replace(/[\\)]/g, (c) => `\\${c}`);

/**
 * Converts pasted HTML to markup: paragraphs, "## " subheadings, "> " quotes,
 * "- " and "1. " lists, and **bold**, *italic* and [links](…) (only links
 * ./rich-text accepts; others leave their text). Fonts, colours and sizes are
 * dropped. Marks never span a line break.
 */
export function htmlToMarkup(html: string): string {
  return tokensToMarkup(tokenize(html));
}

function tokensToMarkup(tokens: Iterable<Token>): string {
  const out: string[] = [];
  /** The tokens of a table being read (./paste-table), and how deep in nested tables. */
  let table: Token[] | null = null;
  let tableDepth = 0;
  let buf = "";
  let heading = 0;
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

  const wanted = () => {
    const want = { bold: false, italic: false, href: null as string | null };
    if (heading > 0) return want; // subheadings carry no marks
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
    if (shown.bold !== want.bold) {
      if (want.bold) open += "**";
      else close += "**";
    }
    if (shown.italic !== want.italic) {
      if (want.italic) open += "*";
      else close += "*";
    }
    // Bold and italic close inside the link they end in: "[a **b**](…)".
    if (linkChanges && shown.href !== null) close += `](${escapeHref(shown.href)})`;
    if (linkChanges && want.href !== null) open += "[";
    if (close) {
      const trailing = /[ \n]*$/.exec(buf)?.[0] ?? "";
      buf = buf.slice(0, buf.length - trailing.length) + close + trailing;
    }
    buf += open;
    shown = want;
  };
  const closeMarks = () => sync({ bold: false, italic: false, href: null });
  const addText = (text: string) => {
    const lead = /^ */.exec(text)?.[0] ?? "";
    if (lead.length === text.length) {
      buf += text;
      return;
    }
    buf += lead;
    sync(wanted());
    buf += text.slice(lead.length);
  };

  const endList = () => {
    if (list) out.push(list.lines.join("\n"));
    list = null;
  };
  const flush = () => {
    closeMarks();
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
      else if (item) {
        if (list && list.ordered !== item.ordered) endList();
        list ??= { ordered: item.ordered, lines: [] };
        list.lines.push(`${item.ordered ? `${list.lines.length + 1}.` : "-"} ${p.replace(/\n/g, " ")}`);
      } else {
        endList();
        if (heading > 0) out.push(`## ${p.replace(/\n/g, " ")}`);
        else out.push(p);
      }
    }
  };
  const endQuote = () => {
    if (quoteLines.length) {
      endList();
      out.push(quoteLines.map((l) => `> ${l}`).join("\n"));
    }
    quoteLines = [];
  };
  const setHidden = (name: string, delta: number) => {
    const was = hidden.get(name) ?? 0;
    const now = Math.max(0, was + delta);
    hidden.set(name, now);
    hiddenCount += now - was;
  };

  for (const tok of tokens) {
    if (table) {
      if (tok.kind !== "list-marker" && tok.kind !== "text" && tok.name === "table")
        tableDepth += tok.kind === "open" ? 1 : -1;
      if (tableDepth > 0) table.push(tok);
      else {
        const markup = tableToMarkup(table, tokensToMarkup);
        if (markup) out.push(markup);
        table = null;
      }
      continue;
    }
    if (tok.kind === "text") {
      if (hiddenCount === 0) addText(cleanText(tok.text));
      continue;
    }
    if (tok.kind === "list-marker") {
      // Word's bullet or number: "·", "o", "§" for bullets; "1.", "a)", "iv." for numbers.
      if (item) item = { ordered: /^(?:\d+|[a-z]|[ivxlc]+)[.)]$/i.test(tok.text) };
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
      if (tok.kind === "open") {
        closeMarks();
        buf += "\n";
      }
      continue;
    }
    if (INLINE.has(name)) {
      if (tok.kind === "open" && !tok.selfClosing) inline.push(inlineEffect(name, tok.attrs));
      else if (tok.kind === "close") {
        const at = inline.map((e) => e.name).lastIndexOf(name);
        if (at >= 0) inline.splice(at);
      }
      continue;
    }
    if (!BLOCK.has(name)) continue; // other inline markup (u, sup, o:p, img…) leaves only its text
    flush();
    if (name === "table" && tok.kind === "open" && !tok.selfClosing) {
      endList();
      table = [];
      tableDepth = 1;
      continue;
    }
    if (/^h[1-6]$/.test(name)) heading = Math.max(0, heading + (tok.kind === "open" ? 1 : -1));
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
  return nfc(out.join("\n\n")).trim();
}
