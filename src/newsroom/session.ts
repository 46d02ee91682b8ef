// Editors' sessions: an opaque random token in a __Host- cookie; D1 keeps only
// its SHA-256. Sessions end after IDLE_MS without use or ABSOLUTE_MS after login.
import type { Context, MiddlewareHandler } from "hono";
import type { User } from "../db/schema";
import { deleteSession, deleteUserSessions, getSessionWithUser, insertSession, touchSession } from "../db/users";
import { EDITOR_SESSION_COOKIE } from "../edge/policy";
import type { AppEnv } from "../env";
import { randomToken, sha256Hex } from "./tokens";

export const IDLE_MS = 12 * 60 * 60 * 1000;
export const ABSOLUTE_MS = 14 * 24 * 60 * 60 * 1000;
/** last_seen_at is written at most this often, not on every request. */
const TOUCH_EVERY_MS = 5 * 60 * 1000;

function readCookie(req: Request, name: string): string | null {
  for (const part of (req.headers.get("cookie") ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return v.join("=");
  }
  return null;
}

function sessionCookie(value: string, maxAgeSeconds: number): string {
  return `${EDITOR_SESSION_COOKIE}=${value}; Path=/; Max-Age=${maxAgeSeconds}; HttpOnly; Secure; SameSite=Lax`;
}

export async function startSession(c: Context<AppEnv>, user: User): Promise<void> {
  const token = randomToken();
  const now = new Date();
  await insertSession(c.var.db, {
    id: await sha256Hex(token),
    userId: user.id,
    csrfToken: randomToken(),
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + ABSOLUTE_MS),
  });
  c.header("set-cookie", sessionCookie(token, Math.floor(ABSOLUTE_MS / 1000)), { append: true });
}

export async function endSession(c: Context<AppEnv>, everywhere = false): Promise<void> {
  const session = c.var.session;
  if (session) {
    if (everywhere) await deleteUserSessions(c.var.db, session.userId);
    else await deleteSession(c.var.db, session.id);
  }
  c.header("set-cookie", sessionCookie("", 0), { append: true });
}

/** Loads the editor behind the session cookie, if the session is still valid. */
export const loadEditor: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set("user", null);
  c.set("session", null);
  const token = readCookie(c.req.raw, EDITOR_SESSION_COOKIE);
  if (token && /^[0-9a-f]{64}$/.test(token)) {
    const id = await sha256Hex(token);
    const found = await getSessionWithUser(c.var.db, id);
    const now = Date.now();
    if (found) {
      const { session, user } = found;
      const expired = session.expiresAt.getTime() <= now || now - session.lastSeenAt.getTime() > IDLE_MS;
      if (expired || user.disabled) {
        await deleteSession(c.var.db, id);
      } else {
        if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await touchSession(c.var.db, id, new Date(now));
        c.set("user", user);
        c.set("session", session);
      }
    }
  }
  await next();
};

/** Sends anyone without a valid session to the login page. */
export const requireEditor: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.var.user) {
    const next_ = new URL(c.req.url);
    const target = c.req.method === "GET" ? `?tiep=${encodeURIComponent(next_.pathname + next_.search)}` : "";
    return c.redirect(`/admin/dang-nhap${target}`, 303);
  }
  await next();
};
