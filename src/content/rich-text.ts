// Inline formatting in body text: the text stays a plain string and marks
// (bold, italic, links) are ranges over it, in UTF-16 offsets, the way
// Draft.js and ProseMirror store them. A text without marks is exactly what
// every body held before marks existed, so old bodies need no migration and
// render as they always did.
//
// Marks may overlap (bold over part of a link, italic across the end of a
// bold run); the view splits the text at every boundary. Links never overlap
// one another. Hrefs are checked here, on every write: http(s) URLs or paths
// of this site, never javascript:, data:, protocol-relative or anything a
// browser might read differently from us.
import * as z from "zod";
import { nfc } from "../vi/normalize";
import { HREF_MAX, safeHref } from "./href";

export { safeHref };

export type Mark = { type: "bold" | "italic"; start: number; end: number } | LinkMark;
export type LinkMark = { type: "link"; start: number; end: number; href: string };
export interface RichText {
  text: string;
  marks?: Mark[];
}
/** A box or list item: a plain string when it has no marks (as every item was before marks), else a RichText. */
export type RichItem = string | RichText;

/** Marks per text. A paragraph of 5,000 characters rarely needs more than a few dozen. */
export const MAX_MARKS = 300;

const offset = z.number().int("Vị trí định dạng phải là số nguyên").min(0, "Vị trí định dạng không hợp lệ");
export const markSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.enum(["bold", "italic"]), start: offset, end: offset }),
  z.strictObject({ type: z.literal("link"), start: offset, end: offset, href: z.string().max(HREF_MAX) }),
]);
export const marksSchema = z.array(markSchema).max(MAX_MARKS, `Tối đa ${MAX_MARKS} định dạng trong một đoạn`);

/** An href that leaves the site: rendered with rel="noopener". */
export const isExternalHref = (href: string): boolean => !href.startsWith("/");

const TYPE_ORDER = { bold: 0, italic: 1, link: 2 } as const;

/** Bold and italic runs merged where they touch or overlap; links as given; all sorted. */
function canonicalMarks(marks: Mark[]): Mark[] {
  const out: Mark[] = [];
  for (const type of ["bold", "italic"] as const) {
    const runs = marks.filter((m) => m.type === type).sort((a, b) => a.start - b.start);
    let cur: Mark | null = null;
    for (const m of runs) {
      if (cur && m.start <= cur.end) cur.end = Math.max(cur.end, m.end);
      else {
        cur = { type, start: m.start, end: m.end };
        out.push(cur);
      }
    }
  }
  for (const m of marks) if (m.type === "link") out.push({ type: "link", start: m.start, end: m.end, href: m.href });
  return out.sort((a, b) => a.start - b.start || a.end - b.end || TYPE_ORDER[a.type] - TYPE_ORDER[b.type]);
}

interface Issue {
  message: string;
  path: (string | number)[];
}

/**
 * Checks marks against their text and normalises both: NFC (segment by
 * segment, so the offsets follow), trimmed, marks clamped to the trimmed
 * text, bold and italic merged, links' hrefs normalised. `oneLine` turns line
 * breaks into spaces (list items are one line each).
 */
