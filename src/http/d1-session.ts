// D1 read replication through the Sessions API. Readers' GETs may read from
// the nearest replica ("first-unconstrained"); whoever has just written
// carries the write's bookmark in a cookie, and every later request of theirs
// reads at least that fresh: an editor always sees their own edit, a reader
// their own vote. Without replication enabled on the database every session
// simply reads the primary, so this is safe to ship before turning it on.
import type { Context, MiddlewareHandler } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { openDatabaseLazily, takeBumped } from "../db/client";
import { isNewsroomPath } from "../edge/policy";
import { type CachePurger, purgeScopes } from "../edge/purge";
import type { AppEnv } from "../env";

export const BOOKMARK_COOKIE = "__Host-d1-bookmark";
/** Long enough for any replica to catch up; after that the primary's news has spread anyway. */
const BOOKMARK_MAX_AGE_S = 300;
/** D1 bookmarks: four dash-separated hex fields. Anything else is ignored, never passed on. */
const BOOKMARK_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{32}$/i;

export function readBookmark(c: Context<AppEnv>): string | null {
  const value = getCookie(c, BOOKMARK_COOKIE);
  return value && BOOKMARK_SHAPE.test(value) ? value : null;
}

/** Where a request's reads may go: after its own bookmark, anywhere for a reader's GET, else the primary. */
export function sessionConstraint(c: Context<AppEnv>): string {
  const bookmark = readBookmark(c);
  if (bookmark) return bookmark;
  const reading = c.req.method === "GET" || c.req.method === "HEAD";
  return reading && !isNewsroomPath(new URL(c.req.url).pathname) ? "first-unconstrained" : "first-primary";
}

/**
 * Opens the request's D1 session as c.var.db. Responses that may be cached
 * (a reader's GET) never set the cookie; writes and the newsroom do. Once the
 * request is done, the scopes its writes bumped are purged from Workers Cache
 * (production; nothing to do in "api" mode), before the response leaves, so
 * the writer's next page is already the new one.
 */
export function d1Session(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    // Opened on the first query: a cache HIT usually makes none.
    let session: D1DatabaseSession | undefined;
    c.set(
      "db",
      openDatabaseLazily(() => {
        session = c.env.DB.withSession(sessionConstraint(c));
        // A session has the D1Database query surface drizzle uses (prepare, batch).
        return session as unknown as D1Database;
      }),
    );
    await next();
    if (!session) return;
    await purgeScopes(c.env, executionCtxOf(c), takeBumped(session));
    const writes = c.req.method !== "GET" && c.req.method !== "HEAD";
    const bookmark = session.getBookmark();
    if (!bookmark || !(writes || isNewsroomPath(new URL(c.req.url).pathname)) || bookmark === readBookmark(c)) return;
    setCookie(c, BOOKMARK_COOKIE, bookmark, {
      path: "/",
      secure: true,
      httpOnly: true,
      sameSite: "Lax",
      maxAge: BOOKMARK_MAX_AGE_S,
    });
  };
}

/** The request's ExecutionContext (ctx.cache is Workers Cache's purge API), if it has one. */
function executionCtxOf(c: Context<AppEnv>): { cache?: CachePurger } | undefined {
  try {
    return c.executionCtx as unknown as { cache?: CachePurger };
  } catch {
    return undefined;
  }
}
