// Reads the reader forms out of an article page the way a browser would
// submit them: every named field with its value, nothing invented.
import { type HTMLElement, parse } from "node-html-parser";

export interface ReaderForm {
  action: string;
  fields: Record<string, string>;
}

export interface PollForm extends ReaderForm {
  pollId: number;
  options: number[];
}

function fieldsOf(form: HTMLElement): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const input of form.querySelectorAll("input[name], textarea[name]")) {
    const type = input.getAttribute("type");
    // Radio buttons are the reader's choice, made by the caller.
    if (type === "radio" || type === "submit") continue;
    fields[input.getAttribute("name")!] =
      input.tagName === "TEXTAREA" ? input.text : (input.getAttribute("value") ?? "");
  }
  return fields;
}

/** The comment form and the poll form of an article page (null where a form is missing). */
export function readerForms(html: string): { comment: ReaderForm | null; poll: PollForm | null } {
  const forms = parse(html).querySelectorAll("form");
  const comment = forms.find((f) => f.getAttribute("action") === "/binh-luan");
  const poll = forms.find((f) => /^\/binh-chon\/\d+$/.test(f.getAttribute("action") ?? ""));
  return {
    comment: comment ? { action: "/binh-luan", fields: fieldsOf(comment) } : null,
    poll: poll
      ? {
          action: poll.getAttribute("action")!,
          pollId: Number(poll.getAttribute("action")!.split("/").pop()),
          fields: fieldsOf(poll),
          options: poll
            .querySelectorAll('input[type="radio"][name="option"]')
            .map((o) => Number(o.getAttribute("value"))),
        }
      : null,
  };
}
