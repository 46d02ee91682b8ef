// Fragments: parts of a page with their own clock (latest news, weather,
// poll results, comments). A page renders an empty placeholder
// <div data-fragment="name"></div>; the edge fills it from the fragment's own
// short-lived cache entry. Updating a fragment never throws away the cached
// pages that show it: it changes the key of the stitched copy (page-cache.ts).
import type { Context } from "hono";
import type { AppEnv } from "../env";
import { describeError, log } from "../platform/log";
import { edgeCache } from "./cache";
import { STALE_IF_ERROR } from "./policy";

export interface FragmentDef<Deps> {
  /** What the fragment shows; its version is read like a page's. */
  deps: Deps;
  /**
   * Seconds a rendered fragment may be reused even if nothing bumped its
   * scopes. 0 = rendered for every request (e.g. a form's signed timestamp):
   * never stored, and left out of the page's ETag, so a browser revalidating
   * keeps its older copy.
   */
  ttl: number;
  render(c: Context<AppEnv>): Promise<string>;
}

/** Finds the definition for a placeholder's name ("latest-news", "comments-12"). */
export type FragmentResolver<Deps> = (name: string) => FragmentDef<Deps> | undefined;

const PLACEHOLDER = /<div data-fragment="([a-z0-9-]+)"><\/div>/g;

/** The empty element a view renders where a fragment goes (src/views/FragmentSlot.tsx). */
export const placeholderOf = (name: string): string => `<div data-fragment="${name}"></div>`;

/** Names of the fragments a rendered page asks for. */
export function fragmentNames(html: string): string[] {
  return [...new Set([...html.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/** The page with each placeholder found in `contents` replaced by its HTML; others stay. */
export function fillFragments(html: string, contents: ReadonlyMap<string, string>): string {
  if (!contents.size) return html;
  return html.replace(PLACEHOLDER, (placeholder, name: string) => contents.get(name) ?? placeholder);
}

/** Rendered for every request: never stored, not part of a stitched page or its ETag. */
export const isPerRequest = (def: FragmentDef<unknown>): boolean => def.ttl <= 0;

/** The clock's share of a fragment's key: a new bucket every `ttl` seconds. */
function bucketOf(def: FragmentDef<unknown>, now: number): number {
  return Math.floor(now / (def.ttl * 1000));
}

/** When the fragment's current time bucket ends (ms): its key changes then. */
export function fragmentBucketEnd(def: FragmentDef<unknown>, now = Date.now()): number {
  return (bucketOf(def, now) + 1) * def.ttl * 1000;
}

/**
 * What names one rendering of a stored fragment: its name, the version of its
 * dependencies and its time bucket. The same key always names the same HTML.
 */
export function fragmentKey(name: string, def: FragmentDef<unknown>, stamp: number, now = Date.now()): string {
  return `${name}.${stamp}.${bucketOf(def, now)}`;
}

/** On a fragment's stored copy: the key (fragmentKey) of the rendering it holds. */
const FRAGMENT_KEY = "x-fragment-key";

/**
 * Each fragment has one stored copy per data centre, its last rendering,
 * marked with its key: the current one when the key matches (version and
 * time bucket), else what an outage shows. One lookup, one put per render.
 */
const storedCopyOf = (name: string): string => `https://fragments.internal/${name}/last`;

/**
 * The stored copy's lookup, started before the fragment's version is known
 * (it needs none), for a fragment this isolate holds no rendering of.
 */
export function prefetchFragment(name: string, def: FragmentDef<unknown>): Promise<Response | undefined> | undefined {
  if (isPerRequest(def) || recentNames.has(name)) return undefined;
  return edgeCache()
    .match(storedCopyOf(name))
    .catch(() => undefined);
}

/**
 * A fragment's HTML. Never throws: if it cannot be rendered (D1 down), the
 * last copy rendered in this data centre is used, or nothing (the placeholder
 * stays empty) when there is none. `stamp` is the version of its
 * dependencies; "offline" skips D1 altogether (the version could not be read).
 * `early`: its stored copy's lookup, if prefetchFragment started one.
 */
export async function loadFragment<Deps>(
  c: Context<AppEnv>,
  name: string,
  def: FragmentDef<Deps>,
  stamp: number | "offline",
  early?: Promise<Response | undefined>,
): Promise<string> {
  // Per-request fragments (a form's timestamp) are never kept: render or leave out.
  const keepsLast = !isPerRequest(def);
  const lastKey = storedCopyOf(name);
  const cache = edgeCache();
  const stored = () => {
    const lookup = early ?? cache.match(lastKey).catch(() => undefined);
    early = undefined;
    return lookup;
  };
  try {
    if (!keepsLast) return await def.render(c);
    if (stamp === "offline") return await textOf(await stored());
    const now = Date.now();
    const id = fragmentKey(name, def, stamp, now);
    const known = readRecent(id);
    if (known !== undefined) {
      void early?.then((res) => res?.body?.cancel());
      return known;
    }
    // The time bucket in the key makes "at most ttl seconds old" exact, whatever the cache does.
    const until = fragmentBucketEnd(def, now);
    const cached = await stored();
    if (cached?.headers.get(FRAGMENT_KEY) === id) return rememberRecent(name, id, await cached.text(), until);
    await cached?.body?.cancel().catch(() => undefined);
    const html = rememberRecent(name, id, await def.render(c), until);
    const entry = new Response(html, {
      headers: { "cache-control": `public, max-age=${STALE_IF_ERROR}`, [FRAGMENT_KEY]: id },
    });
    c.executionCtx.waitUntil(cache.put(lastKey, entry).catch(() => undefined));
    return html;
  } catch (err) {
    log("error", "fragment failed", { fragment: name, error: describeError(err) });
    return keepsLast ? textOf(await stored().catch(() => undefined)) : "";
  }
}

/**
 * Fragments this isolate has read, by their versioned, time-bucketed key. A
 * key always names the same HTML (a change makes a new version, the clock a
 * new bucket), so a busy isolate can skip the Cache API round trip
 * (docs/caching.md, "Fragments").
 */
const recent = new Map<string, { html: string; until: number }>();
/** The names of the fragments in `recent`: those need no early lookup of their stored copy. */
const recentNames = new Set<string>();
const RECENT_MAX_ENTRIES = 500;

function readRecent(key: string): string | undefined {
  const entry = recent.get(key);
  if (!entry) return undefined;
  if (entry.until > Date.now()) return entry.html;
  recent.delete(key);
  return undefined;
}

function rememberRecent(name: string, key: string, html: string, until: number): string {
  // Old buckets and versions are never asked for again: dropping them all is simpler than an LRU.
  if (recent.size >= RECENT_MAX_ENTRIES) {
    recent.clear();
    recentNames.clear();
  }
  recent.set(key, { html, until });
  recentNames.add(name);
  return html;
}

const textOf = async (stored: Response | undefined): Promise<string> => (stored ? stored.text() : "");
