// The newsroom's WYSIWYG editor for an article body, as progressive
// enhancement over the markup textarea (docs/newsroom.md, "The editor").
// Without JavaScript, or if anything here fails, the textarea is the editor.
//
// With it: the textarea is hidden (kept in the form, labelled, and kept in
// sync when the markup can express the body), and a hidden `bodyJson` input
// carries the blocks as JSON, which the server prefers. Built by
// scripts/build-assets.ts into public/_/editor.<hash>.js; loaded only on the
// newsroom's article form.
import { baseKeymap, chainCommands, setBlockType, toggleMark } from "prosemirror-commands";
import { history, redo, redoDepth, undo, undoDepth } from "prosemirror-history";
import { InputRule, inputRules, textblockTypeInputRule, wrappingInputRule } from "prosemirror-inputrules";
import { keymap } from "prosemirror-keymap";
import {
  Fragment,
  type MarkType,
  type NodeType,
  type Node as PMNode,
  type ResolvedPos,
  Slice,
} from "prosemirror-model";
import { liftListItem, splitListItem, wrapInList } from "prosemirror-schema-list";
import { type Command, EditorState, TextSelection, type Transaction } from "prosemirror-state";
import {
  addColumnAfter,
  addRowAfter,
  deleteColumn,
  deleteRow,
  goToNextCell,
  isInTable,
  selectedRect,
  tableEditing,
} from "prosemirror-tables";
import { EditorView } from "prosemirror-view";
import type { BodyBlock } from "../content/blocks";
import { markupToBlocks } from "../content/markup/parse";
import { blocksToMarkup } from "../content/markup/serialize";
import { linkTarget, TABLE_COLUMNS_MAX } from "./blocks";
import { blocksFromDoc, docFromBlocks, fragmentFromBlocks, type Images } from "./convert";
import { el, field, openDialog, uid } from "./dom";
import { schema } from "./schema";
import { EDITOR_CSS } from "./styles";
import { parseVideoUrl } from "./video-url";
import { FigureView, HeaderCellView, RelatedView, VideoView } from "./views";

const { nodes, marks } = schema;
const SEARCH_URL = "/admin/bai-viet/tim.json";
const PASTE_URL = "/admin/bai-viet/chuyen-doi-html";
/** Characters of bodyJson and markup together above which only bodyJson is sent. */
const LONG_BODY = 150_000;

interface EditorData {
  blocks: unknown[] | null;
  images: Images;
}

function readData(): EditorData {
  try {
    const data = JSON.parse(document.getElementById("editor-data")?.textContent ?? "null") as Partial<EditorData>;
    return { blocks: Array.isArray(data?.blocks) ? data.blocks : null, images: data?.images ?? {} };
  } catch {
    return { blocks: null, images: {} };
  }
}

/** Markup as blocks, for a restored copy or a paste answered in markup; [] when it does not parse. */
function markupBlocks(markup: string): unknown[] {
  try {
    return markup.trim() ? markupToBlocks(markup) : [];
  } catch {
    return [];
  }
}

// ---- commands

/** The top-level block the selection starts in: its node and position, or null. */
function topBlock($pos: ResolvedPos): { node: PMNode; pos: number } | null {
  return $pos.depth >= 1 ? { node: $pos.node(1), pos: $pos.before(1) } : null;
}

function ancestor($pos: ResolvedPos, types: NodeType[]): { node: PMNode; pos: number } | null {
  for (let d = $pos.depth; d > 0; d--) {
    const node = $pos.node(d);
    if (types.includes(node.type)) return { node, pos: $pos.before(d) };
  }
  return null;
}

function markActive(state: EditorState, type: MarkType): boolean {
  const { from, $from, to, empty } = state.selection;
  if (empty) return !!type.isInSet(state.storedMarks ?? $from.marks());
  return state.doc.rangeHasMark(from, to, type);
}

