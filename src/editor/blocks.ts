// The stored block shapes (content/blocks.ts, and the new blocks of
// notes/contract.md), written out here rather than imported: content/blocks.ts
// carries zod, which the browser does not need. The server validates every
// save with parseBody; these types only guide the conversion.
import { safeHref } from "../content/href";

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
 * What an editor typed as a link, as the server will store it: a bare domain
 * ("baochinhphu.vn/x") gets https://, then content/href.ts decides; null when
 * refused.
 */
export function linkTarget(raw: string): string | null {
  const href = raw.trim();
  const bareDomain =
    !/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith("/") && /^[^/]+\.[a-z]{2,}(\/|$)/i.test(href);
  return safeHref(bareDomain ? `https://${href}` : href);
}
