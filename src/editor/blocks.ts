// The stored block shapes (content/blocks.ts, and the new blocks of
// notes/contract.md), written out here rather than imported: content/blocks.ts
// carries zod, which the browser does not need. The server validates every
// save with parseBody; these types only guide the conversion.
export type Mark = { type: "bold" | "italic"; start: number; end: number } | LinkMark;
export type LinkMark = { type: "link"; start: number; end: number; href: string };
export interface Rich {
  text: string;
  marks?: Mark[];
}
export type Item = string | Rich;

export type Block =
  | ({ type: "paragraph" } & Rich)
  | { type: "subheading"; text: string }
  | ({ type: "quote" } & Rich & { cite?: string })
  | { type: "aside"; title?: string; items: Item[] }
  | { type: "list"; ordered: boolean; items: Item[] }
  | { type: "figure"; imageId: number; caption?: string; credit?: string }
  | { type: "table"; caption?: string; header: Item[]; rows: Item[][] }
  | { type: "related"; articleId: number }
  | { type: "video"; provider: "youtube" | "facebook"; videoId: string; title: string; imageId?: number };

/** Columns of a table (contract.md). */
export const TABLE_COLUMNS_MAX = 12;

/**
 * A link target the server will accept (content/rich-text.ts safeHref is the
 * authority): an http(s) URL without credentials, or a path of this site
 * starting with one "/". Returns the target to store, or null.
 */
export function linkTarget(raw: string): string | null {
  const href = raw.trim();
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  const unsafe = /[\u0000-\u001f\u007f-\u009f\s\\\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/u;
  if (!href || href.length > 2000 || unsafe.test(href)) return null;
  if (href.startsWith("/")) {
    if (href.startsWith("//")) return null;
    try {
      const url = new URL(href, "https://site.invalid");
      const path = url.pathname + url.search + url.hash;
      // "/.//evil" resolves to "//evil", which a browser reads as another host.
      return url.origin === "https://site.invalid" && !path.startsWith("//") ? path : null;
    } catch {
      return null;
    }
  }
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(href)
    ? href
    : /^[^/]+\.[a-z]{2,}(\/|$)/i.test(href)
      ? `https://${href}`
      : "";
  if (!/^https?:\/\/[^/]/i.test(withScheme)) return null;
  try {
    const url = new URL(withScheme);
    if ((url.protocol !== "http:" && url.protocol !== "https:") || url.username || url.password) return null;
    return url.href;
  } catch {
    return null;
  }
}