/** A paragraph turned into a quote or a box, or the quote or box back into paragraphs. */
function toggleWrapper(kind: "quote" | "aside"): Command {
  return (state, dispatch) => {
    const { $from } = state.selection;
    const top = topBlock($from);
    if (!top) return false;
    const wrapper = nodes[kind]!;
    if (top.node.type === wrapper) {
      const paragraphs: PMNode[] = [];
      top.node.forEach((child, _, i) => {
        const isLabel = kind === "quote" ? i === 1 : i === 0;
        if (!isLabel || child.textContent.trim()) paragraphs.push(nodes.paragraph!.create(null, child.content));
      });
      if (dispatch) {
        const tr = state.tr.replaceWith(top.pos, top.pos + top.node.nodeSize, paragraphs);
        dispatch(tr.setSelection(TextSelection.near(tr.doc.resolve(top.pos + 1))).scrollIntoView());
      }
      return true;
    }
    if (top.node.type !== nodes.paragraph) return false;
    if (dispatch) {
      const node =
        kind === "quote"
          ? wrapper.create(null, [nodes.quote_text!.create(null, top.node.content), nodes.quote_cite!.create()])
          : wrapper.create(null, [nodes.aside_title!.create(), nodes.aside_item!.create(null, top.node.content)]);
      const tr = state.tr.replaceWith(top.pos, top.pos + top.node.nodeSize, node);
      const inner = top.pos + (kind === "quote" ? 2 : 4) + $from.parentOffset;
      dispatch(tr.setSelection(TextSelection.create(tr.doc, inner)).scrollIntoView());
    }
    return true;
  };
}

function toggleList(type: NodeType): Command {
  return (state, dispatch) => {
    const list = ancestor(state.selection.$from, [nodes.bullet_list!, nodes.ordered_list!]);
    if (list?.node.type === type) return liftListItem(nodes.list_item!)(state, dispatch);
    if (list) {
      dispatch?.(state.tr.setNodeMarkup(list.pos, type));
      return true;
    }
    return wrapInList(type)(state, dispatch);
  };
}

/** A paragraph or subheading at the top level (not in a list, quote or box). */
function setTopBlock(type: NodeType): Command {
  return (state, dispatch) => {
    if (state.selection.$from.depth !== 1) return false;
    return setBlockType(type)(state, dispatch);
  };
}

const hardBreak: Command = (state, dispatch) => {
  const { $from } = state.selection;
  if (!$from.parent.type.contentMatch.matchType(nodes.hard_break!) || $from.parent.type.spec.marks === "") return false;
  if ($from.parent.type === nodes.table_cell || $from.parent.type === nodes.table_header) return false;
  dispatch?.(state.tr.replaceSelectionWith(nodes.hard_break!.create()).scrollIntoView());
  return true;
};

/** Enter in a quote moves to its source; in a source, or an empty last box line, leaves the block. */
const enterInBlocks: Command = (state, dispatch) => {
  const { $from, empty } = state.selection;
  const type = $from.parent.type;
  if (type === nodes.quote_text || type === nodes.aside_title) {
    dispatch?.(state.tr.setSelection(TextSelection.create(state.doc, $from.after() + 1)).scrollIntoView());
    return true;
  }
  const emptyItem = type === nodes.aside_item && empty && $from.parent.content.size === 0;
  if (type === nodes.quote_cite || emptyItem) {
    if (!dispatch) return true;
    let tr = state.tr;
    const end = $from.after(1);
    if (emptyItem && $from.node(1).childCount > 2) tr = tr.delete($from.before(), $from.after());
    const at = tr.mapping.map(end);
    tr = tr.insert(at, nodes.paragraph!.create());
    dispatch(tr.setSelection(TextSelection.create(tr.doc, at + 1)).scrollIntoView());
    return true;
  }
  if ((type === nodes.table_cell || type === nodes.table_header) && isInTable(state)) {
    return goToNextCell(1)(state, dispatch);
  }
  return false;
};

/** Puts a block (a table, photo, video, "Xem thêm") after the block the cursor is in, or in place of an empty paragraph. */
function insertBlock(view: EditorView, node: PMNode, select?: (tr: Transaction, at: number) => void) {
  const { state } = view;
  const top = topBlock(state.selection.$from);
  let tr = state.tr;
  let at: number;
  if (top && top.node.type === nodes.paragraph && top.node.content.size === 0) {
    tr = tr.replaceWith(top.pos, top.pos + top.node.nodeSize, node);
    at = top.pos;
  } else {
    at = top ? top.pos + top.node.nodeSize : state.selection.from;
    tr = tr.insert(at, node);
  }
  const after = at + node.nodeSize;
  if (after >= tr.doc.content.size || tr.doc.resolve(after).nodeAfter?.type !== nodes.paragraph)
    tr = tr.insert(after, nodes.paragraph!.create());
  if (select) select(tr, at);
  else tr = tr.setSelection(TextSelection.create(tr.doc, after + 1));
  view.dispatch(tr.scrollIntoView());
  view.focus();
}

