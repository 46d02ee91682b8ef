// Fragments: parts of a page with their own clock (latest news, weather,
// poll results, comments). A page renders an empty placeholder
// <div data-fragment="name"></div>; on the way out, each placeholder is filled
// from the fragment's own short-lived cache entry. Updating a fragment never
// throws away the cached pages that show it.
import type { Context } from "hono";
import type { AppEnv } from "../env";
import { describeError, log } from "../platform/log";
import { edgeCache } from "./cache";
import { STALE_IF_ERROR } from "./policy";

export interface FragmentDef<Deps> {
  /** What the fragment shows; its version is read like a page's. */
  deps: Deps;
  /** Seconds a rendered fragment may be reused even if nothing bumped its scopes; 0 = render every time. */
  ttl: number;
  /**
   * Rendered per request and left out of the page's ETag (e.g. a form's
   * signed timestamp): a browser revalidating keeps its older copy.
   */
  volatile?: boolean;
  render(c: Context<AppEnv>): Promise<string>;
}

/** Finds the definition for a placeholder's name ("latest-news", "comments-12"). */
export type FragmentResolver<Deps> = (name: string) => FragmentDef<Deps> | undefined;

const PLACEHOLDER = /<div data-fragment="([a-z0-9-]+)"><\/div>/g;

/** Names of the fragments a rendered page asks for. */
export function fragmentNames(html: string): string[] {
  return [...new Set([...html.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/**
 * A fragment's HTML. Never throws: if its version cannot be read or it cannot
 * be rendered (D1 down), the last copy rendered in this data centre is used,
 * or nothing (the placeholder stays empty) when there is none. `offline` skips
 * D1 altogether: the page itself already came from its last stored copy.
 */
export async function loadFragment<Deps>(
  c: Context<AppEnv>,
  name: string,
  def: FragmentDef<Deps>,
  version: (c: Context<AppEnv>, deps: Deps) => Promise<number>,
  opts: { offline?: boolean } = {},
): Promise<string> {
  // Per-reader fragments (a form's timestamp) are never kept: render or leave out.
  const keepsLast = def.ttl > 0 && !def.volatile;
  const lastKey = new Request(`https://fragments.internal/${name}/last`);
  const cache = edgeCache();
  try {
    if (opts.offline && keepsLast) return await lastCopy(cache, lastKey);
    if (def.ttl <= 0) return await def.render(c);
    const stamp = await version(c, def.deps);
    // The time bucket makes "at most ttl seconds old" exact, whatever the cache does.
    const bucket = Math.floor(Date.now() / (def.ttl * 1000));
    const key = new Request(`https://fragments.internal/${name}/${stamp}/${bucket}`);
    const until = (bucket + 1) * def.ttl * 1000;
    const known = readRecent(key.url);
    if (known !== undefined) return known;
    const cached = await cache.match(key).catch(() => undefined);
    if (cached) return rememberRecent(key.url, await cached.text(), until);
    const html = rememberRecent(key.url, await def.render(c), until);
    const entry = (maxAge: number) => new Response(html, { headers: { "cache-control": `public, max-age=${maxAge}` } });
    c.executionCtx.waitUntil(
      Promise.all([cache.put(key, entry(def.ttl)), cache.put(lastKey, entry(STALE_IF_ERROR))]).catch(() => undefined),
    );
    return html;
  } catch (err) {
    log("error", "fragment failed", { fragment: name, error: describeError(err) });
    return keepsLast ? lastCopy(cache, lastKey) : "";
  }
}

/**
 * Fragments this isolate has read, by their versioned, time-bucketed key. A
 * key always names the same HTML (a change makes a new version, the clock a
 * new bucket), so a busy isolate can skip the Cache API round trip the page
 * would otherwise make for every fragment on every view (docs/performance.md,
 * "Benchmark"; docs/caching.md, "Fragments").
 */
const recent = new Map<string, { html: string; until: number }>();
const RECENT_MAX_ENTRIES = 500;

function readRecent(key: string): string | undefined {
  const entry = recent.get(key);
  if (!entry) return undefined;
  if (entry.until > Date.now()) return entry.html;
  recent.delete(key);
  return undefined;
}

function rememberRecent(key: string, html: string, until: number): string {
  // Old buckets and versions are never asked for again: dropping them all is simpler than an LRU.
  if (recent.size >= RECENT_MAX_ENTRIES) recent.clear();
  recent.set(key, { html, until });
  return html;
}

async function lastCopy(cache: Cache, lastKey: Request): Promise<string> {
  const last = await cache.match(lastKey).catch(() => undefined);
  return last ? last.text() : "";
}

/** Fills the page's placeholders as the body streams out. */
export function stitchFragments(
  body: ReadableStream | null,
  contents: Map<string, string>,
  headers: Headers,
  status: number,
): Response {
  const response = new Response(body, { status, headers });
  if (!contents.size) return response;
  return new HTMLRewriter()
    .on("div[data-fragment]", {
      element(el) {
        const html = contents.get(el.getAttribute("data-fragment") ?? "");
        if (html === undefined) return;
        el.replace(html, { html: true });
      },
    })
    .transform(response);
}
