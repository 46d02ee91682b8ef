// Body blocks back to markup, for editing a saved article: the writing half
// of the grammar in ./grammar. It escapes whatever would otherwise read back
// as something else, so every valid body survives a round trip.
import type { BodyBlock } from "../blocks";
import type { RichItem } from "../rich-text";
import { CITE, EMPTY, readLine } from "./grammar";
import { writeInline } from "./inline";

/** A one-line field, escaped so that readField in ./parse gives it back unchanged. */
function writeField(value: string, pipes = false): string {
  if (value === "") return EMPTY;
  let out = value.replace(/\\/g, "\\\\").replace(/\n/g, "\\n");
  if (pipes) out = out.replace(/\|/g, "\\|");
  return out.trim() === EMPTY ? out.replace(/"/g, '\\"') : out;
}

/** Lines of paragraph or box text with their marks, escaped where a line would otherwise read as markup. */
function writeLines(item: RichItem): string {
  return writeInline(item)
    .split("\n")
    .map((l) => (l.startsWith("\\") || readLine(l).kind !== "text" ? `\\${l}` : l))
    .join("\n");
}

/** A table cell: its marks as inline markup, pipes escaped. */
const writeCell = (cell: RichItem): string => writeInline(cell).replace(/\|/g, "\\|");

function writeBlock(b: BodyBlock): string {
  switch (b.type) {
    case "paragraph":
      return writeLines(b);
    case "list":
      return b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : "-"} ${writeInline(item)}`).join("\n");
    case "subheading":
      return `## ${writeField(b.text)}`;
    case "figure": {
      let s = `[[anh:${b.imageId}`;
      if (b.caption !== undefined || b.credit !== undefined)
        s += ` | ${b.caption === undefined ? "" : writeField(b.caption, true)}`;
      if (b.credit !== undefined) s += ` | ${writeField(b.credit, true)}`;
      return `${s}]]`;
    }
    case "quote": {
      const lines = writeInline(b).split("\n");
      const out = lines.map((l, i) => {
        if (l === "") return ">";
        const escaped = l.startsWith("\\") || (i === lines.length - 1 && CITE.test(l));
        return `> ${escaped ? "\\" : ""}${l}`;
      });
      if (b.cite !== undefined) out.push(`> — ${writeField(b.cite)}`);
      return out.join("\n");
    }
    case "table": {
      const row = (cells: RichItem[]) => `| ${cells.map(writeCell).join(" | ")} |`;
      const lines = [row(b.header), `| ${b.header.map(() => "---").join(" | ")} |`, ...b.rows.map(row)];
      if (b.caption !== undefined) lines.unshift(`[bang: ${writeField(b.caption)}]`);
      return lines.join("\n");
    }
    case "related":
      return `[[xem-them:${b.articleId}]]`;
    case "video": {
      const photo = b.imageId === undefined ? "" : ` | anh:${b.imageId}`;
      return `[[video:${b.provider}:${b.videoId} | ${writeField(b.title, true)}${photo}]]`;
    }
    case "aside": {
      const open = b.title === undefined ? "[khung]" : `[khung: ${writeField(b.title)}]`;
      return [open, b.items.map(writeLines).join("\n\n"), "[/khung]"].join("\n");
    }
  }
}

/** Writes stored blocks back as markup, for editing a published article. */
export function blocksToMarkup(blocks: BodyBlock[]): string {
  return blocks.map(writeBlock).join("\n\n");
}
