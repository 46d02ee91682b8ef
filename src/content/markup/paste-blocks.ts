// A converted paste (./paste-html, ./paste-text) as body blocks, for the
// editor, or as markup, for the textarea. Markup parts are read with the
// markup grammar (./parse) and checked block by block with the stored
// schema (../blocks); a block the schema refuses (a 6,000-character
// paragraph, a 150-item list, a 300-character heading) is repaired into
// paragraphs or shorter lists rather than lost, so nothing the editor
// pasted silently disappears.
import { BODY_TEXT_MAX, type BodyBlock, blockText, bodyBlock } from "../blocks";
import { readInline } from "./inline";
import { markupToBlocks } from "./parse";
import type { PastePart } from "./paste-parts";
import { blocksToMarkup } from "./serialize";

/** Blocks one body may hold (blocks.ts). */
export const PASTE_MAX_BLOCKS = 500;
const PARAGRAPH_MAX = 5000;
const LIST_MAX = 100;

type Raw = Record<string, unknown>;

/** The plain text of a raw block, whatever its shape. */
function rawText(raw: Raw): string {
  if (typeof raw.text === "string") return raw.text;
  if (Array.isArray(raw.items))
    return raw.items.map((i) => (typeof i === "string" ? i : typeof i?.text === "string" ? i.text : "")).join("\n");
  return "";
}

/** Pieces of at most `max` characters, cut at a space where there is one. */
function pieces(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const cut = rest.lastIndexOf(" ", max);
    const at = cut > max / 2 ? cut : max;
    out.push(rest.slice(0, at));
    rest = rest.slice(at).trim();
  }
  if (rest) out.push(rest);
  return out;
}

/** Valid blocks for one raw block: itself, or repaired; none when nothing of it is text. */
function repair(raw: Raw): BodyBlock[] {
  const direct = bodyBlock.safeParse(raw);
  if (direct.success) return [direct.data];
  if (raw.type === "list" && Array.isArray(raw.items) && raw.items.length > LIST_MAX) {
    const out: BodyBlock[] = [];
    for (let i = 0; i < raw.items.length; i += LIST_MAX)
      out.push(...repair({ ...raw, items: raw.items.slice(i, i + LIST_MAX) }));
    return out;
  }
  // Marks are dropped here: only text the schema would refuse comes this way.
  return pieces(rawText(raw), PARAGRAPH_MAX).flatMap((text) => {
    const p = bodyBlock.safeParse({ type: "paragraph", text });
    return p.success ? [p.data] : [];
  });
}

type TablePart = Extract<PastePart, { kind: "table" }>;

/**
 * A pasted table as a table block (contract.md: a header row, then rows of
 * as many cells; colspans leave rows short, so they are padded with empty
 * cells), or null where the body cannot hold it: a one-row layout table,
 * too many rows or columns, or no `table` block in blocks.ts yet (the
 * schema refuses the type, and the table is kept as paragraphs).
 */
export function tableBlock(part: TablePart): BodyBlock | null {
  const width = part.rows.reduce((n, r) => Math.max(n, r.length), 0);
  const cell = (src: string) => {
    const rich = readInline(src);
    return rich.marks ? rich : rich.text;
  };
  const [header, ...rows] = part.rows.map((r) => [...r, ...Array<string>(width - r.length).fill("")].map(cell));
  if (!header || rows.length === 0) return null;
  const raw = { type: "table", ...(part.caption ? { caption: part.caption } : {}), header, rows };
  const parsed = bodyBlock.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** A table the body cannot hold as a table: one paragraph per row, cells separated by " | ". */
const tableRows = (part: TablePart): string[] => [
  ...(part.caption ? [part.caption] : []),
  ...part.rows.map((r) => r.filter((c) => c !== "").join(" | ")),
];

/** How many tables of the paste are kept as paragraphs, one per row. */
export const tablesAsText = (parts: PastePart[]): number =>
  parts.filter((p) => p.kind === "table" && tableBlock(p) === null).length;

/** The paste as blocks; an image part becomes a figure of the photo it was stored as, or nothing. */
export function partsToBlocks(parts: PastePart[], photoIds: ReadonlyMap<number, number>): BodyBlock[] {
  const out: BodyBlock[] = [];
  for (const part of parts) {
    if (part.kind === "table") {
      const table = tableBlock(part);
      if (table) out.push(table);
      else for (const row of tableRows(part)) out.push(...repair({ type: "paragraph", ...readInline(row) }));
      continue;
    }
    if (part.kind === "image") {
      const imageId = photoIds.get(part.index);
      if (imageId !== undefined) out.push({ type: "figure", imageId });
      continue;
    }
    for (const raw of markupToBlocks(part.markup)) out.push(...repair(raw as Raw));
  }
  return out;
}

/** The paste as markup for the textarea; a stored image as "[[anh:ID]]". */
export function partsToMarkup(parts: PastePart[], photoIds: ReadonlyMap<number, number>): string {
  return parts
    .flatMap((p) => {
      if (p.kind === "markup") return [p.markup];
      if (p.kind === "table") {
        const table = tableBlock(p);
        return table ? [blocksToMarkup([table])] : tableRows(p);
      }
      const id = photoIds.get(p.index);
      return id === undefined ? [] : [`[[anh:${id}]]`];
    })
    .join("\n\n")
    .trim();
}

export const PASTE_TOO_LONG = `Đoạn dán vào quá dài cho một bài viết (tối đa ${PASTE_MAX_BLOCKS} đoạn và ${BODY_TEXT_MAX.toLocaleString("vi-VN")} ký tự). Hãy dán từng phần.`;

/** Why a paste is too long for one article (Vietnamese), or null when it fits. */
export function pasteTooLong(blocks: BodyBlock[]): string | null {
  const chars = blocks.reduce((n, b) => n + blockText(b).length, 0);
  return blocks.length <= PASTE_MAX_BLOCKS && chars <= BODY_TEXT_MAX ? null : PASTE_TOO_LONG;
}
