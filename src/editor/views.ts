// Node views for the blocks that are not text: a photo (its thumbnail, caption
// and credit editable in place; never its id), a "Xem thêm" box (the linked
// headline) and a video (its thumbnail and title). Each is a small form island
// inside the editable area.
import type { Node as PMNode } from "prosemirror-model";
import type { EditorView, NodeView, ViewMutationRecord } from "prosemirror-view";
import { el, field } from "./dom";

type GetPos = () => number | undefined;

export interface PickedPhoto {
  id: number;
  thumbUrl: string;
  alt: string;
  caption: string;
  credit: string;
}
declare global {
  interface Window {
    /** The photo picker (i18-photos), when the page has it. */
    newsroomPhotos?: { pick(): Promise<PickedPhoto | null> };
  }
}

abstract class CardView implements NodeView {
  dom: HTMLElement;
  constructor(
    protected node: PMNode,
    protected view: EditorView,
    protected getPos: GetPos,
    kind: string,
  ) {
    this.dom = el("div", { class: `pm-card pm-${kind}`, contenteditable: "false" });
  }
  protected setAttrs(attrs: Record<string, unknown>) {
    const pos = this.getPos();
    if (pos === undefined) return;
    this.view.dispatch(this.view.state.tr.setNodeMarkup(pos, null, { ...this.node.attrs, ...attrs }));
  }
  protected removeButton(label: string): HTMLButtonElement {
    const button = el("button", { type: "button", class: "secondary" }, label);
    button.addEventListener("click", () => {
      const pos = this.getPos();
      if (pos === undefined) return;
      this.view.dispatch(this.view.state.tr.delete(pos, pos + this.node.nodeSize));
      this.view.focus();
    });
    return button;
  }
  protected textInput(label: string, key: string, placeholder = ""): HTMLLabelElement {
    const input = el("input", { type: "text", value: String(this.node.attrs[key] ?? ""), placeholder });
    input.value = String(this.node.attrs[key] ?? "");
    input.addEventListener("input", () => this.setAttrs({ [key]: input.value }));
    input.dataset.attr = key;
    return field(label, input);
  }
  update(node: PMNode): boolean {
    if (node.type !== this.node.type) return false;
    this.node = node;
    for (const input of this.dom.querySelectorAll<HTMLInputElement>("input[data-attr]")) {
      const value = String(node.attrs[input.dataset.attr!] ?? "");
      if (input.value !== value && document.activeElement !== input) input.value = value;
    }
    return true;
  }
  stopEvent(event: Event): boolean {
    const t = event.target;
    return t instanceof HTMLInputElement || t instanceof HTMLButtonElement;
  }
  ignoreMutation(): boolean {
    return true;
  }
}

const thumb = (src: string, alt: string) =>
  src ? el("img", { src, alt, width: "180", height: "101", loading: "lazy" }) : null;

export class FigureView extends CardView {
  constructor(node: PMNode, view: EditorView, getPos: GetPos) {
    super(node, view, getPos, "figure");
    const a = node.attrs;
    const img = thumb(String(a.thumbUrl), String(a.alt) || "Ảnh trong bài");
    const shown = img ?? el("p", {}, "Ảnh trong bài");
    // A photo this page was not told about (pasted, or in a restored copy): its
    // thumbnail is looked up, so the editor never sees a bare number.
    if (!img && Number.isSafeInteger(a.imageId)) void this.lookUp(a.imageId as number, shown);
    this.dom.append(
      shown,
      this.textInput("Chú thích ảnh", "caption", String(a.libraryCaption)),
      this.textInput("Tác giả ảnh", "credit", String(a.libraryCredit)),
      this.removeButton("Xóa ảnh"),
    );
  }
  private async lookUp(id: number, placeholder: HTMLElement) {
    try {
      const res = await fetch(`/admin/anh/${id}.json`, { credentials: "same-origin" });
      if (!res.ok) return;
      const photo = (await res.json()) as { thumbUrl?: unknown; alt?: unknown };
      if (typeof photo.thumbUrl !== "string" || !photo.thumbUrl.startsWith("/")) return;
      const img = thumb(photo.thumbUrl, typeof photo.alt === "string" && photo.alt ? photo.alt : "Ảnh trong bài");
      if (img) placeholder.replaceWith(img);
    } catch {
      // The placeholder stays; the photo itself is unchanged.
    }
  }
}

