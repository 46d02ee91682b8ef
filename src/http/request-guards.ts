// Checks every request passes before any route reads it: addresses must be
// valid UTF-8, bodies have a size limit (FORM_LIMIT, or what the route
// declares with acceptsBodyUpTo), and forms must parse and hold real text. A
// refusal is a Vietnamese page (4xx) and nothing is read further, so nothing
// is stored.
import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { matchedRoutes } from "hono/route";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "../env";

const MB = 1024 * 1024;

/**
 * How a refusal is shown: a page that needs no database (the app picks the
 * newsroom's layout under /admin, the reader's elsewhere).
 */
export type RefusalPage = (
  c: Context<AppEnv>,
  status: ContentfulStatusCode,
  title: string,
  message: string,
  back?: { href: string; label: string },
) => Response;

/** How big a request body may be, and what the sender of a bigger one is told. */
export interface BodyLimit {
  bytes: number;
  message: string;
  back?: { href: string; label: string };
}

/** Every form without a limit of its own: a comment, a vote, a login, an article (a long one is well under 200 KB). */
export const FORM_LIMIT: BodyLimit = {
  bytes: 1 * MB,
  message: "Nội dung gửi lên quá lớn (tối đa 1 MB). Hãy rút gọn rồi gửi lại.",
};

const declaredLimits = new WeakMap<object, BodyLimit>();

/**
 * Declares, on the route itself, that it takes bodies up to `limit` instead
 * of FORM_LIMIT: `routes.post("/", acceptsBodyUpTo(LIMIT), handler)`. Only a
 * marker: requestGuards finds it among the routes the request matched and
 * applies it before any middleware (session, CSRF) reads the body.
 */
export function acceptsBodyUpTo(limit: BodyLimit): MiddlewareHandler {
  const declaration: MiddlewareHandler = (_c, next) => next();
  declaredLimits.set(declaration, limit);
  return declaration;
}

/** The limit a route handler declares, if it is such a declaration. */
export function declaredBodyLimit(handler: object): BodyLimit | undefined {
  return declaredLimits.get(handler);
}

/** The first declaration among the routes this request matched, in the order they run; else FORM_LIMIT. */
function limitFor(c: Context<AppEnv>): BodyLimit {
  for (const route of matchedRoutes(c)) {
    const declared = declaredLimits.get(route.handler);
    if (declared) return declared;
  }
  return FORM_LIMIT;
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });
const ESCAPES = /(?:%[0-9a-fA-F]{2})+/g;

/** Percent-escapes that do not decode to UTF-8 text (or hide a NUL). A lone "%" is left alone, as URLSearchParams does. */
function badEscapes(raw: string): boolean {
  if (!raw.includes("%")) return false;
  for (const [run] of raw.matchAll(ESCAPES)) {
    const bytes = Uint8Array.from(run.slice(1).split("%"), (hex) => parseInt(hex, 16));
    try {
      if (strictUtf8.decode(bytes).includes("\u0000")) return true;
    } catch {
      return true;
    }
  }
  return false;
}

/**
 * Tracking parameters are never read and are dropped from cache keys; a
 * campaign tool that writes them in another encoding must not break a shared link.
 */
const IGNORED_PARAM = /^(utm_[a-z_]*|fbclid|gclid|zarsrc)$/i;

function badAddress(url: URL): boolean {
  if (badEscapes(url.pathname)) return true;
  for (const pair of url.search.slice(1).split("&")) {
    const name = pair.split("=", 1)[0]!;
    if (!IGNORED_PARAM.test(name) && badEscapes(pair)) return true;
  }
  return false;
}

/** What a broken encoding becomes after parsing (U+FFFD), and NUL, which no form field needs. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding NUL is the point
const BAD_TEXT = /[\uFFFD\u0000]/;

async function refuseBadForm(c: Context<AppEnv>, refuse: RefusalPage): Promise<Response | null> {
  const type = (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "multipart/form-data" && type !== "application/x-www-form-urlencoded") return null;
  let body: Record<string, string | File | (string | File)[]>;
  try {
    // Parsed once here; routes reading the form later get the same parse.
    body = await c.req.parseBody({ all: true });
  } catch {
    return refuse(
      c,
      400,
      "Biểu mẫu không hợp lệ",
      "Biểu mẫu gửi lên bị hỏng hoặc không đầy đủ. Hãy tải lại trang rồi gửi lại.",
    );
  }
  for (const [name, value] of Object.entries(body)) {
    if (BAD_TEXT.test(name) || [value].flat().some((v) => typeof v === "string" && BAD_TEXT.test(v))) {
      return refuse(
        c,
        400,
        "Biểu mẫu không hợp lệ",
        "Nội dung gửi lên có ký tự lỗi (không phải văn bản Unicode hợp lệ). Hãy gõ hoặc dán lại rồi gửi.",
      );
    }
  }
  return null;
}

/** The guards, refusing with `refuse`. */
export const requestGuards =
  (refuse: RefusalPage): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const url = new URL(c.req.url);
    if (badAddress(url)) {
      return refuse(
        c,
        400,
        "Địa chỉ không hợp lệ",
        "Địa chỉ bạn mở có ký tự không hợp lệ. Hãy kiểm tra lại đường dẫn.",
      );
    }
    if (c.req.method === "GET" || c.req.method === "HEAD" || c.req.method === "OPTIONS") return next();
    const limit = limitFor(c);
    const limited = bodyLimit({
      maxSize: limit.bytes,
      onError: (c) => refuse(c, 413, "Dữ liệu gửi lên quá lớn", limit.message, limit.back),
    });
    // bodyLimit calls its next only for a body within the limit (counting the bytes if no length was sent).
    let withinLimit = false;
    const tooLarge = await limited(c, async () => {
      withinLimit = true;
    });
    if (!withinLimit) return tooLarge ?? refuse(c, 413, "Dữ liệu gửi lên quá lớn", limit.message, limit.back);
    return (await refuseBadForm(c, refuse)) ?? next();
  };