function newTable(): PMNode {
  const cells = (type: NodeType) => [0, 1, 2].map(() => type.create());
  return nodes.table!.create(null, [
    nodes.table_row!.create(null, cells(nodes.table_header!)),
    nodes.table_row!.create(null, cells(nodes.table_cell!)),
    nodes.table_row!.create(null, cells(nodes.table_cell!)),
  ]);
}

const addColumn: Command = (state, dispatch) => {
  if (!isInTable(state) || selectedRect(state).map.width >= TABLE_COLUMNS_MAX) return false;
  return addColumnAfter(state, dispatch);
};
/** Rows and columns are removed, never the header row or the last column, so a table stays storable. */
const removeRow: Command = (state, dispatch) => {
  if (!isInTable(state)) return false;
  const rect = selectedRect(state);
  if (rect.top === 0 || rect.map.height <= 2) return false;
  return deleteRow(state, dispatch);
};
const removeColumn: Command = (state, dispatch) => {
  if (!isInTable(state) || selectedRect(state).map.width <= 1) return false;
  return deleteColumn(state, dispatch);
};

/** The link run around the selection in its textblock: its range and target. */
function linkAround(state: EditorState): { from: number; to: number; href: string } | null {
  const { $from, from, to } = state.selection;
  if (!$from.parent.inlineContent) return null;
  const start = $from.start();
  const runs: { from: number; to: number; href: string }[] = [];
  $from.parent.forEach((child, offset) => {
    const mark = marks.link!.isInSet(child.marks);
    if (!mark) return;
    const f = start + offset;
    const last = runs[runs.length - 1];
    if (last && last.to === f && last.href === mark.attrs.href) last.to = f + child.nodeSize;
    else runs.push({ from: f, to: f + child.nodeSize, href: String(mark.attrs.href) });
  });
  return runs.find((r) => r.from <= from && to <= r.to) ?? null;
}

// ---- dialogs

function linkDialog(view: EditorView) {
  const { state } = view;
  if (!state.selection.$from.parent.type.allowsMarkType(marks.link!)) return;
  const around = linkAround(state);
  const input = el("input", { type: "text", inputmode: "url", autocomplete: "off", spellcheck: "false" });
  input.value = around?.href ?? "";
  const error = el("p", { class: "pm-error", id: uid("pm-link-error"), role: "alert" });
  let done = false;
  openDialog(
    around ? "Sửa liên kết" : "Gắn liên kết",
    (close) => {
      const form = el("form", { method: "dialog" });
      const remove = el("button", { type: "button", class: "secondary" }, "Bỏ liên kết");
      const cancel = el("button", { type: "button", class: "secondary" }, "Hủy");
      form.append(
        field("Địa chỉ (https://… hoặc đường dẫn trong trang bắt đầu bằng /)", input),
        error,
        el("button", { type: "submit" }, "Gắn liên kết"),
        ...(around ? [remove] : []),
        cancel,
      );
      cancel.addEventListener("click", close);
      remove.addEventListener("click", () => {
        if (around) view.dispatch(view.state.tr.removeMark(around.from, around.to, marks.link!));
        close();
      });
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        const href = linkTarget(input.value);
        if (!href) {
          error.textContent =
            "Liên kết chỉ được là địa chỉ http://, https:// hoặc đường dẫn trong trang bắt đầu bằng /.";
          input.setAttribute("aria-invalid", "true");
          input.setAttribute("aria-describedby", error.id);
          input.focus();
          return;
        }
        const mark = marks.link!.create({ href });
        let { from, to } = view.state.selection;
        if (from === to && around) ({ from, to } = around);
        let tr = view.state.tr;
        if (from === to) {
          tr = tr.insert(from, schema.text(input.value.trim(), [mark]));
        } else tr = tr.removeMark(from, to, marks.link!).addMark(from, to, mark);
        view.dispatch(tr);
        done = true;
        close();
      });
      return [form];
    },
    () => {
      view.focus();
      void done;
    },
  );
}

