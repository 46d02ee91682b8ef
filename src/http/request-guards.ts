// Checks every request passes before any route reads it: addresses must be
// valid UTF-8, bodies have a size limit, and forms must parse and hold real
// text. A refusal is a Vietnamese page (4xx) and nothing is read further, so
// nothing is stored.
import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "../env";
import { MAX_UPLOAD_BYTES } from "../media/sniff";
import { plainErrorPage } from "../reader/errors";

const MB = 1024 * 1024;

interface Limit {
  bytes: number;
  message: string;
  back?: { href: string; label: string };
}

/** Every form: a comment, a vote, a login, an article (a long article is well under 200 KB). */
export const FORM_LIMIT: Limit = {
  bytes: 1 * MB,
  message: "Nội dung gửi lên quá lớn (tối đa 1 MB). Hãy rút gọn rồi gửi lại.",
};
/** A photo upload: the file plus the form around it. */
export const UPLOAD_LIMIT: Limit = {
  bytes: MAX_UPLOAD_BYTES + 64 * 1024,
  message: "Ảnh vượt quá dung lượng cho phép (15 MB).",
  back: { href: "/admin/anh/tai-len", label: "Chọn ảnh khác" },
};
/** HTML pasted from a word processor is verbose; the editor's script falls back to plain text if refused. */
export const PASTE_LIMIT: Limit = { bytes: 2 * MB, message: "Đoạn văn bản dán vào quá lớn (tối đa 2 MB)." };

function limitFor(method: string, path: string): Limit {
  if (method === "POST" && path === "/admin/anh") return UPLOAD_LIMIT;
  if (method === "POST" && path === "/admin/bai-viet/chuyen-doi-html") return PASTE_LIMIT;
  return FORM_LIMIT;
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });
const ESCAPES = /(?:%[0-9a-fA-F]{2})+/g;

/** Percent-escapes that do not decode to UTF-8 text (or hide a NUL). A lone "%" is left alone, as URLSearchParams does. */
function badEscapes(raw: string): boolean {
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

async function refuseBadForm(c: Context<AppEnv>): Promise<Response | null> {
  const type = (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "multipart/form-data" && type !== "application/x-www-form-urlencoded") return null;
  let body: Record<string, string | File | (string | File)[]>;
  try {
    // Parsed once here; routes reading the form later get the same parse.
    body = await c.req.parseBody({ all: true });
  } catch {
    return plainErrorPage(
      c,
      400,
      "Biểu mẫu không hợp lệ",
      "Biểu mẫu gửi lên bị hỏng hoặc không đầy đủ. Hãy tải lại trang rồi gửi lại.",
    );
  }
  for (const [name, value] of Object.entries(body)) {
    if (BAD_TEXT.test(name) || [value].flat().some((v) => typeof v === "string" && BAD_TEXT.test(v))) {
      return plainErrorPage(
        c,
        400,
        "Biểu mẫu không hợp lệ",
        "Nội dung gửi lên có ký tự lỗi (không phải văn bản Unicode hợp lệ). Hãy gõ hoặc dán lại rồi gửi.",
      );
    }
  }
  return null;
}

export const requestGuards: MiddlewareHandler<AppEnv> = async (c, next) => {
  const url = new URL(c.req.url);
  if (badAddress(url)) {
    return plainErrorPage(
      c,
      400,
      "Địa chỉ không hợp lệ",
      "Địa chỉ bạn mở có ký tự không hợp lệ. Hãy kiểm tra lại đường dẫn.",
    );
  }
  if (c.req.method === "GET" || c.req.method === "HEAD" || c.req.method === "OPTIONS") return next();
  const limit = limitFor(c.req.method, url.pathname);
  const limited = bodyLimit({
    maxSize: limit.bytes,
    onError: (c) => plainErrorPage(c, 413, "Dữ liệu gửi lên quá lớn", limit.message, limit.back),
  });
  // bodyLimit calls its next only for a body within the limit (counting the bytes if no length was sent).
  let withinLimit = false;
  const tooLarge = await limited(c, async () => {
    withinLimit = true;
  });
  if (!withinLimit) return tooLarge ?? plainErrorPage(c, 413, "Dữ liệu gửi lên quá lớn", limit.message, limit.back);
  return (await refuseBadForm(c)) ?? next();
};
