import { Hono } from "hono";
import { IMMUTABLE_CACHE_CONTROL } from "../edge/policy";
import type { AppEnv } from "../env";
import { isServiceWorkerFile, SERVICE_WORKER_ALLOWED, SERVICE_WORKER_CSP } from "../offline/service-worker-headers";

/**
 * Fingerprinted static files. In production the asset server answers them
 * before the Worker runs (public/_headers sets the same lifetime); this route
 * covers requests that reach the Worker anyway.
 */
export const assetRoutes = new Hono<AppEnv>();

assetRoutes.get("/*", async (c) => {
  const res = await c.env.ASSETS.fetch(c.req.raw);
  if (res.status !== 200)
    return new Response("Không tìm thấy tệp.", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  const headers = new Headers(res.headers);
  headers.set("cache-control", IMMUTABLE_CACHE_CONTROL);
  headers.set("x-content-type-options", "nosniff");
  if (isServiceWorkerFile(new URL(c.req.url).pathname)) {
    headers.set("service-worker-allowed", SERVICE_WORKER_ALLOWED);
    headers.set("content-security-policy", SERVICE_WORKER_CSP);
  }
  return new Response(res.body, { headers });
});
