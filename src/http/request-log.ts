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

export function requestLog(write: (line: string) => void = (line) => console.log(line)): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = Date.now();
    // Cloudflare's ray id ties our line to its own logs; locally there is none.
    const id = c.req.header("cf-ray") ?? crypto.randomUUID();
    await next();
    // Set on the answer itself, whatever made it (a route, the page cache's front door, an error page);
    // copied first only if its headers cannot change (a response straight from fetch or a cache).
    try {
      c.res.headers.set("x-request-id", id);
    } catch {
      c.header("x-request-id", id);
    }
    const status = c.res.status;
    const hit = c.res.headers.get("x-cache") === "HIT" && status < 400 && !c.error;
    if (hit && Math.random() * HIT_LOG_SAMPLE >= 1) return;
    const route = matchedRoutes(c)[c.req.routeIndex]?.path ?? "";
    const entry: RequestLogEntry = {
      level: status >= 500 ? "error" : status >= 400 ? "warn" : "info",
      msg: "request",
      id,
      method: c.req.method,
      route: route === "/*" || route === "*" ? "(not found)" : route,
      status,
      cache: c.res.headers.get("x-cache"),
      ms: Date.now() - started,
    };
    if (hit) entry.sample = HIT_LOG_SAMPLE;
    const colo = (c.req.raw.cf as { colo?: unknown } | undefined)?.colo;
    if (typeof colo === "string") entry.colo = colo;
    if (c.error) entry.error = describeError(c.error);
    write(JSON.stringify(entry));
  };
}
