// The page cache's stored entries (src/edge/page-cache.ts): their names,
// the internal headers they carry, and how a rendered page is buffered,
// stored and spliced. No decisions about when: only how.
import { edgeCache } from "./cache";
import { fragmentNames, placeholderOf } from "./fragments";
import { shortHash } from "./hash";
import { EDGE_FRESH_SECONDS, STALE_WHILE_REVALIDATE } from "./policy";

/** When the raw page was rendered: a stitched copy carries its page's time. */
export const STORED_AT = "x-edge-stored-at";
/** Names of a raw page's fragments, in the order they appear. */
export const FRAGMENTS = "x-edge-fragments";
/** Where a stitched page's per-request fragments go: "name@byteOffset", comma-separated. */
export const SLOTS = "x-edge-slots";
/** On the URL's last known page: the versioned key it was rendered for (it is also that version's raw page). */
export const RAW_KEY = "x-edge-raw";

/** A 200 page: rendered and buffered (`text`), as the cache gave it back (`body`), or kept in memory (`bytes`). */
export interface Page {
  headers: Headers;
  text?: string;
  body?: ReadableStream | null;
  bytes?: Uint8Array<ArrayBuffer>;
}

/**
 * Cache API keys of a page: the name of its raw render for this version, and
 * the URL's last known page, which holds the raw render (one entry, one put
 * per MISS): it is the raw page of the version its RAW_KEY header names.
 */
export interface PageKeys {
  entry: string;
  raw: string;
  last: string;
}

export const fromCache = (res: Response): Page => ({ headers: new Headers(res.headers), body: res.body });
export const namesIn = (headers: Headers): string[] => (headers.get(FRAGMENTS) ?? "").split(",").filter(Boolean);
export const noMiss = (promise: Promise<Response | undefined>) => promise.catch(() => undefined);
export const utf8 = new TextEncoder();

/**
 * Per URL and variant, the raw page this isolate last saw and its fragments'
 * names, so a HIT reads the page's and its fragments' versions together and
 * goes straight to the stitched copy: one lookup.
 */
export const knownFragments = new Map<string, { raw: string; names: string[] }>();
export const KNOWN_MAX_ENTRIES = 2000;

export function rememberFragments(keys: PageKeys, names: string[]): string[] {
  if (knownFragments.size >= KNOWN_MAX_ENTRIES) knownFragments.clear();
  knownFragments.set(keys.entry, { raw: keys.raw, names });
  return names;
}

/** The URL's last known page if it is the raw page of this version, else undefined (its body let go). */
export function rawOf(stored: Response | undefined, keys: PageKeys): Response | undefined {
  if (!stored) return undefined;
  if (stored.headers.get(RAW_KEY) === keys.raw) return stored;
  stored.body?.cancel().catch(() => undefined);
  return undefined;
}

/** The stitched copy's key: the raw page's plus its fragments' keys. */
export function stitchedKey(keys: PageKeys, fragmentsId: string): string {
  return `${keys.raw}~${encodeURIComponent(fragmentsId)}`;
}

/** The stored bytes with each slot's placeholder replaced: no decoding of the page. */
export async function splice(
  body: Uint8Array<ArrayBuffer> | ReadableStream | null,
  slots: string,
  contents: Map<string, string>,
): Promise<Blob> {
  const bytes = body instanceof Uint8Array ? body : new Uint8Array(await new Response(body).arrayBuffer());
  const parts: BlobPart[] = [];
  let from = 0;
  for (const slot of slots.split(",").filter(Boolean)) {
    const at = slot.lastIndexOf("@");
    const name = slot.slice(0, at);
    const offset = Number(slot.slice(at + 1));
    parts.push(bytes.subarray(from, offset), contents.get(name) ?? "");
    from = offset + placeholderOf(name).length;
  }
  parts.push(bytes.subarray(from));
  return new Blob(parts);
}

/**
 * Stores a 200 as the URL's last known page, marked as the raw page of its
 * version (one put: the versioned raw page and the outage copy are the same
 * bytes). Any other answer (404 after an unpublish, a redirect) removes the
 * last known page, so an outage never brings back an article that was taken down.
 */
export async function storeRaw(keys: PageKeys, rendered: Page | Response): Promise<void> {
  const cache = edgeCache();
  if (!(rendered instanceof Response)) {
    if (!isStorable(rendered)) return;
    const headers = new Headers(rendered.headers);
    headers.set(RAW_KEY, keys.raw);
    await cache.put(keys.last, toEntry({ ...rendered, headers }));
  } else if (rendered.status !== 200 && rendered.status < 500) {
    await cache.delete(keys.last);
  }
}

export function isStorable(page: Page): boolean {
  return !page.headers.has("set-cookie");
}

export function toEntry(page: Page): Response {
  return new Response(page.text ?? page.body ?? null, { status: 200, headers: page.headers });
}

/** Pages, feeds, sitemaps, robots.txt and the web app manifest: text the edge may buffer and store. */
const CACHEABLE_TYPE = /^(text\/(html|plain|xml)|application\/([a-z+]*\+)?(xml|json))\b/;

/** Buffers a rendered 200 once: its strong ETag, fragment list and storage lifetime. Anything else passes through. */
export async function prepare(rendered: Response): Promise<(Page & { text: string }) | Response> {
  const type = rendered.headers.get("content-type") ?? "";
  if (rendered.status !== 200 || !CACHEABLE_TYPE.test(type)) return rendered;
  const text = await rendered.text();
  const headers = new Headers(rendered.headers);
  headers.set("etag", `"${await shortHash(text)}"`);
  // Only HTML has fragments; XML goes out byte for byte.
  headers.set(FRAGMENTS, type.startsWith("text/html") ? fragmentNames(text).join(",") : "");
  headers.set(STORED_AT, String(Date.now()));
  // For the Cache API only: keep the entry through the stale window.
  headers.set("cache-control", `public, max-age=${EDGE_FRESH_SECONDS + STALE_WHILE_REVALIDATE}`);
  return { text, headers };
}