interface Found {
  id: number;
  headline: string;
  url: string;
  publishedAt: string | null;
}

function relatedDialog(view: EditorView) {
  const input = el("input", { type: "search", autocomplete: "off" });
  const status = el("p", { role: "status", class: "pm-status" });
  const list = el("ul");
  let timer = 0;
  let asked = "";
  openDialog(
    "Chèn “Xem thêm”",
    (close) => {
      const search = async () => {
        const q = input.value.trim();
        if (q === asked) return;
        asked = q;
        if (!q) {
          list.replaceChildren();
          status.textContent = "";
          return;
        }
        status.textContent = "Đang tìm…";
        try {
          const res = await fetch(`${SEARCH_URL}?q=${encodeURIComponent(q)}`, { credentials: "same-origin" });
          const rows = (res.ok ? await res.json() : []) as Found[];
          if (q !== asked) return;
          list.replaceChildren(
            ...rows.map((r) => {
              const button = el("button", { type: "button" }, r.headline);
              button.addEventListener("click", () => {
                close();
                insertBlock(view, nodes.related!.create({ articleId: r.id, headline: r.headline }));
              });
              return el("li", {}, button);
            }),
          );
          status.textContent = rows.length ? `Tìm thấy ${rows.length} bài.` : "Không thấy bài đã đăng nào khớp.";
        } catch {
          status.textContent = "Chưa tìm được, hãy thử lại.";
        }
      };
      input.addEventListener("input", () => {
        clearTimeout(timer);
        timer = window.setTimeout(search, 250);
      });
      const cancel = el("button", { type: "button", class: "secondary" }, "Đóng");
      cancel.addEventListener("click", close);
      return [field("Tìm bài đã đăng theo tiêu đề", input), status, list, cancel];
    },
    () => view.focus(),
  );
}

function videoDialog(view: EditorView) {
  const url = el("input", { type: "text", inputmode: "url", autocomplete: "off" });
  const title = el("input", { type: "text", maxlength: "200" });
  const error = el("p", { class: "pm-error", role: "alert", id: uid("pm-video-error") });
  const picked = el("div");
  let photo: { id: number; thumbUrl: string } | null = null;
  openDialog(
    "Chèn video",
    (close) => {
      const form = el("form", { method: "dialog" });
      const choose = el("button", { type: "button", class: "secondary" }, "Chọn ảnh đại diện");
      choose.addEventListener("click", async () => {
        const p = await window.newsroomPhotos?.pick();
        if (!p) return;
        photo = p;
        picked.replaceChildren(
          el("img", { src: p.thumbUrl, alt: "Ảnh đại diện đã chọn", width: "180", height: "101" }),
        );
      });
      const cancel = el("button", { type: "button", class: "secondary" }, "Hủy");
      cancel.addEventListener("click", close);
      form.append(
        field("Địa chỉ video YouTube hoặc Facebook", url),
        field("Tiêu đề video", title),
        ...(window.newsroomPhotos ? [choose, picked] : []),
        error,
        el("button", { type: "submit" }, "Chèn video"),
        cancel,
      );
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        const ref = parseVideoUrl(url.value);
        const name = title.value.trim();
        const fail = (message: string, input: HTMLInputElement) => {
          error.textContent = message;
          input.setAttribute("aria-invalid", "true");
          input.setAttribute("aria-describedby", error.id);
          input.focus();
        };
        if (!ref) return fail("Hãy dán địa chỉ một video YouTube hoặc Facebook.", url);
        if (!name) return fail("Hãy đặt tiêu đề cho video.", title);
        close();
        insertBlock(
          view,
          nodes.video!.create({ ...ref, title: name, imageId: photo?.id ?? null, thumbUrl: photo?.thumbUrl ?? "" }),
        );
      });
      return [form];
    },
    () => view.focus(),
  );
}

// ---- the editor

interface Tool {
  text: string;
  label: string;
  keys?: string;
  run: (view: EditorView) => void;
  active?: (state: EditorState) => boolean;
  enabled?: (state: EditorState) => boolean;
}

const command =
  (cmd: Command) =>
  (view: EditorView): void => {
    cmd(view.state, view.dispatch, view);
    view.focus();
  };
