// One JSON line per request for Workers Logs: enough to find slow routes, cache
// misses and errors, and nothing about the person: no IP, no user agent, no
// cookies, no query string (search terms can be personal), no account.
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
  colo?: string;
  error?: string;
}

export function requestLog(write: (line: string) => void = (line) => console.log(line)): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = Date.now();
    // Cloudflare's ray id ties our line to its own logs; locally there is none.
    const id = c.req.header("cf-ray") ?? crypto.randomUUID();
    c.header("x-request-id", id);
    await next();
    const status = c.res.status;
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
    const colo = (c.req.raw.cf as { colo?: unknown } | undefined)?.colo;
    if (typeof colo === "string") entry.colo = colo;
    if (c.error) entry.error = describeError(c.error);
    write(JSON.stringify(entry));
  };
}
