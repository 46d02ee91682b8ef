import { Hono } from "hono";
import type { AppEnv } from "../env";
import { isSafeMediaKey, MEDIA_TYPES } from "../media/keys";

const YEAR = 31_536_000;

export const mediaRoutes = new Hono<AppEnv>();

function notFound(): Response {
  return new Response("Không tìm thấy ảnh.", {
    status: 404,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "public, max-age=60" },
  });
}

mediaRoutes.get("/:key{.+}", async (c) => {
  const key = c.req.param("key");
  if (!isSafeMediaKey(key)) return notFound();
  const object = await c.env.MEDIA.get(key, { onlyIf: c.req.raw.headers });
  if (!object) return notFound();

  const headers = new Headers();
  object.writeHttpMetadata(headers);
  const ext = key.slice(key.lastIndexOf(".") + 1);
  if (!headers.has("content-type")) headers.set("content-type", MEDIA_TYPES[ext] ?? "application/octet-stream");
  headers.set("etag", object.httpEtag);
  headers.set("cache-control", `public, max-age=${YEAR}, immutable`);
  headers.set("x-content-type-options", "nosniff");
  // SVG can carry script; keep it inert when opened directly.
  if (headers.get("content-type") === "image/svg+xml") headers.set("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'");

  // onlyIf answered a conditional request: the object has no body.
  if (!("body" in object)) return new Response(null, { status: 304, headers });
  headers.set("content-length", String(object.size));
  return new Response(object.body, { headers });
});