const possible = (cmd: Command) => (state: EditorState) => cmd(state);

/** A button that turns a mark on or off over the selection. */
const markTool = (text: string, label: string, keys: string, mark: MarkType): Tool => ({
  text,
  label,
  keys,
  run: command(toggleMark(mark)),
  active: (s) => markActive(s, mark),
  enabled: possible(toggleMark(mark)),
});

/** A button that makes the cursor's block another kind: pressed while it is that kind. */
const blockTool = (text: string, label: string, cmd: Command, active: (state: EditorState) => boolean): Tool => ({
  text,
  label,
  run: command(cmd),
  active,
  enabled: possible(cmd),
});

function tools(announce: (message: string) => void, images: Images): (Tool | "|")[] {
  const inType = (type: NodeType) => (state: EditorState) => !!ancestor(state.selection.$from, [type]);
  const isTop = (type: NodeType) => (state: EditorState) =>
    state.selection.$from.depth === 1 && state.selection.$from.parent.type === type;
  return [
    markTool("Đậm", "Đậm (Ctrl+B)", "Control+B", marks.bold!),
    markTool("Nghiêng", "Nghiêng (Ctrl+I)", "Control+I", marks.italic!),
    {
      text: "Liên kết",
      label: "Liên kết (Ctrl+K)",
      keys: "Control+K",
      run: linkDialog,
      active: (s) => markActive(s, marks.link!),
      enabled: (s) => s.selection.$from.parent.type.allowsMarkType(marks.link!),
    },
    "|",
    blockTool("Đoạn", "Đoạn văn thường", setTopBlock(nodes.paragraph!), isTop(nodes.paragraph!)),
    blockTool("Tiêu đề", "Tiêu đề phụ", setTopBlock(nodes.subheading!), isTop(nodes.subheading!)),
    blockTool("Trích dẫn", "Trích dẫn", toggleWrapper("quote"), inType(nodes.quote!)),
    blockTool("Khung", "Khung thông tin", toggleWrapper("aside"), inType(nodes.aside!)),
    blockTool("• Danh sách", "• Danh sách gạch đầu dòng", toggleList(nodes.bullet_list!), inType(nodes.bullet_list!)),
    blockTool("1. Danh sách", "1. Danh sách đánh số", toggleList(nodes.ordered_list!), inType(nodes.ordered_list!)),
    "|",
    { text: "Bảng", label: "Bảng: chèn bảng mới", run: (view) => insertTableAt(view) },
    { text: "+ Hàng", label: "+ Hàng: thêm hàng vào bảng", run: command(addRowAfter), enabled: possible(addRowAfter) },
    { text: "+ Cột", label: "+ Cột: thêm cột vào bảng", run: command(addColumn), enabled: possible(addColumn) },
    { text: "− Hàng", label: "− Hàng: xóa hàng của bảng", run: command(removeRow), enabled: possible(removeRow) },
    { text: "− Cột", label: "− Cột: xóa cột của bảng", run: command(removeColumn), enabled: possible(removeColumn) },
    "|",
    {
      text: "Ảnh",
      label: "Ảnh: chọn ảnh từ thư viện",
      run: async (view) => {
        if (!window.newsroomPhotos) {
          announce("Chưa mở được thư viện ảnh. Hãy tải lại trang.");
          return;
        }
        const photo = await window.newsroomPhotos.pick();
        if (!photo) return;
        images[String(photo.id)] = photo;
        insertBlock(
          view,
          nodes.figure!.create({
            imageId: photo.id,
            thumbUrl: photo.thumbUrl,
            alt: photo.alt,
            libraryCaption: photo.caption,
            libraryCredit: photo.credit,
          }),
        );
      },
    },
    { text: "Xem thêm", label: "Xem thêm: chèn liên kết đến bài khác", run: relatedDialog },
    { text: "Video", label: "Video YouTube hoặc Facebook", run: videoDialog },
    "|",
    {
      text: "Hoàn tác",
      label: "Hoàn tác (Ctrl+Z)",
      keys: "Control+Z",
      run: command(undo),
      enabled: (s) => undoDepth(s) > 0,
    },
    {
      text: "Làm lại",
      label: "Làm lại (Ctrl+Shift+Z)",
      keys: "Control+Shift+Z",
      run: command(redo),
      enabled: (s) => redoDepth(s) > 0,
    },
  ];
}

