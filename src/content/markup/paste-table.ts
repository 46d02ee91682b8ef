// Pasted HTML tables (Word, Docs, LibreOffice, web pages) to the markup's
// pipe tables (./grammar): the first row is the header, a <caption> the
// caption. Each cell's content is read like any pasted text (bold, italic,
// safe links kept) and put on one line with its pipes escaped. Rows short of
// cells (merged cells) are padded with empty cells; a table too wide or too
// long is written as it is, so validation tells the editor what to change.
import type { Token } from "./html-tokens";
import { readInline } from "./inline";

/** Reads a cell's or caption's tokens as markup: htmlToMarkup's reader, passed in (it calls this file). */
export type TokensToMarkup = (tokens: Token[]) => string;

const oneLine = (markup: string) => markup.replace(/\s*\n+\s*/g, " ").trim();

/**
 * The markup for the tokens between a <table> and its </table> (nested
 * tables stay inside their cell, flattened to text). A table of one row has
 * no header to speak of: its cells come back as paragraphs.
 */
export function tableToMarkup(tokens: Token[], read: TokensToMarkup): string {
  const rows: string[][] = [];
  let caption: Token[] | null = null;
  let captionText = "";
  let cell: Token[] | null = null;
  let row: string[] | null = null;
  let depth = 0;
  const endCell = () => {
    if (cell && row) row.push(oneLine(read(cell)).replace(/\|/g, "\\|"));
    cell = null;
  };
  const endRow = () => {
    endCell();
    if (row?.length) rows.push(row);
    row = null;
  };
  for (const tok of tokens) {
    const tag = tok.kind === "open" || tok.kind === "close" ? tok.name : "";
    if (tag === "table") depth += tok.kind === "open" ? 1 : -1;
    const own = depth === 0 && tag !== "table";
    if (own && tag === "caption") {
      if (tok.kind === "open") caption = [];
      else if (caption) {
        // A caption is a plain one-line field: its marks dropped, its backslashes escaped.
        captionText = readInline(oneLine(read(caption))).text.replace(/\\/g, "\\\\");
        caption = null;
      }
    } else if (own && tag === "tr") {
      endRow();
      if (tok.kind === "open") row = [];
    } else if (own && (tag === "td" || tag === "th")) {
      endCell();
      if (tok.kind === "open") {
        row ??= [];
        cell = [];
      }
    } else if (caption) caption.push(tok);
    else if (cell) cell.push(tok);
  }
  endRow();
  if (rows.length < 2) return [captionText, ...(rows[0] ?? [])].filter(Boolean).join("\n\n");
  const width = Math.max(...rows.map((r) => r.length));
  const line = (r: string[]) => `| ${[...r, ...Array(width - r.length).fill("")].join(" | ")} |`;
  const lines = [line(rows[0]!), `| ${Array(width).fill("---").join(" | ")} |`, ...rows.slice(1).map(line)];
  if (captionText) lines.unshift(`[bang: ${captionText}]`);
  return lines.join("\n");
}
