// Blocks <-> the editor's document. Text with marks as ranges (how blocks store
// it) becomes runs of marked text nodes and back; "\n" in a paragraph is a hard
// break. Reading blocks is defensive: they may be a refused submission shown
// again, so anything unreadable is left out rather than thrown on.
import { Fragment, type Mark as PMMark, type Node as PMNode } from "prosemirror-model";
import { type Block, type Item, type LinkMark, linkTarget, type Mark, type Rich } from "./blocks";
import { schema } from "./schema";

export interface ImageInfo {
  thumbUrl: string;
  alt: string;
  caption: string;
  credit: string;
}
export type Images = Record<string, ImageInfo>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;
const str = (v: unknown): string => (typeof v === "string" ? v : "");
const posInt = (v: unknown): number | null => (typeof v === "number" && Number.isSafeInteger(v) && v > 0 ? v : null);

function richOfUnknown(v: unknown): Rich {
  if (typeof v === "string") return { text: v };
  if (!isObject(v)) return { text: "" };
  const text = str(v.text);
  const marks: Mark[] = [];
  if (Array.isArray(v.marks))
    for (const m of v.marks) {
      if (!isObject(m)) continue;
      const start = m.start;
      const end = m.end;
      if (typeof start !== "number" || typeof end !== "number" || !(start >= 0 && start < end && end <= text.length))
        continue;
      if (m.type === "bold" || m.type === "italic") marks.push({ type: m.type, start, end });
      else if (m.type === "link") {
        const href = linkTarget(str(m.href));
        if (href) marks.push({ type: "link", start, end, href });
      }
    }
  return { text, marks };
}

/** Text with range marks as inline nodes; `oneLine` turns line breaks into spaces. */
function inline(v: unknown, oneLine = false): PMNode[] {
  const { text: raw, marks = [] } = richOfUnknown(v);
  const text = oneLine ? raw.replace(/\r?\n/g, " ") : raw.replace(/\r\n?/g, "\n");
  const bounds = [...new Set([0, text.length, ...marks.flatMap((m) => [m.start, m.end])])]
    .filter((n) => n <= text.length)
    .sort((a, b) => a - b);
  const out: PMNode[] = [];
  for (let i = 1; i < bounds.length; i++) {
    const from = bounds[i - 1]!;
    const to = bounds[i]!;
    const over = marks.filter((m) => m.start <= from && m.end >= to);
    const link = over.find((m): m is LinkMark => m.type === "link");
    const pm: PMMark[] = [];
    if (over.some((m) => m.type === "bold")) pm.push(schema.marks.bold!.create());
    if (over.some((m) => m.type === "italic")) pm.push(schema.marks.italic!.create());
    if (link) pm.push(schema.marks.link!.create({ href: link.href }));
    text
      .slice(from, to)
      .split("\n")
      .forEach((piece, j) => {
        if (j > 0) out.push(schema.nodes.hard_break!.create(null, null, pm));
        if (piece) out.push(schema.text(piece, pm));
      });
  }
  return out;
}
const plain = (v: unknown): PMNode[] => {
  const text = str(v).replace(/\s*\n\s*/g, " ");
  return text ? [schema.text(text)] : [];
};

const { nodes } = schema;
const paragraph = (v: unknown) => nodes.paragraph!.create(null, inline(v));

function blockNode(b: unknown, images: Images): PMNode | null {
  if (!isObject(b)) return null;
  switch (b.type) {
    case "paragraph":
      return paragraph(b);
    case "subheading":
      return nodes.subheading!.create(null, plain(b.text));
    case "quote":
      return nodes.quote!.create(null, [
        nodes.quote_text!.create(null, inline(b)),
        nodes.quote_cite!.create(null, plain(b.cite)),
      ]);
    case "aside": {
      const items = Array.isArray(b.items) ? b.items : [];
      return nodes.aside!.create(null, [
        nodes.aside_title!.create(null, plain(b.title)),
        ...(items.length ? items : [""]).map((item) => nodes.aside_item!.create(null, inline(item))),
      ]);
    }
    case "list": {
      const items = Array.isArray(b.items) && b.items.length ? b.items : [""];
      return (b.ordered === true ? nodes.ordered_list! : nodes.bullet_list!).create(
        null,
        items.map((item) => nodes.list_item!.create(null, nodes.paragraph!.create(null, inline(item, true)))),
      );
    }
    case "figure": {
      const imageId = posInt(b.imageId);
      if (!imageId) return null;
      const info = images[String(imageId)];
      return nodes.figure!.create({
        imageId,
        thumbUrl: info?.thumbUrl ?? "",
        alt: info?.alt ?? "",
        libraryCaption: info?.caption ?? "",
        libraryCredit: info?.credit ?? "",
        caption: str(b.caption),
        credit: str(b.credit),
      });
    }
    case "table": {
      const header = Array.isArray(b.header) ? b.header.slice(0, 12) : [];
      if (!header.length) return null;
      const rows = (Array.isArray(b.rows) ? b.rows : []).filter(Array.isArray) as unknown[][];
      const row = (cells: unknown[], type: "table_header" | "table_cell") =>
        nodes.table_row!.create(
          null,
          header.map((_, i) => nodes[type]!.create(null, inline(cells[i] ?? "", true))),
        );
      return nodes.table!.create({ caption: str(b.caption) }, [
        row(header, "table_header"),
        ...(rows.length ? rows : [[]]).map((r) => row(r, "table_cell")),
      ]);
    }
    case "related": {
      const articleId = posInt(b.articleId);
      return articleId ? nodes.related!.create({ articleId }) : null;
    }
    case "video": {
      if ((b.provider !== "youtube" && b.provider !== "facebook") || typeof b.videoId !== "string") return null;
      const imageId = posInt(b.imageId);
      return nodes.video!.create({
        provider: b.provider,
        videoId: b.videoId,
        title: str(b.title),
        imageId,
        thumbUrl: imageId ? (images[String(imageId)]?.thumbUrl ?? "") : "",
      });
    }
    default:
      return null;
  }
}