function insertTableAt(view: EditorView) {
  if (isInTable(view.state)) return;
  const table = newTable();
  // The cursor goes into the first header cell.
  insertBlock(view, table, (tr, at) => tr.setSelection(TextSelection.create(tr.doc, at + 3)));
}

function mount(form: HTMLFormElement, textarea: HTMLTextAreaElement, data: EditorData) {
  const images: Images = { ...data.images };
  const label = document.querySelector<HTMLLabelElement>(`label[for="${textarea.id}"]`);
  if (label && !label.id) label.id = `${textarea.id}-label`;

  let bodyJson = form.querySelector<HTMLInputElement>('input[name="bodyJson"]');
  if (!bodyJson) {
    bodyJson = el("input", { type: "hidden", name: "bodyJson" });
    textarea.after(bodyJson);
  }
  const jsonInput = bodyJson;
  const style = el("style");
  style.textContent = EDITOR_CSS;
  document.head.append(style);

  const status = el("p", { class: "pm-status", role: "status" });
  const announce = (message: string) => {
    status.textContent = message;
  };
  const toolbar = el("div", { class: "pm-toolbar", role: "toolbar", "aria-label": "Định dạng nội dung" });
  const host = el("div");
  const wrap = el("div", { class: "pm-wrap" }, toolbar, status, host);
  textarea.after(wrap);

  let timer = 0;
  let written = "";
  /** Writes the blocks into `bodyJson` (and the markup into the textarea when it can) and tells the form. */
  const sync = () => {
    clearTimeout(timer);
    timer = 0;
    const blocks = blocksFromDoc(view.state.doc);
    const json = JSON.stringify(blocks);
    // Compared with what this editor last wrote, not the field: a restored copy sets the field itself.
    if (json === written && json === jsonInput.value) return;
    written = json;
    jsonInput.value = json;
    try {
      textarea.value = blocksToMarkup(blocks as BodyBlock[]);
    } catch {
      // A block the markup cannot write yet: bodyJson alone carries the body.
    }
    jsonInput.dispatchEvent(new Event("input", { bubbles: true }));
  };

  const keys: Record<string, Command> = {
    "Mod-b": toggleMark(marks.bold!),
    "Mod-i": toggleMark(marks.italic!),
    "Mod-k": (_state, _dispatch, view) => {
      if (view) linkDialog(view);
      return true;
    },
    "Mod-z": undo,
    "Shift-Mod-z": redo,
    "Mod-y": redo,
    "Shift-Enter": hardBreak,
    Enter: chainCommands(enterInBlocks, splitListItem(nodes.list_item!)),
    Tab: goToNextCell(1),
    "Shift-Tab": goToNextCell(-1),
  };
  const rules = inputRules({
    rules: [
      textblockTypeInputRule(/^##\s$/, nodes.subheading!),
      wrappingInputRule(/^\s*([-*•])\s$/, nodes.bullet_list!),
      wrappingInputRule(/^(\d+)\.\s$/, nodes.ordered_list!),
      // "> " at the start of a paragraph makes it a quote.
      new InputRule(/^>\s$/, (state, _match, start, end) => {
        const tr = state.tr.delete(start, end);
        let made: Transaction | null = null;
        toggleWrapper("quote")(state.apply(tr), (t) => {
          made = t;
        });
        if (!made) return null;
        const more: Transaction = made;
        for (const step of more.steps) tr.step(step);
        return tr.setSelection(TextSelection.create(tr.doc, more.selection.from));
      }),
    ],
  });

  const view: EditorView = new EditorView(host, {
    state: EditorState.create({
      doc: docFromBlocks(data.blocks ?? markupBlocks(textarea.value), images),
      plugins: [rules, history(), keymap(keys), keymap(baseKeymap), tableEditing()],
    }),
    nodeViews: {
      figure: (node, v, getPos) => new FigureView(node, v, getPos),
      related: (node, v, getPos) => new RelatedView(node, v, getPos),
      video: (node, v, getPos) => new VideoView(node, v, getPos),
      table_header: (node) => new HeaderCellView(node),
    },
    attributes: {
      class: "pm-editor",
      role: "textbox",
      "aria-multiline": "true",
      ...(label ? { "aria-labelledby": label.id } : { "aria-label": "Nội dung" }),
      ...(document.getElementById(`${textarea.id}-error`)
        ? { "aria-describedby": `${textarea.id}-error`, "aria-invalid": "true" }
        : {}),
      spellcheck: "true",
      lang: "vi",
    },
    dispatchTransaction(tr) {
      view.updateState(view.state.apply(tr));
      updateToolbar();
      if (tr.docChanged) {
        clearTimeout(timer);
        timer = window.setTimeout(sync, 150);
      }
    },
    handlePaste(v, event) {
      const clip = event.clipboardData;
      if (!clip) return false;
      const html = clip.getData("text/html");
      const text = clip.getData("text/plain");
      // Copied inside the editor, or pasted into a place that takes one line of text: ProseMirror's own paste.
      if (html.includes("data-pm-slice") || (!html && !text)) return false;
      if (v.state.selection.$from.depth !== 1 || v.state.selection.$from.parent.type !== nodes.paragraph) return false;
      void pasteViaServer(v, form, html, text, images, announce);
      return true;
    },
  });

  const buttons: [Tool, HTMLButtonElement][] = [];
  for (const tool of tools(announce, images)) {
    if (tool === "|") {
      toolbar.append(el("span", { class: "pm-sep", "aria-hidden": "true" }));
      continue;
    }
    const button = el(
      "button",
      {
        type: "button",
        "aria-label": tool.label,
        "aria-keyshortcuts": tool.keys,
        "aria-pressed": tool.active ? "false" : undefined,
      },
      tool.text,
    );
    // The editor keeps its selection while a button is pressed.
    button.addEventListener("mousedown", (e) => e.preventDefault());
    button.addEventListener("click", () => tool.run(view));
    toolbar.append(button);
    buttons.push([tool, button]);
  }
  // One tab stop for the whole toolbar; the arrow keys, Home and End move along it (the ARIA toolbar pattern).
  let current = buttons[0]![1];
  const usable = () => buttons.map(([, b]) => b).filter((b) => !b.disabled);
  const rove = (to: HTMLButtonElement, focus: boolean) => {
    for (const [, b] of buttons) b.tabIndex = b === to ? 0 : -1;
    current = to;
    if (focus) to.focus();
  };
  toolbar.addEventListener("keydown", (event) => {
    const list = usable();
    const at = list.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    const next =
      event.key === "ArrowRight" || event.key === "ArrowDown"
        ? list[(at + 1) % list.length]
        : event.key === "ArrowLeft" || event.key === "ArrowUp"
          ? list[(at - 1 + list.length) % list.length]
          : event.key === "Home"
            ? list[0]
            : event.key === "End"
              ? list[list.length - 1]
              : undefined;
    if (!next) return;
    event.preventDefault();
    rove(next, true);
  });
  toolbar.addEventListener("focusin", (event) => {
    if (event.target instanceof HTMLButtonElement) rove(event.target, false);
  });
  function updateToolbar() {
    for (const [tool, button] of buttons) {
      if (tool.active) button.setAttribute("aria-pressed", String(tool.active(view.state)));
      if (tool.enabled) button.disabled = !tool.enabled(view.state);
    }
    if (current.disabled) rove(usable()[0] ?? current, false);
  }
  rove(current, false);
  updateToolbar();

  textarea.hidden = true;
  textarea.required = false;
  // Markup help (the photo numbers of "Ảnh mới tải lên", the syntax notes) is for the
  // markup mode only: in the editor, photos are picked and no number is seen.
  const markupOnly = [
    ...document.querySelectorAll<HTMLElement>('section[aria-labelledby="recent-images"], details.markup-help'),
  ];
  const showMarkupHelp = (show: boolean) => {
    for (const e of markupOnly) e.hidden = !show;
  };
  showMarkupHelp(false);

  // "Soạn dạng mã": the markup textarea instead of the editor, for those who
  // know the markup. bodyJson is then not sent, so the server reads the markup.
  const mode = el("button", { type: "button", class: "secondary pm-mode", "aria-pressed": "false" }, "Soạn dạng mã");
  mode.addEventListener("click", () => {
    const toMarkup = textarea.hidden;
    if (toMarkup) {
      sync();
      wrap.hidden = true;
      textarea.hidden = false;
      jsonInput.disabled = true;
      showMarkupHelp(true);
      textarea.focus();
    } else {
      const doc = docFromBlocks(markupBlocks(textarea.value), images);
      view.dispatch(view.state.tr.replaceWith(0, view.state.doc.content.size, doc.content));
      jsonInput.disabled = false;
      sync();
      textarea.hidden = true;
      showMarkupHelp(false);
      wrap.hidden = false;
      view.focus();
    }
    mode.setAttribute("aria-pressed", String(toMarkup));
  });
  wrap.before(mode);
  // A body shown again after a refused save came from the editor (or came back without its
  // markup, see "formdata" below): send it back as it is now.
  if (data.blocks?.length && (document.getElementById(`${textarea.id}-error`) || !textarea.value.trim())) sync();

  form.addEventListener("submit", sync);
  // The form may carry 1 MB (src/http/request-guards.ts). A very long body sent twice, as blocks and
  // as markup, could pass it where the blocks alone do not: then only the blocks go.
  form.addEventListener("formdata", (event) => {
    if (!jsonInput.disabled && jsonInput.value && jsonInput.value.length + textarea.value.length > LONG_BODY)
      event.formData.delete(textarea.name);
  });
  form.addEventListener("newsroom:restored", () => {
    let blocks: unknown = null;
    try {
      blocks = jsonInput.value.trim() ? JSON.parse(jsonInput.value) : null;
    } catch {
      blocks = null;
    }
    const doc = docFromBlocks(Array.isArray(blocks) ? blocks : markupBlocks(textarea.value), images);
    view.dispatch(view.state.tr.replaceWith(0, view.state.doc.content.size, doc.content));
    announce("Đã khôi phục bản lưu.");
  });
}

/** Pasted content through the server's converter (contract.md), inserted as blocks; plain text if that fails. */
async function pasteViaServer(
  view: EditorView,
  form: HTMLFormElement,
  html: string,
  text: string,
  images: Images,
  announce: (message: string) => void,
) {
  const body = new FormData();
  if (html) body.append("html", html);
  else body.append("text", text);
  body.append("_csrf", form.querySelector<HTMLInputElement>('input[name="_csrf"]')?.value ?? "");
  announce("Đang dán nội dung…");
  try {
    const res = await fetch(PASTE_URL, {
      method: "POST",
      body,
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    });
    if (!res.ok) throw new Error(String(res.status));
    let blocks: unknown[] = [];
    let notes: string[] = [];
    if ((res.headers.get("content-type") ?? "").includes("application/json")) {
      const answer = (await res.json()) as { blocks?: unknown; notes?: unknown; images?: unknown };
      blocks = Array.isArray(answer.blocks) ? answer.blocks : [];
      // Photos the paste just stored in the library: shown at once as thumbnails.
      if (answer.images && typeof answer.images === "object") Object.assign(images, answer.images as Images);
      notes = Array.isArray(answer.notes) ? answer.notes.filter((n): n is string => typeof n === "string") : [];
    } else blocks = markupBlocks(await res.text());
    const content = fragmentFromBlocks(blocks, images);
    if (!content) throw new Error("empty");
    insertContent(view, content);
    announce(notes.length ? notes.join(" ") : "Đã dán nội dung.");
  } catch {
    const lines = text.split(/\r?\n/).filter((l) => l.trim());
    if (!lines.length) return announce("");
    insertContent(view, Fragment.from(lines.map((l) => nodes.paragraph!.create(null, schema.text(l)))));
    announce("Đã dán dạng chữ thường.");
  }
}

/** Blocks into the document at the selection; a paragraph at either end joins the text around it. */
function insertContent(view: EditorView, content: Fragment) {
  const open = (n: PMNode | null) => (n?.type === nodes.paragraph ? 1 : 0);
  const slice = new Slice(content, open(content.firstChild), open(content.lastChild));
  view.dispatch(view.state.tr.replaceSelection(slice).scrollIntoView());
}

function boot() {
  const textarea = document.querySelector<HTMLTextAreaElement>("textarea#body");
  const form = textarea?.form;
  if (!textarea || !form) return;
  try {
    mount(form, textarea, readData());
  } catch (err) {
    // The textarea stays, and works.
    textarea.hidden = false;
    console.error(err);
  }
}

boot();
