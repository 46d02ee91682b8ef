// The editor's document model: one node type per body block (content/blocks.ts),
// marks for bold, italic and links. Block shapes that are structured (a quote and
// its source, a box's title and items, a table's header row) are nodes with
// fixed children, so the document cannot hold what a block cannot store.
import { type MarkSpec, type NodeSpec, Schema } from "prosemirror-model";
import { tableNodes } from "prosemirror-tables";
import { linkTarget } from "./blocks";

const tables = tableNodes({ tableGroup: "block", cellContent: "inline*", cellAttributes: {} });

const placeholder = (text: string) => ({ "data-placeholder": text });

const nodes: Record<string, NodeSpec> = {
  doc: { content: "block+" },
  paragraph: { group: "block", content: "inline*", parseDOM: [{ tag: "p" }], toDOM: () => ["p", 0] },
  subheading: {
    group: "block",
    content: "text*",
    marks: "",
    defining: true,
    parseDOM: [{ tag: "h2" }, { tag: "h3" }, { tag: "h4" }],
    toDOM: () => ["h2", 0],
  },
  quote: {
    group: "block",
    content: "quote_text quote_cite",
    defining: true,
    toDOM: () => ["blockquote", { class: "pm-quote" }, 0],
  },
  quote_text: { content: "inline*", toDOM: () => ["p", 0] },
  quote_cite: {
    content: "text*",
    marks: "",
    toDOM: () => ["p", { class: "pm-cite", ...placeholder("Nguồn trích dẫn (tùy chọn)") }, 0],
  },
  aside: {
    group: "block",
    content: "aside_title aside_item+",
    defining: true,
    toDOM: () => ["div", { class: "pm-aside" }, 0],
  },
  aside_title: {
    content: "text*",
    marks: "",
    toDOM: () => ["p", { class: "pm-aside-title", ...placeholder("Tiêu đề khung (tùy chọn)") }, 0],
  },
  aside_item: { content: "inline*", toDOM: () => ["p", { class: "pm-aside-item" }, 0] },
  bullet_list: { group: "block", content: "list_item+", parseDOM: [{ tag: "ul" }], toDOM: () => ["ul", 0] },
  ordered_list: { group: "block", content: "list_item+", parseDOM: [{ tag: "ol" }], toDOM: () => ["ol", 0] },
  list_item: { content: "paragraph", defining: true, parseDOM: [{ tag: "li" }], toDOM: () => ["li", 0] },
  figure: {
    group: "block",
    atom: true,
    selectable: true,
    attrs: {
      imageId: {},
      thumbUrl: { default: "" },
      alt: { default: "" },
      /** The library's caption and credit, shown when the article does not override them. */
      libraryCaption: { default: "" },
      libraryCredit: { default: "" },
      caption: { default: "" },
      credit: { default: "" },
    },
    toDOM: () => ["div", { class: "pm-figure" }],
  },
  related: {
    group: "block",
    atom: true,
    selectable: true,
    attrs: { articleId: {}, headline: { default: "" } },
    toDOM: () => ["div", { class: "pm-related" }],
  },
  video: {
    group: "block",
    atom: true,
    selectable: true,
    attrs: {
      provider: {},
      videoId: {},
      title: { default: "" },
      imageId: { default: null },
      thumbUrl: { default: "" },
    },
    toDOM: () => ["div", { class: "pm-video" }],
  },
  table: { ...tables.table, attrs: { caption: { default: "" } } } as NodeSpec,
  table_row: tables.table_row,
  table_cell: tables.table_cell,
  table_header: tables.table_header,
  text: { group: "inline" },
  hard_break: {
    group: "inline",
    inline: true,
    selectable: false,
    parseDOM: [{ tag: "br" }],
    toDOM: () => ["br"],
  },
};

const marks: Record<string, MarkSpec> = {
  bold: {
    parseDOM: [{ tag: "strong" }, { tag: "b" }, { style: "font-weight=bold" }],
    toDOM: () => ["strong", 0],
  },
  italic: { parseDOM: [{ tag: "em" }, { tag: "i" }, { style: "font-style=italic" }], toDOM: () => ["em", 0] },
  link: {
    attrs: { href: {} },
    inclusive: false,
    // A pasted or dropped link the server would refuse keeps its text and loses the link.
    parseDOM: [
      {
        tag: "a[href]",
        getAttrs: (dom) => {
          const href = linkTarget((dom as HTMLElement).getAttribute("href") ?? "");
          return href ? { href } : false;
        },
      },
    ],
    // Never followed from the editor: a click places the cursor.
    toDOM: (mark) => ["a", { href: mark.attrs.href, rel: "noopener" }, 0],
  },
};

export const schema = new Schema({ nodes, marks });
