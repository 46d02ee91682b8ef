// Small DOM helpers for the editor's toolbar, dialogs and node views.
type Attrs = Record<string, string | boolean | undefined>;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    node.setAttribute(k, v === true ? "" : v);
  }
  node.append(...children);
  return node;
}

let counter = 0;
/** An id unique in the page, for labels and descriptions. */
export const uid = (prefix: string) => `${prefix}-${++counter}`;

/** A labelled text input: the label wraps it, so no id is needed. */
export function field(label: string, input: HTMLInputElement): HTMLLabelElement {
  return el("label", { class: "pm-field" }, el("span", {}, label), input);
}

/**
 * A modal dialog (<dialog>, focus kept inside, Escape closes) with a heading
 * naming it. Removed from the page when closed; `onClose` runs after.
 */
export function openDialog(
  title: string,
  content: (close: () => void) => HTMLElement[],
  onClose: () => void,
): HTMLDialogElement {
  const heading = el("h2", { id: uid("pm-dialog-title") }, title);
  const dialog = el("dialog", { class: "pm-dialog", "aria-labelledby": heading.id });
  const close = () => dialog.close();
  dialog.append(heading, ...content(close));
  dialog.addEventListener("close", () => {
    dialog.remove();
    onClose();
  });
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}
