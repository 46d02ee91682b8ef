// Pasted plain text (Zalo, e-mail, Word's text/plain, Notepad) to markup.
// Such text marks paragraphs in two ways: with blank lines (e-mail, which
// also hard-wraps long lines), or with one line break per paragraph (Zalo,
// Word). The rule, in docs/newsroom.md ("Pasting") and the Vietnamese help:
//
// 1. A blank line always ends a paragraph.
// 2. A line break is a wrap inside a sentence, joined with a space, when the
//    line does not end with sentence punctuation (. ! ? … : ; and closing
//    quotes or brackets) and the next line starts with a lowercase letter;
//    also, in text that has blank lines, when the line is 60 characters or
//    longer and does not end a sentence (e-mail wraps at about 72).
// 3. Any other line break: in text with no blank line at all, it ends a
//    paragraph; in text with blank lines, it is kept as a line break inside
//    the paragraph (a poem, an address).
// 4. A line starting with "- ", "• ", "* ", "+ ", "– ", "· ", "▪ ", "● " is a
//    bulleted item, one starting with a number of 1 to 3 digits and ". " or
//    ") " a numbered item; the next line continues the item only as a wrap
//    (rule 2).
//
// Everything else is as if typed: "## " still makes a subheading.
import { nfc } from "../../vi/normalize";

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u00ad\u200b-\u200d\u2060\ufeff]/g;
const BULLET = /^[-–•*+·▪●][ \t]+(\S.*)$/;
const NUMBER = /^(\d{1,3})[.)][ \t]+(\S.*)$/;
/** The end of a sentence (or of a line that should stay one), quotes and brackets after it allowed. */
const SENTENCE_END = /[.!?…:;]["'”’»)\]]*$|["”»)\]]$/;
const LOWERCASE_START = /^\p{Ll}/u;
/** E-mail programs wrap near 72 characters; a poem's or an address's lines are shorter. */
const WRAPPED_LINE = 60;

type Line = { kind: "bullet" | "number" | "text"; text: string };

function readLine(raw: string): Line {
  const t = raw.trim();
  const bullet = BULLET.exec(t);
  if (bullet) return { kind: "bullet", text: bullet[1]! };
  const number = NUMBER.exec(t);
  if (number) return { kind: "number", text: number[2]! };
  return { kind: "text", text: t };
}

/** Converts pasted plain text to markup following the rule above. */
export function textToMarkup(input: string): string {
  const text = nfc(input)
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, "\n")
    .replace(INVISIBLE, "")
    .replace(/[\t\u00a0\u202f]/g, " ")
    .trim();
  const chunks = text.split(/\n[ ]*\n(?:[ ]*\n)*/);
  const blankLines = chunks.length > 1;
  const out: string[] = [];
  for (const chunk of chunks) {
    const lines = chunk
      .split("\n")
      .map(readLine)
      .filter((l) => l.text !== "");
    // Blocks of this chunk: a paragraph's lines, or a list's items; each the source lines joined into it.
    let block: { kind: Line["kind"]; lines: string[][] } | null = null;
    const end = () => {
      if (!block) return;
      const joined = block.lines.map((l) => l.join(" "));
      if (block.kind === "text") out.push(joined.join("\n"));
      else out.push(joined.map((l, i) => `${block!.kind === "bullet" ? "-" : `${i + 1}.`} ${l}`).join("\n"));
      block = null;
    };
    for (const line of lines) {
      // The source line just before: whether it ends a sentence, and its length, decide a wrap.
      const joinedInto = block?.lines[block.lines.length - 1];
      const last = joinedInto?.[joinedInto.length - 1];
      const wraps =
        last !== undefined &&
        line.kind === "text" &&
        !SENTENCE_END.test(last) &&
        (LOWERCASE_START.test(line.text) || (blankLines && block!.kind === "text" && last.length >= WRAPPED_LINE));
      if (joinedInto && wraps) {
        joinedInto.push(line.text);
        continue;
      }
      if (line.kind === "text") {
        if (block?.kind === "text" && blankLines) {
          block.lines.push([line.text]);
          continue;
        }
        end();
        block = { kind: "text", lines: [[line.text]] };
        continue;
      }
      if (block?.kind !== line.kind) end();
      block ??= { kind: line.kind, lines: [] };
      block.lines.push([line.text]);
    }
    end();
  }
  return out.join("\n\n");
}