export function normaliseRich(
  rawText: string,
  rawMarks: Mark[] | undefined,
  opts: { max: number; oneLine?: boolean },
): { ok: true; value: RichText } | { ok: false; issues: Issue[] } {
  const issues: Issue[] = [];
  // One character for one, so the marks' offsets stay put.
  const source = opts.oneLine ? rawText.replace(/[\r\n]/g, " ") : rawText;
  const marks = rawMarks ?? [];
  const links: Mark[] = [];
  marks.forEach((m, i) => {
    if (m.start >= m.end) issues.push({ message: "Định dạng phải bao ít nhất một ký tự", path: ["marks", i] });
    else if (m.end > source.length) issues.push({ message: "Định dạng nằm ngoài đoạn chữ", path: ["marks", i] });
    if (m.type === "link") {
      if (safeHref(m.href) === null)
        issues.push({
          message: "Liên kết chỉ được là địa chỉ http://, https:// hoặc đường dẫn trong trang bắt đầu bằng /",
          path: ["marks", i, "href"],
        });
      links.push(m);
    }
  });
  if (issues.length) return { ok: false, issues };
  links.sort((a, b) => a.start - b.start);
  for (let i = 1; i < links.length; i++)
    if (links[i]!.start < links[i - 1]!.end)
      return { ok: false, issues: [{ message: "Các liên kết không được chồng lên nhau", path: ["marks"] }] };

  // NFC per segment between mark boundaries, mapping old offsets to new ones.
  const bounds = [...new Set([0, source.length, ...marks.flatMap((m) => [m.start, m.end])])].sort((a, b) => a - b);
  const map = new Map<number, number>([[0, 0]]);
  let text = "";
  for (let i = 1; i < bounds.length; i++) {
    text += nfc(source.slice(bounds[i - 1], bounds[i]));
    map.set(bounds[i]!, text.length);
  }
  if (marks.length && text !== nfc(source))
    return { ok: false, issues: [{ message: "Định dạng không được cắt ngang một chữ", path: ["marks"] }] };

  const lead = text.length - text.trimStart().length;
  const trimmed = text.trim();
  if (trimmed === "") return { ok: false, issues: [{ message: "Nội dung không được để trống", path: ["text"] }] };
  if (trimmed.length > opts.max)
    return { ok: false, issues: [{ message: `Tối đa ${opts.max} ký tự`, path: ["text"] }] };
  const clamp = (n: number) => Math.min(Math.max(map.get(n)! - lead, 0), trimmed.length);
  const moved: Mark[] = [];
  for (const m of marks) {
    const start = clamp(m.start);
    const end = clamp(m.end);
    if (start >= end) continue; // it covered only whitespace that trimming removed
    moved.push(
      m.type === "link" ? { type: "link", start, end, href: safeHref(m.href)! } : { type: m.type, start, end },
    );
  }
  const out = canonicalMarks(moved);
  return { ok: true, value: out.length ? { text: trimmed, marks: out } : { text: trimmed } };
}

/** The schema of a box or list item: a string, or a text with marks; stored as a string when it has none. */
export function richItem(opts: { max: number; oneLine?: boolean }) {
  return z
    .union([z.string(), z.strictObject({ text: z.string(), marks: marksSchema.optional() })])
    .transform((v, ctx): RichItem => {
      const r = typeof v === "string" ? normaliseRich(v, undefined, opts) : normaliseRich(v.text, v.marks, opts);
      if (!r.ok) {
        for (const issue of r.issues)
          ctx.addIssue({ code: "custom", message: issue.message, path: typeof v === "string" ? [] : issue.path });
        return z.NEVER;
      }
      return r.value.marks ? r.value : r.value.text;
    });
}

export const richOf = (item: RichItem): RichText => (typeof item === "string" ? { text: item } : item);
export const plainOf = (item: RichItem): string => (typeof item === "string" ? item : item.text);

export interface Segment {
  text: string;
  bold: boolean;
  italic: boolean;
  /** The link this segment is part of; segments of one link share the object. */
  link?: LinkMark;
}

/** The text cut at every mark boundary, each piece with the marks over it. */
export function segments({ text, marks }: RichText): Segment[] {
  if (!marks?.length) return [{ text, bold: false, italic: false }];
  const bounds = [...new Set([0, text.length, ...marks.flatMap((m) => [m.start, m.end])])]
    .filter((n) => n >= 0 && n <= text.length)
    .sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 1; i < bounds.length; i++) {
    const from = bounds[i - 1]!;
    const to = bounds[i]!;
    const over = marks.filter((m) => m.start <= from && m.end >= to);
    const link = over.find((m): m is LinkMark => m.type === "link");
    out.push({
      text: text.slice(from, to),
      bold: over.some((m) => m.type === "bold"),
      italic: over.some((m) => m.type === "italic"),
      ...(link ? { link } : {}),
    });
  }
  return out;
}
