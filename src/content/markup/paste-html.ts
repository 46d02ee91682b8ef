// Pasted HTML (Word, Google Docs, web pages) to markup. Only text survives:
// tags, attributes, comments (Word's conditional ones included), scripts,
// styles, the document head, images and embedded media are dropped. Pasted
// text is treated as if typed, so markup written in a document ("## ",
// "[[anh:1]]") keeps working after the paste.
import { nfc } from "../../vi/normalize";
import { decodeEntities } from "./html-entities";
import { tokenize } from "./html-tokens";

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
