// Editors' sessions: an opaque random token in a __Host- cookie; D1 keeps only
// its SHA-256. Sessions end after IDLE_MS without use or ABSOLUTE_MS after login.
// The cookie also carries the session's end and an HMAC of both
// (signSessionToken, src/edge/policy.ts), so the page cache lets only a cookie
// this Worker issued bypass it, without asking D1.
import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { deleteSession, deleteUserSessions, getSessionWithUser, insertSession, touchSession } from "../db/users";
import { EDITOR_SESSION_COOKIE, signSessionToken, verifiedSessionToken } from "../edge/policy";
import type { AppEnv } from "../env";
import type { Session, User } from "../model/records";
import { randomToken, sha256Hex } from "../platform/crypto";
import { deviceLabel } from "../platform/user-agent";

export const IDLE_MS = 12 * 60 * 60 * 1000;
export const ABSOLUTE_MS = 14 * 24 * 60 * 60 * 1000;
/** last_seen_at is written at most this often, not on every request. */
const TOUCH_EVERY_MS = 5 * 60 * 1000;

function sessionCookie(value: string, maxAgeSeconds: number): string {
  return `${EDITOR_SESSION_COOKIE}=${value}; Path=/; Max-Age=${maxAgeSeconds}; HttpOnly; Secure; SameSite=Lax`;
}

export async function startSession(c: Context<AppEnv>, user: User): Promise<Session> {
  const token = randomToken();
  const now = new Date();
  const session: Session = {
    id: await sha256Hex(token),
    userId: user.id,
    csrfToken: randomToken(),
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + ABSOLUTE_MS),
    // Only the browser family and system: the User-Agent itself and the IP are not kept.
    device: deviceLabel(c.req.header("user-agent")),
  };
  await insertSession(c.var.db, session);
  const value = await signSessionToken(c.env, token, session.expiresAt);
  c.header("set-cookie", sessionCookie(value, Math.floor(ABSOLUTE_MS / 1000)), { append: true });
  return session;
}

export async function endSession(c: Context<AppEnv>, everywhere = false): Promise<void> {
  const session = c.var.session;
  if (session) {
    if (everywhere) await deleteUserSessions(c.var.db, session.userId);
    else await deleteSession(c.var.db, session.id);
  }
  c.header("set-cookie", sessionCookie("", 0), { append: true });
}

/** Whether a session is still usable at `now`: neither past its end nor idle too long. */
export const isSessionLive = (session: Pick<Session, "expiresAt" | "lastSeenAt">, now: number): boolean =>
  session.expiresAt.getTime() > now && now - session.lastSeenAt.getTime() <= IDLE_MS;

/**
 * How a page names a session in a form: derived from its id (itself a hash of
 * the cookie), so no page shows the stored id.
 */
export const sessionHandle = async (session: Pick<Session, "id">): Promise<string> =>
  sha256Hex(`phien:${session.id}`, 12);

/** Loads the editor behind the session cookie, if the session is still valid. */
export const loadEditor: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set("user", null);
  c.set("session", null);
  const value = getCookie(c, EDITOR_SESSION_COOKIE);
  // A cookie from before sessions were signed (a bare token) is still honoured, and signed below.
  const legacy = !!value && /^[0-9a-f]{64}$/.test(value);
  const token = value && (legacy ? value : await verifiedSessionToken(c.env, value));
  if (token) {
    const id = await sha256Hex(token);
    const found = await getSessionWithUser(c.var.db, id);
    const now = Date.now();
    if (found) {
      const { session, user } = found;
      if (!isSessionLive(session, now) || user.disabled) {
        await deleteSession(c.var.db, id);
      } else {
        if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await touchSession(c.var.db, id, new Date(now));
        if (legacy) {
          const left = Math.floor((session.expiresAt.getTime() - now) / 1000);
          c.header("set-cookie", sessionCookie(await signSessionToken(c.env, token, session.expiresAt), left), {
            append: true,
          });
        }
        c.set("user", user);
        c.set("session", session);
      }
    }
  }
  await next();
};

/** A request from the newsroom's scripts, which read JSON answers. */
export const wantsJson = (c: Context<AppEnv>): boolean => (c.req.header("accept") ?? "").includes("application/json");

/** Sends anyone without a valid session to the login page. */
export const requireEditor: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.var.user) {
    // A script's request (autosave) gets JSON it can read, not the sign-in page.
    if (wantsJson(c)) {
      return c.json(
        { error: "Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại; nội dung vẫn được giữ trên máy này." },
        401,
      );
    }
    const next_ = new URL(c.req.url);
    const target = c.req.method === "GET" ? `?tiep=${encodeURIComponent(next_.pathname + next_.search)}` : "";
    return c.redirect(`/admin/dang-nhap${target}`, 303);
  }
  await next();
};

/** The only addresses open to someone who must first replace a temporary password. */
const OPEN_BEFORE_PASSWORD_CHANGE: ReadonlySet<string> = new Set([
  "/admin/dang-nhap",
  "/admin/mat-khau",
  "/admin/dang-xuat",
  "/admin/dang-xuat-tat-ca",
]);

/**
 * An account whose password an admin chose (a new account, a reset) goes to
 * the password form for every other /admin request until it has its own.
 */
export const requireOwnPassword: MiddlewareHandler<AppEnv> = async (c, next) => {
  const user = c.var.user;
  if (user?.mustChangePassword && !OPEN_BEFORE_PASSWORD_CHANGE.has(c.req.path)) {
    const url = new URL(c.req.url);
    const back = c.req.method === "GET" ? url.pathname + url.search : "";
    return c.redirect(`/admin/mat-khau${back ? `?tiep=${encodeURIComponent(back)}` : ""}`, 303);
  }
  await next();
};