/** The document of a body; never empty (an empty paragraph to type in). */
export function docFromBlocks(blocks: readonly unknown[], images: Images = {}): PMNode {
  const content = blocks.flatMap((b) => {
    const node = blockNode(b, images);
    return node ? [node] : [];
  });
  return nodes.doc!.create(null, content.length ? content : [nodes.paragraph!.create()]);
}

/** The blocks as content to insert (a paste), or null when there is nothing. */
export function fragmentFromBlocks(blocks: readonly unknown[], images: Images = {}): Fragment | null {
  const content = blocks.flatMap((b) => {
    const node = blockNode(b, images);
    return node ? [node] : [];
  });
  return content.length ? Fragment.from(content) : null;
}

// ---- document -> blocks

/** The text of an inline node's children with its marks as ranges; `oneLine` writes breaks as spaces. */
function richOf(node: PMNode, oneLine = false): Rich {
  let text = "";
  const marks: Mark[] = [];
  const open: Partial<Record<Mark["type"], Mark>> = {};
  node.forEach((child) => {
    const piece = child.isText ? child.text! : child.type === nodes.hard_break ? (oneLine ? " " : "\n") : "";
    const start = text.length;
    text += piece;
    const end = text.length;
    for (const type of ["bold", "italic", "link"] as const) {
      const mark = child.marks.find((m) => m.type.name === type);
      const prev = open[type];
      if (!mark) {
        delete open[type];
        continue;
      }
      const href = type === "link" ? String(mark.attrs.href) : "";
      if (prev && prev.end === start && (prev.type !== "link" || prev.href === href)) prev.end = end;
      else {
        const next: Mark = type === "link" ? { type, start, end, href } : { type, start, end };
        marks.push(next);
        open[type] = next;
      }
    }
  });
  const kept = marks.filter((m) => m.end > m.start);
  return kept.length ? { text, marks: kept } : { text };
}
const item = (r: Rich): Item => (r.marks ? r : r.text);
const blank = (r: Rich) => r.text.trim() === "";

function toBlock(node: PMNode): Block | null {
  const a = node.attrs;
  switch (node.type.name) {
    case "paragraph": {
      const r = richOf(node);
      return blank(r) ? null : { type: "paragraph", ...r };
    }
    case "subheading":
      return node.textContent.trim() ? { type: "subheading", text: node.textContent } : null;
    case "quote": {
      const r = richOf(node.child(0));
      const cite = node.child(1).textContent.trim();
      if (blank(r)) return null;
      return cite ? { type: "quote", ...r, cite } : { type: "quote", ...r };
    }
    case "aside": {
      const title = node.child(0).textContent.trim();
      const items: Item[] = [];
      node.forEach((child, _, i) => {
        if (i === 0) return;
        const r = richOf(child);
        if (!blank(r)) items.push(item(r));
      });
      if (!items.length) return null;
      return title ? { type: "aside", title, items } : { type: "aside", items };
    }
    case "bullet_list":
    case "ordered_list": {
      const items: Item[] = [];
      node.forEach((li) => {
        const r = richOf(li.firstChild!, true);
        if (!blank(r)) items.push(item(r));
      });
      return items.length ? { type: "list", ordered: node.type.name === "ordered_list", items } : null;
    }
    case "figure": {
      const b: Block = { type: "figure", imageId: a.imageId as number };
      if (String(a.caption).trim()) b.caption = String(a.caption).trim();
      if (String(a.credit).trim()) b.credit = String(a.credit).trim();
      return b;
    }
    case "table": {
      const rows: Item[][] = [];
      node.forEach((row) => {
        const cells: Item[] = [];
        row.forEach((cell) => {
          cells.push(item(richOf(cell, true)));
          // A merged cell (pasted) stands for several: the others are empty.
          for (let i = 1; i < (cell.attrs.colspan as number); i++) cells.push("");
        });
        rows.push(cells);
      });
      const [header, ...body] = rows;
      if (!header || !body.length) return null;
      const caption = String(a.caption).trim();
      return caption ? { type: "table", caption, header, rows: body } : { type: "table", header, rows: body };
    }
    case "related":
      return { type: "related", articleId: a.articleId as number };
    case "video": {
      const b: Block = {
        type: "video",
        provider: a.provider as "youtube" | "facebook",
        videoId: String(a.videoId),
        title: String(a.title).trim(),
      };
      if (a.imageId) b.imageId = a.imageId as number;
      return b;
    }
    default:
      return null;
  }
}

/** The body's blocks; empty paragraphs and items are left out, as the markup leaves them out. */
export function blocksFromDoc(doc: PMNode): Block[] {
  const out: Block[] = [];
  doc.forEach((node) => {
    const b = toBlock(node);
    if (b) out.push(b);
  });
  return out;
}
