// Approved WordPress comments as the import format's comments (./format.ts),
// shared by the WXR and REST readers: plain text from the comment's HTML,
// parents before replies, and a comment that would not pass the format's
// check left out with a message naming its article and itself, so one bad
// comment never costs its article.
import { decodeEntities } from "../../src/content/markup/html-entities";
import { commentSchema, issuesText } from "./format";

export interface RawComment {
  id: string;
  /** "0", "" or null: a top-level comment. */
  parent: string | null;
  name: string;
  email: string;
  html: string;
  /** ISO 8601 with its zone. */
  createdAt: string | null;
}

export interface ReadComment {
  id: string;
  parent: string | null;
  name: string;
  email: string;
  text: string;
  createdAt: string;
}

/** The comment's text as a reader saw it: paragraphs and line breaks kept as line ends, tags and entities gone. */
export function commentText(html: string): string {
  return decodeEntities(
    html
      .replace(/\r\n?/g, "\n")
      .replace(/<br\s*\/?>\n?/gi, "\n")
      .replace(/<\/p\s*>/gi, "\n\n")
      .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, "")
      .replace(/<[^>]*>/g, ""),
  )
    .split("\n")
    .map((line) => line.replace(/[ \t\f\v\u00a0]+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/**
 * Checks and orders one article's approved comments. `where` names the
 * article for messages ("Bài 12"). A reply whose parent is not among them
 * (held, spam or left out) becomes a top-level comment.
 */
export function readComments(raw: RawComment[], where: string, warnings: string[]): ReadComment[] {
  const valid = new Map<string, ReadComment>();
  for (const c of raw) {
    const candidate = {
      id: c.id,
      parent: c.parent && c.parent !== "0" ? c.parent : null,
      name: c.name.replace(/\s+/g, " ").trim().slice(0, 100) || "Bạn đọc",
      email: c.email.trim().slice(0, 200),
      text: commentText(c.html),
      createdAt: c.createdAt ?? "",
    };
    const checked = commentSchema.safeParse(candidate);
    if (!checked.success) {
      warnings.push(`${where}, bình luận ${c.id}: ${issuesText(checked.error)}; bỏ qua bình luận này.`);
      continue;
    }
    if (valid.has(c.id)) continue;
    valid.set(c.id, candidate);
  }
  // Parents first: a comment comes once every comment above it has come.
  const out: ReadComment[] = [];
  const placed = new Set<string>();
  const place = (c: ReadComment, depth: number) => {
    if (placed.has(c.id)) return;
    const parent = c.parent ? valid.get(c.parent) : undefined;
    if (parent && depth < 100) place(parent, depth + 1);
    if (placed.has(c.id)) return; // a loop of replies, cut where it closed
    placed.add(c.id);
    out.push({ ...c, parent: parent && placed.has(parent.id) ? parent.id : null });
  };
  for (const c of [...valid.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || idOrder(a.id, b.id)))
    place(c, 0);
  return out;
}

const idOrder = (a: string, b: string) => Number(a) - Number(b) || a.localeCompare(b);
