// WordPress's wptexturize() (wp-includes/formatting.php, 6.1) for the WXR
// reader: WordPress shows text with curly quotes, apostrophes, primes, en
// and em dashes, an ellipsis and a multiplication sign, and its REST API's
// rendered content has them; the export has the text as typed. Text inside
// <pre>, <code>, <kbd>, <style>, <script>, <tt>, tags, comments and
// shortcodes' brackets is left alone, as WordPress does. Entities are
// written as WordPress writes them ("&#8220;"); the body reader decodes them.

const SPACES = "(?:[\\r\\n\\t ]|\\u00a0|&nbsp;)";
const NO_TEXTURIZE = ["pre", "code", "kbd", "style", "script", "tt"];
/** The shortcodes WordPress itself registers; only those are kept whole. */
const SHORTCODES = ["embed", "wp_caption", "caption", "gallery", "playlist", "audio", "video"];

const OPEN_Q = "&#8220;";
const CLOSE_Q = "&#8221;";
const APOS = "&#8217;";
const PRIME = "&#8242;";
const DOUBLE_PRIME = "&#8243;";
const OPEN_SQ = "&#8216;";
const CLOSE_SQ = "&#8217;";
const EN_DASH = "&#8211;";
const EM_DASH = "&#8212;";
const OPEN_Q_FLAG = "<!--oq-->";
const OPEN_SQ_FLAG = "<!--osq-->";
const APOS_FLAG = "<!--apos-->";

const COCKNEY = ["'tain't", "'twere", "'twas", "'tis", "'twill", "'til", "'bout", "'nuff", "'round", "'cause", "'em"];
const STATIC: [string, string][] = [
  ["...", "&#8230;"],
  ["``", OPEN_Q],
  ["''", CLOSE_Q],
  [" (tm)", " &#8482;"],
  ...COCKNEY.map((w): [string, string] => [w, w.replaceAll("'", APOS)]),
];

/** PCRE's \Z: the end, or before a final line end. */
const END = "(?=\\n?$)";

