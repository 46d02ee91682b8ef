// The comment form carries the time it was handed out, signed: a bot that
// posts within seconds of loading the page, or replays an old form, is refused.
import { sign, verify } from "./signing";

export const MIN_FILL_MS = 3_000;
export const MAX_FORM_AGE_MS = 2 * 24 * 3600_000;

export async function issueFormToken(secret: string, now = Date.now()): Promise<string> {
  return `${now}.${await sign(secret, `comment-form:${now}`)}`;
}

export type FormTokenCheck = "ok" | "invalid" | "too-fast" | "expired";

export async function checkFormToken(
  secret: string,
  token: string | undefined,
  now = Date.now(),
): Promise<FormTokenCheck> {
  const m = /^(\d{13})\.([0-9a-f]{32})$/.exec(token ?? "");
  if (!m) return "invalid";
  const issued = Number(m[1]);
  if (!(await verify(secret, `comment-form:${issued}`, m[2]!))) return "invalid";
  if (now - issued < MIN_FILL_MS) return "too-fast";
  if (now - issued > MAX_FORM_AGE_MS) return "expired";
  return "ok";
}
