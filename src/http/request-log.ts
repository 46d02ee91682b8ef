// One JSON line per request for Workers Logs: enough to find slow routes, cache
// misses and errors, and nothing about the person: no IP, no user agent, no
// cookies, no query string (search terms can be personal), no account.
// Cache HITs, the bulk of a paper's traffic and the least telling, are logged
// one in HIT_LOG_SAMPLE (the line says so): writing a line cost more than the
// rest of a HIT (docs/performance.md, "Cached pages against the cache itself").
import type { MiddlewareHandler } from "hono";
import { matchedRoutes } from "hono/route";
import type { AppEnv } from "../env";
import { describeError } from "../platform/log";

export interface RequestLogEntry {
  level: "info" | "warn" | "error";
  msg: "request";
  id: string;
  method: string;
  /** The route pattern that answered, e.g. "/:section/:file"; not the URL. */
  route: string;
  status: number;
  cache: string | null;
  ms: number;
  /** Set on sampled lines: each stands for this many requests like it. */
  sample?: number;
  colo?: string;
  error?: string;
}

/** One HIT line in this many is written. */
export const HIT_LOG_SAMPLE = 100;

export type LineWriter = (line: string) => void;
const consoleLine: LineWriter = (line) => console.log(line);

/** Cloudflare's ray id ties our line to its own logs; locally there is none. */
export const requestIdOf = (req: Request): string => req.headers.get("cf-ray") ?? crypto.randomUUID();

/** The route pattern Hono matched for this request ("(not found)" when none did). */
export function routeOf(c: Parameters<typeof matchedRoutes>[0]): string {
  const route = matchedRoutes(c)[c.req.routeIndex]?.path ?? "";
  return route === "/*" || route === "*" ? "(not found)" : route;
}

/** What a request's line says, given how it ended; undefined for a HIT left out by sampling. */
export function requestLine(
  req: Request,
  done: { id: string; route: () => string; status: number; cache: string | null; started: number; error?: unknown },
): string | undefined {
  const { status } = done;
  const hit = done.cache === "HIT" && status < 400 && !done.error;
  if (hit && Math.random() * HIT_LOG_SAMPLE >= 1) return undefined;
  const entry: RequestLogEntry = {
    level: status >= 500 ? "error" : status >= 400 ? "warn" : "info",
    msg: "request",
    id: done.id,
    method: req.method,
    route: done.route(),
    status,
    cache: done.cache,
    ms: Date.now() - done.started,
  };
  if (hit) entry.sample = HIT_LOG_SAMPLE;
  const colo = (req.cf as { colo?: unknown } | undefined)?.colo;
  if (typeof colo === "string") entry.colo = colo;
  if (done.error) entry.error = describeError(done.error);
  return JSON.stringify(entry);
}

export function requestLog(write: LineWriter = consoleLine): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = Date.now();
    const id = requestIdOf(c.req.raw);
    await next();
    // Set on the answer itself, whatever made it (a route, an error page);
    // copied first only if its headers cannot change (a response straight from fetch or a cache).
    try {
      c.res.headers.set("x-request-id", id);
    } catch {
      c.header("x-request-id", id);
    }
    const line = requestLine(c.req.raw, {
      id,
      route: () => routeOf(c),
      status: c.res.status,
      cache: c.res.headers.get("x-cache"),
      started,
      error: c.error,
    });
    if (line) write(line);
  };
}

/** The same line for an answer made before the app ran (the page cache's front door). */
export function logAnswer(
  req: Request,
  res: Response,
  id: string,
  route: () => string,
  started: number,
  write: LineWriter = consoleLine,
): Response {
  res.headers.set("x-request-id", id);
  const line = requestLine(req, { id, route, status: res.status, cache: res.headers.get("x-cache"), started });
  if (line) write(line);
  return res;
}