const APOS_RULES: [RegExp, string][] = [
  [new RegExp(`'(\\d\\d)'(?=${END}|[.,:;!?)}\\-\\]]|&gt;|${SPACES})`, "g"), `${APOS_FLAG}$1${CLOSE_SQ}`],
  [new RegExp(`'(\\d\\d)"(?=${END}|[.,:;!?)}\\-\\]]|&gt;|${SPACES})`, "g"), `${APOS_FLAG}$1${CLOSE_Q}`],
  [/'(?=\d\d(?:(?=\n?$)|(?![%\d]|[.,]\d)))/g, APOS_FLAG],
  [new RegExp(`(?<=^|${SPACES})'(\\d[.,\\d]*)'`, "g"), `${OPEN_SQ_FLAG}$1${CLOSE_SQ}`],
  [new RegExp(`(?<=^|[([{"\\-]|&lt;|${SPACES})'`, "g"), OPEN_SQ_FLAG],
  [new RegExp(`(?<!${SPACES})'(?!${END}|[.,:;!?"'(){}[\\]\\-]|&[lg]t;|${SPACES})`, "g"), APOS_FLAG],
];
const QUOTE_RULES: [RegExp, string][] = [
  [new RegExp(`(?<=^|${SPACES})"(\\d[.,\\d]*)"`, "g"), `${OPEN_Q_FLAG}$1${CLOSE_Q}`],
  [new RegExp(`(?<=^|[([{\\-]|&lt;|${SPACES})"(?!${SPACES})`, "g"), OPEN_Q_FLAG],
];
const DASH_RULES: [RegExp, string][] = [
  [/---/g, EM_DASH],
  [new RegExp(`(?<=^|${SPACES})--(?=${END}|${SPACES})`, "g"), EM_DASH],
  [/(?<!xn)--/g, EN_DASH],
  [new RegExp(`(?<=^|${SPACES})-(?=${END}|${SPACES})`, "g"), EN_DASH],
];

const applyAll = (text: string, rules: [RegExp, string][]) => rules.reduce((t, [re, to]) => t.replace(re, to), text);

/** wptexturize_primes(): closing quotes and primes after the opening quotes are known. */
function primes(haystack: string, needle: "'" | '"', prime: string, openQuote: string, closeQuote: string): string {
  const flag = "<!--wp-prime-or-quote-->";
  const quotePattern = new RegExp(`${needle}(?=${END}|[.,:;!?)}\\-\\]]|&gt;|${SPACES})`, "g");
  const primePattern = new RegExp(`(?<=\\d)${needle}`, "g");
  const sentences = haystack.split(openQuote).map((sentence, key) => {
    let s = sentence;
    if (!s.includes(needle)) return s;
    if (key !== 0 && !s.includes(closeQuote)) {
      const count = s.match(quotePattern)?.length ?? 0;
      s = s.replace(quotePattern, flag);
      if (count > 1) {
        const before = s;
        s = s.replace(new RegExp(`(?<!\\d)${flag}`, "g"), closeQuote);
        if (s === before) {
          const pos = s.includes(`${flag}.`) ? s.lastIndexOf(`${flag}.`) : s.lastIndexOf(flag);
          s = s.slice(0, pos) + closeQuote + s.slice(pos + flag.length);
        }
        s = s.replace(primePattern, prime).replace(new RegExp(`(?<=\\d)${flag}`, "g"), prime);
        s = s.replaceAll(flag, closeQuote);
      } else if (count === 1) {
        s = s.replaceAll(flag, closeQuote).replace(primePattern, prime);
      } else {
        s = s.replace(primePattern, prime);
      }
    } else {
      s = s.replace(primePattern, prime).replace(quotePattern, closeQuote);
    }
    if (needle === '"' && s.includes('"')) s = s.replaceAll('"', closeQuote);
    return s;
  });
  return sentences.join(openQuote);
}

function texturizeText(text: string): string {
  let t = STATIC.reduce((s, [from, to]) => s.replaceAll(from, to), text);
  if (t.includes("'")) {
    t = applyAll(t, APOS_RULES);
    t = primes(t, "'", PRIME, OPEN_SQ_FLAG, CLOSE_SQ);
    t = t.replaceAll(APOS_FLAG, APOS).replaceAll(OPEN_SQ_FLAG, OPEN_SQ);
  }
  if (t.includes('"')) {
    t = applyAll(t, QUOTE_RULES);
    t = primes(t, '"', DOUBLE_PRIME, OPEN_Q_FLAG, CLOSE_Q);
    t = t.replaceAll(OPEN_Q_FLAG, OPEN_Q);
  }
  if (t.includes("-")) t = applyAll(t, DASH_RULES);
  if (/(?<=\d)x\d/.test(t)) t = t.replace(/\b(0[\d.,]+|[1-9][\d.,]*)x(\d[\d.,]*)\b/g, "$1&#215;$2");
  return t;
}

/** _wptexturize_pushpop_element(): an element that turns texturizing off, opened or closed. */
function pushPop(tag: string, stack: string[]): void {
  const opening = tag.length > 1 && tag[1] !== "/";
  if (!opening && stack.length === 0) return;
  const offset = opening ? 1 : 2;
  const space = tag.indexOf(" ");
  const name = space === -1 ? tag.slice(offset, -1) : tag.slice(offset, space);
  if (!NO_TEXTURIZE.includes(name)) return;
  if (opening) stack.push(name);
  else if (stack[stack.length - 1] === name) stack.pop();
}

export function texturize(text: string): string {
  if (!text) return text;
  const found = SHORTCODES.filter((name) => new RegExp(`\\[\\/?${name}(?=[\\s\\]/=<>&\\[]|$)`).test(text));
  const shortcode = found.length
    ? `\\[[\\/\\[]?(?:${found.join("|")})(?=[\\s\\]\\/])(?:[^\\[\\]<>]+|<[^\\[\\]>]*>)*\\]\\]?`
    : "";
  const html = "<(?:(?=!--)!(?:-(?!->)[^-]*)*(?:-->)?|(?!!--)[^>]*>?)";
  const split = new RegExp(`(${html}${shortcode ? `|${shortcode}` : ""})`);
  const shortcodeWhole = shortcode ? new RegExp(`^${shortcode}$`) : null;
  const tags: string[] = [];
  return text
    .split(split)
    .map((part) => {
      if (!part) return part;
      if (part[0] === "<") {
        if (!part.startsWith("<!--")) pushPop(part, tags);
        return part;
      }
      if (!part.trim()) return part;
      if (part[0] === "[" && shortcodeWhole?.test(part)) return part;
      return tags.length ? part : texturizeText(part);
    })
    .join("");
}
