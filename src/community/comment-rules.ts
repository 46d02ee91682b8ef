// What a comment may be. Text only: stored as typed (NFC), rendered escaped.
import { sha256Hex } from "../platform/crypto";

export const NAME_MIN = 2;
export const NAME_MAX = 80;
export const BODY_MIN = 2;
export const BODY_MAX = 2_000;
export const MAX_LINKS = 2;
export const RATE_WINDOW_MS = 10 * 60_000;
export const RATE_LIMIT = 5;
export const DUPLICATE_WINDOW_MS = 24 * 3600_000;

export interface CommentInput {
  name: string;
  email: string;
  body: string;
}

export type FieldErrors = Partial<Record<keyof CommentInput, string>>;

export function normaliseComment(raw: Record<string, string | undefined>): CommentInput {
  return {
    name: (raw.name ?? "").normalize("NFC").replace(/\s+/g, " ").trim().slice(0, 500),
    email: (raw.email ?? "").normalize("NFC").trim().slice(0, 500),
    body: (raw.body ?? "").normalize("NFC").replace(/\r\n?/g, "\n").trim().slice(0, 10_000),
  };
}

export function validateComment(c: CommentInput): FieldErrors {
  const errors: FieldErrors = {};
  const chars = (s: string) => [...s].length;
  if (chars(c.name) < NAME_MIN || chars(c.name) > NAME_MAX)
    errors.name = `Tên cần từ ${NAME_MIN} đến ${NAME_MAX} ký tự.`;
  if (c.email && (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(c.email) || c.email.length > 200))
    errors.email = "Email không hợp lệ (có thể để trống).";
  if (chars(c.body) < BODY_MIN) errors.body = "Bình luận quá ngắn.";
  else if (chars(c.body) > BODY_MAX) errors.body = `Bình luận tối đa ${BODY_MAX.toLocaleString("vi-VN")} ký tự.`;
  return errors;
}

export function countLinks(text: string): number {
  return (text.match(/\b(?:https?:\/\/|www\.)\S+/gi) ?? []).length;
}

/** Held for moderators as spam rather than queued as normal. */
export const looksLikeSpam = (c: CommentInput) => countLinks(c.body) > MAX_LINKS || countLinks(c.name) > 0;

/** The duplicate check's key (comments.body_hash): the text in lower case, whitespace runs as one space. */
export const commentBodyHash = (body: string): Promise<string> => sha256Hex(body.toLowerCase().replace(/\s+/g, " "));
