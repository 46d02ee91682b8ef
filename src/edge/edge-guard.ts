// What Workers Cache (production, EDGE_CACHE = "workers") may keep, decided
// once for every response. It caches any GET it is not told otherwise about:
// a 200 without Cache-Control for two hours, a 404 for three minutes
// (developers.cloudflare.com/workers/cache/configuration/). Reader pages say
// what they want (src/edge/page-cache.ts); everything else is kept only when
// it says so itself, and never when it is personal.
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env";
import { EDGE_CACHE_CONTROL_HEADER, edgeCacheMode, isNewsroomPath, NO_STORE } from "./policy";

export function edgeCacheGuard(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (edgeCacheMode(c.env) !== "workers") return;
    const req = c.req.raw;
    const reading = req.method === "GET" || req.method === "HEAD";
    // A write's answer, the newsroom or a cookie: nobody else's. (An editor's view
    // of a reader page is the page cache's BYPASS, private already; their photos
    // and assets are everybody's.)
    const personal = !reading || isNewsroomPath(new URL(req.url).pathname) || c.res.headers.has("set-cookie");
    // Said nothing: not kept at the edge (browsers' behaviour unchanged).
    const silent = !c.res.headers.has("cache-control") && !c.res.headers.has(EDGE_CACHE_CONTROL_HEADER);
    if (!personal && !silent) return;
    // A copy with headers of its own (a response from fetch or the Cache API has immutable ones).
    const res = new Response(c.res.body, c.res);
    if (personal) {
      res.headers.set("cache-control", NO_STORE);
      res.headers.delete("cache-tag");
      res.headers.delete(EDGE_CACHE_CONTROL_HEADER);
    } else {
      res.headers.set(EDGE_CACHE_CONTROL_HEADER, "no-store");
    }
    // Hono copies the old response's headers onto a new one unless it is cleared first.
    c.res = undefined;
    c.res = res;
  };
}