/** Headlines of related articles already looked up, by id. */
const headlines = new Map<number, string>();

export class RelatedView extends CardView {
  constructor(node: PMNode, view: EditorView, getPos: GetPos) {
    super(node, view, getPos, "related");
    const id = node.attrs.articleId as number;
    const headline = el("span", {}, String(node.attrs.headline) || headlines.get(id) || "…");
    this.dom.append(el("p", {}, el("strong", {}, "Xem thêm: "), headline), this.removeButton("Xóa “Xem thêm”"));
    if (!node.attrs.headline && !headlines.has(id))
      fetch(`/admin/bai-viet/tim.json?id=${id}`, { credentials: "same-origin" })
        .then((r) => (r.ok ? r.json() : []))
        .then((rows: { headline?: string }[]) => {
          const found = rows[0]?.headline;
          headlines.set(id, found ?? "(bài không còn đăng)");
          headline.textContent = headlines.get(id)!;
        })
        .catch(() => {
          headline.textContent = "(chưa tải được tiêu đề)";
        });
  }
}

const PROVIDERS: Record<string, string> = { youtube: "YouTube", facebook: "Facebook" };

export class VideoView extends CardView {
  constructor(node: PMNode, view: EditorView, getPos: GetPos) {
    super(node, view, getPos, "video");
    const a = node.attrs;
    const picture = el("div");
    const showThumb = (src: string) => picture.replaceChildren(thumb(src, "Ảnh đại diện của video") ?? "");
    showThumb(String(a.thumbUrl));
    const choose = el("button", { type: "button", class: "secondary" }, "Chọn ảnh đại diện");
    choose.addEventListener("click", async () => {
      const photo = await window.newsroomPhotos?.pick();
      if (!photo) return;
      this.setAttrs({ imageId: photo.id, thumbUrl: photo.thumbUrl });
      showThumb(photo.thumbUrl);
    });
    this.dom.append(
      el("p", {}, el("strong", {}, `Video ${PROVIDERS[String(a.provider)] ?? ""}`)),
      picture,
      this.textInput("Tiêu đề video", "title"),
      ...(window.newsroomPhotos ? [choose] : []),
      this.removeButton("Xóa video"),
    );
  }
}

/**
 * A header cell. An empty one shows "(cột trống)" beside the cursor, not
 * editable: a table header without text is an accessibility error.
 */
export class HeaderCellView implements NodeView {
  dom: HTMLTableCellElement;
  contentDOM: HTMLSpanElement;
  private empty = el("span", { class: "pm-empty-cell", contenteditable: "false" }, "(cột trống)");
  constructor(private node: PMNode) {
    this.dom = el("th");
    this.contentDOM = el("span");
    this.dom.append(this.contentDOM);
    const { colspan, rowspan } = node.attrs as { colspan: number; rowspan: number };
    if (colspan !== 1) this.dom.colSpan = colspan;
    if (rowspan !== 1) this.dom.rowSpan = rowspan;
    this.mark();
  }
  private mark() {
    if (this.node.content.size) this.empty.remove();
    else if (!this.empty.isConnected) this.dom.append(this.empty);
  }
  update(node: PMNode): boolean {
    if (node.type !== this.node.type || node.attrs.colspan !== this.node.attrs.colspan) return false;
    if (node.attrs.rowspan !== this.node.attrs.rowspan) return false;
    this.node = node;
    this.mark();
    return true;
  }
  ignoreMutation(m: ViewMutationRecord): boolean {
    return !this.contentDOM.contains(m.target);
  }
}
