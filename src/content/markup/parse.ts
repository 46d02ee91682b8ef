// Markup to body blocks: the reading half of the grammar in ./grammar.
import { nfc } from "../../vi/normalize";
import { BOX_CLOSE, CITE, EMPTY, readLine, rowCells, splitParts, TABLE_RULE_CELL, VIDEO_IMAGE } from "./grammar";
import { readInline } from "./inline";

type RawBlock = Record<string, unknown> & { type: string };

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

function video(provider: string, id: string, rest: string | undefined): RawBlock {
  const block: RawBlock = { type: "video", provider: provider.toLowerCase(), videoId: id };
  const [first, ...more] = rest === undefined ? [] : splitParts(rest);
  const title = readField(first);
  if (title !== undefined) block.title = title;
  const photo = more.join("|").trim();
  if (photo !== "") {
    const m = VIDEO_IMAGE.exec(photo);
    // Not a photo number: kept as typed, so validation says what is wrong with it.
    block.imageId = m ? Number(m[1]) : photo;
  }
  return block;
}

/** A table cell: "\|" is a pipe; the other escapes are the inline ones. */
function cell(raw: string): unknown {
  let src = "";
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === "\\" && i + 1 < raw.length) {
      src += raw[i + 1] === "|" ? "|" : c + raw[i + 1];
      i++;
    } else src += c;
  }
  return item(src.trim());
}

/** A header line at `at` with the rule line right under it, as many cells: the start of a table. */
function tableAt(lines: string[], at: number): string[] | null {
  const header = lines[at] === undefined ? null : rowCells(lines[at]!.trim());
  const rule = lines[at + 1] === undefined ? null : rowCells(lines[at + 1]!.trim());
  if (!header || !rule || rule.length !== header.length || !rule.every((c) => TABLE_RULE_CELL.test(c))) return null;
  return header;
}

/** Reads a table whose header is at `at`; `end` is the index of its last row line. */
function readTable(lines: string[], at: number, header: string[]): { block: RawBlock; end: number } {
  const rows: unknown[][] = [];
  let i = at + 2;
  for (; i < lines.length; i++) {
    const cells = lines[i]!.startsWith("\\") ? null : rowCells(lines[i]!.trim());
    if (!cells) break;
    rows.push(cells.map(cell));
  }
  return { block: { type: "table", header: header.map(cell), rows }, end: i - 1 };
}

/** A box or list item: a plain string without marks, as stored. */
function item(src: string): unknown {
  const rich = readInline(src);
  return rich.marks ? rich : rich.text;
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
  let open = null as { kind: "paragraph" | "quote" | "bullets" | "numbers"; lines: string[] } | null;

  const flush = () => {
    if (!open) return;
    const { kind, lines: buf } = open;
    open = null;
    if (kind === "paragraph") {
      out.push({ type: "paragraph", ...readInline(buf.join("\n").trim()) });
      return;
    }
    if (kind === "bullets" || kind === "numbers") {
      out.push({ type: "list", ordered: kind === "numbers", items: buf.map((l) => item(l.trim())) });
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
    const quote = { type: "quote", ...readInline(quoteText) };
    out.push(cite === undefined ? quote : { ...quote, cite });
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
      case "item": {
        const kind = line.ordered ? "numbers" : "bullets";
        if (open?.kind !== kind) flush();
        open ??= { kind, lines: [] };
        open.lines.push(line.raw);
        break;
      }
      case "quote":
        if (open?.kind !== "quote") flush();
        open ??= { kind: "quote", lines: [] };
        open.lines.push(line.raw);
        break;
      case "related":
        flush();
        out.push({ type: "related", articleId: Number(line.id) });
        break;
      case "video":
        flush();
        out.push(video(line.provider, line.id, line.rest));
        break;
      case "caption":
      case "row": {
        const headerAt = line.kind === "caption" ? i + 1 : i;
        const header = tableAt(lines, headerAt);
        if (header) {
          flush();
          const table = readTable(lines, headerAt, header);
          const caption = line.kind === "caption" ? readField(line.raw) : undefined;
          out.push(caption === undefined ? table.block : { ...table.block, caption });
          i = table.end;
          break;
        }
        // Pipes without a rule line under them: text, as they always were.
        if (open?.kind !== "paragraph") flush();
        open ??= { kind: "paragraph", lines: [] };
        open.lines.push(lines[i]!);
        break;
      }
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
function readBox(lines: string[], start: number): { items: unknown[]; end: number } {
  const items: unknown[] = [];
  let cur: string[] = [];
  const push = () => {
    const text = cur.join("\n").trim();
    if (text !== "") items.push(item(text));
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
