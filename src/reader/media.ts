import { type Context, Hono } from "hono";
import { BRIEF_CACHE_CONTROL, IMMUTABLE_CACHE_CONTROL } from "../edge/policy";
import { storedVariant, storeVariant } from "../edge/variant-cache";
import type { AppEnv } from "../env";
import { isSafeMediaKey, MEDIA_TYPES } from "../media/keys";
import { CARD_SIZE, isVariantWidth, negotiateFormat, VARIANT_WIDTHS, type VariantFormat } from "../media/variants";
import { describeError, log } from "../platform/log";
import { photoProblem, SVG_CSP } from "./photo-placeholder";

const VARIANT_QUALITY = 70;

interface VariantSize {
  width: number;
  height?: number;
  fit: "scale-down" | "cover";
}

export const mediaRoutes = new Hono<AppEnv>();

function textResponse(status: 400 | 404, message: string): Response {
  return new Response(message, {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": BRIEF_CACHE_CONTROL },
  });
}

mediaRoutes.get("/:key{.+}", async (c) => {
  const key = c.req.param("key");
  if (!isSafeMediaKey(key)) return textResponse(404, "Không tìm thấy ảnh.");
  const { w, h, f } = c.req.query();
  if (w === undefined && h === undefined && f === undefined) return original(c, key);
  if (w === String(CARD_SIZE.width) && h === String(CARD_SIZE.height) && f === undefined) {
    return variant(c, key, { width: CARD_SIZE.width, height: CARD_SIZE.height, fit: "cover" }, "image/jpeg");
  }
  const width = w !== undefined && /^[0-9]{1,4}$/.test(w) ? Number(w) : NaN;
  if (h !== undefined || !isVariantWidth(width))
    return textResponse(400, "Kích thước ảnh không được hỗ trợ. Chỉ có các cỡ 360, 720 và 1080.");
  // f=jpg: for feed readers and crawlers, which are promised a JPEG.
  if (f !== undefined && f !== "jpg") return textResponse(400, "Định dạng ảnh không được hỗ trợ.");
  return variant(
    c,
    key,
    { width, fit: "scale-down" },
    f === "jpg" ? "image/jpeg" : negotiateFormat(c.req.header("accept")),
  );
});

/** The R2 object, or the grey panel a missing or unreadable photo gets instead. */
async function readPhoto<T extends R2Object>(
  c: Context<AppEnv>,
  key: string,
  read: () => Promise<T | null>,
): Promise<T | Response> {
  try {
    return (await read()) ?? photoProblem("missing", c.req.header("accept"));
  } catch (err) {
    log("error", "R2 read failed", { key, error: describeError(err) });
    return photoProblem("unavailable", c.req.header("accept"));
  }
}

/** The uploaded original, straight from R2. */
async function original(c: Context<AppEnv>, key: string): Promise<Response> {
  const object = await readPhoto(c, key, () => c.env.MEDIA.get(key, { onlyIf: c.req.raw.headers }));
  if (object instanceof Response) return object;
  const headers = new Headers();
  object.writeHttpMetadata(headers);
  const ext = key.slice(key.lastIndexOf(".") + 1);
  if (!headers.has("content-type")) headers.set("content-type", MEDIA_TYPES[ext] ?? "application/octet-stream");
  headers.set("etag", object.httpEtag);
  headers.set("cache-control", IMMUTABLE_CACHE_CONTROL);
  headers.set("x-content-type-options", "nosniff");
  // SVG can carry script; keep it inert when opened directly.
  if (headers.get("content-type") === "image/svg+xml") headers.set("content-security-policy", SVG_CSP);
  // onlyIf answered a conditional request: the object has no body.
  if (!("body" in object)) return new Response(null, { status: 304, headers });
  headers.set("content-length", String(object.size));
  return new Response(object.body, { headers });
}

/**
 * A resized variant made by the Images binding from the R2 original, cached
 * at the edge (keys never change content, so no versioning is needed). If the
 * binding fails, the reader gets another stored width of the same photo, or
 * else the original (see storedStandIn).
 */
async function variant(c: Context<AppEnv>, key: string, size: VariantSize, format: VariantFormat): Promise<Response> {
  const { width, height } = size;
  const entry = variantName(key, size, format);
  let res = await storedVariant(entry);
  if (!res) {
    const object = await readPhoto(c, key, () => c.env.MEDIA.get(key));
    if (object instanceof Response) return object;
    try {
      const output = await c.env.IMAGES.input(object.body).transform(size).output({ format, quality: VARIANT_QUALITY });
      const bytes = await output.response().arrayBuffer();
      res = new Response(bytes, {
        headers: {
          "content-type": format,
          "cache-control": IMMUTABLE_CACHE_CONTROL,
          etag: `"${object.etag}-${width}${height ? `x${height}` : ""}-${format.slice(6)}"`,
        },
      });
      storeVariant(c, entry, res);
    } catch (err) {
      log("error", "image variant failed", { key, width, error: describeError(err) });
      const standIn = await storedStandIn(key, size, format);
      if (standIn) return standIn;
      const whole = await original(c, key);
      return whole.status === 200 ? asStandIn(whole, "original") : whole;
    }
  }
  const headers = new Headers(res.headers);
  headers.set("vary", "Accept");
  headers.set("x-content-type-options", "nosniff");
  const etag = headers.get("etag");
  if (etag && c.req.header("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(res.body, { headers });
}

function variantName(key: string, size: VariantSize, format: VariantFormat): string {
  return `${key}?w=${size.width}${size.height ? `&h=${size.height}` : ""}&f=${format}`;
}

/**
 * When the Images binding fails: the same photo at the nearest other width in
 * the same format, if one was made before. On a phone that is a fraction of
 * the original's bytes. A crop (share card) has no stand-in but the original.
 */
async function storedStandIn(key: string, size: VariantSize, format: VariantFormat): Promise<Response | null> {
  if (size.height || size.fit !== "scale-down") return null;
  const others = VARIANT_WIDTHS.filter((w) => w !== size.width).sort(
    (a, b) => Math.abs(a - size.width) - Math.abs(b - size.width) || b - a,
  );
  for (const width of others) {
    const stored = await storedVariant(variantName(key, { width, fit: "scale-down" }, format));
    if (stored) return asStandIn(stored, `w=${width}`);
  }
  return null;
}

/** Served under the variant's address for now only: a short lifetime and no ETag, so the real variant replaces it. */
function asStandIn(res: Response, what: string): Response {
  const headers = new Headers(res.headers);
  // A stand-in for a variant the Images binding could not make: kept briefly, never as the real thing.
  headers.set("cache-control", BRIEF_CACHE_CONTROL);
  headers.delete("etag");
  headers.set("vary", "Accept");
  headers.set("x-content-type-options", "nosniff");
  headers.set("x-image-fallback", what);
  return new Response(res.body, { status: res.status, headers });
}
