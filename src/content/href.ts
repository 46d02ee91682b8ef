// The one rule for link targets in articles, shared by the server (every
// write, content/rich-text.ts) and the newsroom's editor in the browser
// (src/editor/blocks.ts), so both refuse the same links. No zod here: the
// editor's bundle imports this file.

export const HREF_MAX = 2000;

// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const UNSAFE_IN_HREF = /[\u0000-\u001f\u007f-\u009f\s\\\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/u;
const SITE_BASE = "https://site.invalid";

/**
 * The normalised form of a link target, or null when it is refused. Allowed:
 * absolute http: and https: URLs without credentials, and paths of this site
 * starting with a single "/". Anything with whitespace, control or invisible
 * characters or a backslash is refused before parsing, so no browser quirk
 * can turn it into another scheme or host.
 */
export function safeHref(raw: string): string | null {
  if (raw === "" || raw.length > HREF_MAX || UNSAFE_IN_HREF.test(raw)) return null;
  if (raw.startsWith("/")) {
    if (raw.startsWith("//")) return null;
    let url: URL;
    try {
      url = new URL(raw, SITE_BASE);
    } catch {
      return null;
    }
    if (url.origin !== SITE_BASE) return null;
    const path = url.pathname + url.search + url.hash;
    // "/.//evil" resolves to "//evil", which a browser reads as another host.
    return path.startsWith("//") ? null : path;
  }
  if (!/^https?:\/\/[^/]/i.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || url.username || url.password || !url.hostname)
    return null;
  return url.href;
}
