// Inline marks in the markup (./grammar): **đậm**, *nghiêng*, [chữ](https://…),
// read into text + ranges (../rich-text) and written back.
//
// The rules, exactly:
//
// - "\" before "\", "*", "[" or "]" is that character, literally. Any other
//   backslash is itself.
// - A run of "*" toggles bold for each "**" and italic for a "*" left over:
//   "***" toggles both. Bold and italic are independent, so they may cross.
//   A toggle left open at the end of the text is literal text.
// - "[" opens a link, "](href)" closes it; the href runs to the first ")"
//   not escaped as "\)" ("\\" is a backslash there) and may not span lines.
//   Links do not nest: a second "[" before the close makes the first one
//   literal. A "[" never closed and a "]" with no open link are literal.
// - Marks may span lines of a paragraph, a quote or a box item.
//
// writeInline escapes every literal "\", "*", "[" and "]", so
// readInline(writeInline(x)) gives x back for any normalised text and marks.
import type { LinkMark, Mark, RichItem, RichText } from "../rich-text";

const ORDER = { bold: 0, italic: 1, link: 2 } as const;
const ESCAPABLE = new Set(["\\", "*", "[", "]"]);

const escapeText = (s: string) => s.replace(/[\\*[\]]/g, (c) => `\\${c}`);
const escapeHref = (s: string) => s.replace(/[\\)]/g, (c) => `\\${c}`);

/** Text and marks as markup. */
export function writeInline(item: RichItem): string {
  if (typeof item === "string") return escapeText(item);
  const { text, marks = [] } = item;
  if (!marks.length) return escapeText(text);
  const bounds = [...new Set([0, text.length, ...marks.flatMap((m) => [m.start, m.end])])].sort((a, b) => a - b);
  const inside = (type: Mark["type"], p: number) => marks.some((m) => m.type === type && m.start <= p && p < m.end);
  let out = "";
  for (let i = 0; i < bounds.length; i++) {
    const p = bounds[i]!;
    const closing = marks.find((m): m is LinkMark => m.type === "link" && m.end === p);
    if (closing) out += `](${escapeHref(closing.href)})`;
    if (inside("bold", p) !== (p > 0 && inside("bold", p - 1))) out += "**";
    if (inside("italic", p) !== (p > 0 && inside("italic", p - 1))) out += "*";
    if (marks.some((m) => m.type === "link" && m.start === p)) out += "[";
    const next = bounds[i + 1];
    if (next !== undefined) out += escapeText(text.slice(p, next));
  }
  return out;
}

type Token =
  | { kind: "text"; text: string }
  | { kind: "toggle"; type: "bold" | "italic" }
  | { kind: "open" }
  | { kind: "close"; href: string };

/** Markup to text and marks, not yet validated (parseBody checks hrefs and ranges). */
export function readInline(src: string): RichText {
  const tokens: Token[] = [];
  let pendingOpen = -1;
  /** A search for a link's ")" that failed ran up to here: a later one starting before it fails too. */
  let noCloseBefore = -1;
  const text = (s: string) => tokens.push({ kind: "text", text: s });
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === "\\" && ESCAPABLE.has(src[i + 1] ?? "")) {
      text(src[i + 1]!);
      i++;
    } else if (c === "*") {
      let n = 1;
      while (src[i + n] === "*") n++;
      i += n - 1;
      for (; n >= 2; n -= 2) tokens.push({ kind: "toggle", type: "bold" });
      if (n === 1) tokens.push({ kind: "toggle", type: "italic" });
    } else if (c === "[") {
      if (pendingOpen >= 0) tokens[pendingOpen] = { kind: "text", text: "[" };
      pendingOpen = tokens.length;
      tokens.push({ kind: "open" });
    } else if (c === "]" && src[i + 1] === "(" && pendingOpen >= 0 && i + 2 >= noCloseBefore) {
      let href = "";
      let j = i + 2;
      for (; j < src.length && src[j] !== ")" && src[j] !== "\n"; j++) {
        if (src[j] === "\\" && (src[j + 1] === ")" || src[j + 1] === "\\")) j++;
        href += src[j];
      }
      if (src[j] !== ")") {
        noCloseBefore = j;
        text(c);
      } else {
        tokens.push({ kind: "close", href });
        pendingOpen = -1;
        i = j;
      }
    } else text(c);
  }
  if (pendingOpen >= 0) tokens[pendingOpen] = { kind: "text", text: "[" };
  // A toggle left open is literal: the last one of its kind when their count is odd.
  for (const type of ["bold", "italic"] as const) {
    const at = tokens.flatMap((t, i) => (t.kind === "toggle" && t.type === type ? [i] : []));
    if (at.length % 2) tokens[at[at.length - 1]!] = { kind: "text", text: type === "bold" ? "**" : "*" };
  }

  let out = "";
  const marks: Mark[] = [];
  const opened: { bold: number; italic: number } = { bold: -1, italic: -1 };
  let linkStart = -1;
  for (const t of tokens) {
    if (t.kind === "text") out += t.text;
    else if (t.kind === "toggle") {
      if (opened[t.type] < 0) opened[t.type] = out.length;
      else {
        if (opened[t.type] < out.length) marks.push({ type: t.type, start: opened[t.type], end: out.length });
        opened[t.type] = -1;
      }
    } else if (t.kind === "open") linkStart = out.length;
    else marks.push({ type: "link", start: linkStart, end: out.length, href: t.href });
  }
  marks.sort((a, b) => a.start - b.start || a.end - b.end || ORDER[a.type] - ORDER[b.type]);
  return marks.length ? { text: out, marks } : { text: out };
}
