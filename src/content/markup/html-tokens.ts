// A small tolerant HTML tokenizer for pasted text (./paste-html). The Workers
// runtime has no DOM, and paste only needs the text and which elements it
// sits in: tags with their names, never attributes. Comments, doctypes,
// Word's conditional sections and the content of raw-text elements (script,
// style, …) are skipped here, so their text never reaches the article.

/** Elements whose content is not HTML but raw text, skipped up to their end tag. */
const RAW = new Set(["script", "style", "xml", "textarea", "title", "noscript", "noembed", "noframes", "iframe"]);

export type Token = { kind: "text"; text: string } | { kind: "open" | "close"; name: string; selfClosing: boolean };

/** Finds `re` (global) from `from`: where the match starts and ends, or null. */
function findFrom(s: string, re: RegExp, from: number): { index: number; end: number } | null {
  re.lastIndex = from;
  const m = re.exec(s);
  return m ? { index: m.index, end: m.index + m[0].length } : null;
}

export function* tokenize(html: string): Generator<Token> {
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
