// A small tolerant HTML tokenizer for pasted text (./paste-html). The Workers
// runtime has no DOM, and paste only needs the text, which elements it sits
// in, and the few attributes that carry formatting (style, href, class),
// entity-decoded. Comments, doctypes, the content of raw-text elements
// (script, style, …) and Word's conditional sections are skipped here, so
// their text never reaches the article; only the bullet or number Word keeps
// in "<![if !supportLists]>" is reported, as a list marker, and the content of
// "<![if !vml]>" (what browsers show: Word's <img> for a picture) is read as
// HTML. Every search for an end marker is remembered when it fails, so
// hostile input (thousands of unclosed "<![if") stays linear.
import { decodeEntities } from "./html-entities";

/** Elements whose content is not HTML but raw text, skipped up to their end tag. */
const RAW = new Set(["script", "style", "xml", "textarea", "title", "noscript", "noembed", "noframes", "iframe"]);

export type Token =
  | { kind: "text"; text: string }
  | { kind: "open" | "close"; name: string; selfClosing: boolean; attrs: Record<string, string> }
  | { kind: "list-marker"; text: string };

/** Attributes kept; the rest (event handlers, data-, ids…) are never read. src and alt: pasted images. */
const KEPT = new Set(["style", "href", "class", "src", "alt", "colspan"]);
const UNQUOTED = /[^\s>]*/y;

/** Finds `re` (global) from `from`: where the match starts and ends, or null. */
function findFrom(s: string, re: RegExp, from: number): { index: number; end: number } | null {
  re.lastIndex = from;
  const m = re.exec(s);
  return m ? { index: m.index, end: m.index + m[0].length } : null;
}

export function* tokenize(html: string): Generator<Token> {
  const n = html.length;
  let i = 0;
  /** Where a search for an end marker found nothing: searching again from further on cannot find one either. */
  const missing = new Map<string, number>();
  const search = (key: string, re: RegExp, from: number) => {
    const none = missing.get(key);
    if (none !== undefined && from >= none) return null;
    const hit = findFrom(html, re, from);
    if (!hit) missing.set(key, Math.min(from, none ?? from));
    return hit;
  };
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
      const head = html.slice(i, i + 40);
      if (/^<!\[endif\]>/i.test(head) || /^<!\[if !vml\]>/i.test(head)) {
        // The end of a section read as HTML, or the start of one: only the marker goes.
        i = html.indexOf(">", i) + 1;
        continue;
      }
      const conditional = /^<!\[if\b/i.test(head);
      const hit = conditional ? search("endif", /<!\[endif\]>/gi, i) : search("cdata", /\]\]>/g, i);
      const lists = conditional ? /^<!\[if !supportLists\]>/i.exec(head) : null;
      if (hit && lists) {
        const inner = html.slice(i + lists[0].length, hit.index).replace(/<[^>]*>/g, "");
        yield { kind: "list-marker", text: decodeEntities(inner).trim() };
      }
      const gt = html.indexOf(">", i);
      i = hit ? hit.end : gt < 0 ? n : gt + 1;
    } else if (next === "!" || next === "?") {
      const gt = html.indexOf(">", i);
      i = gt < 0 ? n : gt + 1;
    } else if (next === "/" && /[A-Za-z]/.test(html[i + 2] ?? "")) {
      const m = /^<\/([^\s/>]+)/.exec(html.slice(i, i + 64));
      const gt = html.indexOf(">", i);
      i = gt < 0 ? n : gt + 1;
      yield { kind: "close", name: (m?.[1] ?? "").toLowerCase(), selfClosing: false, attrs: {} };
    } else if (/[A-Za-z]/.test(next)) {
      const m = /^<([^\s/>]+)/.exec(html.slice(i, i + 64));
      const name = (m?.[1] ?? "").toLowerCase();
      // Read attributes up to the tag's end; quoted values may hold ">" (Word writes style='font:7.0pt "Times New Roman"').
      let j = i + 1 + (m?.[1]?.length ?? 0);
      let selfClosing = false;
      const attrs: Record<string, string> = {};
      while (j < n) {
        const c = html[j]!;
        if (c === ">") {
          selfClosing = html[j - 1] === "/";
          j++;
          break;
        }
        if (/[\s/]/.test(c)) {
          j++;
          continue;
        }
        const attr = /^[^\s/>=]+/.exec(html.slice(j, j + 256));
        const attrName = (attr?.[0] ?? c).toLowerCase();
        j += attr?.[0].length ?? 1;
        while (j < n && /\s/.test(html[j]!)) j++;
        if (html[j] !== "=") continue;
        j++;
        while (j < n && /\s/.test(html[j]!)) j++;
        const q = html[j];
        let value: string;
        if (q === '"' || q === "'") {
          const e = html.indexOf(q, j + 1);
          value = html.slice(j + 1, e < 0 ? n : e);
          j = e < 0 ? n : e + 1;
        } else {
          UNQUOTED.lastIndex = j;
          const v = UNQUOTED.exec(html)?.[0] ?? "";
          value = v;
          j += v.length;
        }
        if (KEPT.has(attrName) && !(attrName in attrs)) attrs[attrName] = decodeEntities(value);
      }
      i = j;
      if (RAW.has(name) && !selfClosing) {
        const end = search(name, new RegExp(`</${name}(?=[\\s/>]|$)`, "gi"), i);
        const gt = end ? html.indexOf(">", end.end) : -1;
        i = gt < 0 ? n : gt + 1; // an unclosed <script> swallows the rest: never leak its text
        continue;
      }
      yield { kind: "open", name, selfClosing, attrs };
    } else {
      yield { kind: "text", text: "<" };
      i++;
    }
  }
}
