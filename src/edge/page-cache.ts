// Reader pages through the Workers Cache API. Only this folder knows how.
//   key = canonical URL (tracking parameters dropped) + content version + variant
//   HIT   stored and fresh            -> served, fragments stitched in
//   STALE stored, past EDGE_FRESH     -> served, re-rendered in the background
//   MISS  nothing stored for this key -> rendered, stored, served
//   STALE-ERROR  the version could not be read or the render failed (D1 down)
//               -> the last page stored for this URL and variant, whatever its
//                  version, with fragments from their own last entries
import type { Context } from "hono";
import type { AppEnv } from "../env";
import { describeError, log } from "../platform/log";
import { edgeCache } from "./cache";
import { type FragmentDef, type FragmentResolver, fragmentNames, loadFragment, stitchFragments } from "./fragments";
import { shortHash } from "./hash";
import {
  canonicalCacheUrl,
  EDGE_FRESH_SECONDS,
  isCacheableRequest,
  NO_STORE,
  PAGE_CACHE_CONTROL,
  STALE_ERROR_CACHE_CONTROL,
  STALE_WHILE_REVALIDATE,
  wantsSaveData,
} from "./policy";

export interface PageVariant {
  /** Light page: no inline photos (Save-Data: on, or the /lite address). */
  lite: boolean;
}

export type PageRenderer = (variant: PageVariant) => Promise<Response>;
type CacheStatus = "HIT" | "MISS" | "STALE" | "BYPASS" | "STALE-ERROR";

const STORED_AT = "x-edge-stored-at";
const FRAGMENTS = "x-edge-fragments";

/**
 * What the cache needs to know about the content, handed in by the routes'
 * side so that caching knows no page kinds and holds no SQL. `Deps` is
 * whatever names what a page shows (src/model/content-scopes.ts).
 */
export interface PageCacheSetup<Deps> {
  /** The content version of what `deps` names: a new version is a new key. */
  version(c: Context<AppEnv>, deps: Deps): Promise<number>;
  /** Cache-Tag values for zone purges in production. */
  tags(deps: Deps): string[];
  /** The fragments pages may ask for, by their placeholder's name. */
  fragments: FragmentResolver<Deps>;
}

export function createPageCache<Deps>(setup: PageCacheSetup<Deps>) {
  return async function cachedPage(c: Context<AppEnv>, deps: Deps, render: PageRenderer): Promise<Response> {
    const req = c.req.raw;
    const variant: PageVariant = { lite: c.var.lite || wantsSaveData(req) };
    if (!isCacheableRequest(req)) {
      return finish(c, await prepare(await render(variant)), "BYPASS", deps, setup);
    }
    const url = canonicalCacheUrl(req.url);
    const entry = `${variant.lite ? "lite" : "full"}${url.pathname}${url.search}`;
    const lastKey = lastKnownKey(entry);
    const cache = edgeCache();
    let fresh: Response | null = null;
    let failure: { error: unknown } | null = null;
    try {
      const version = await setup.version(c, deps);
      const deployment = c.env.CF_VERSION_METADATA?.id ?? "local";
      const key = new Request(`https://pages.internal/${deployment}/${version}/${entry}`);
      // A failing Cache API is a miss, not an error.
      const stored = await cache.match(key).catch(() => undefined);
      if (stored) {
        const age = (Date.now() - Number(stored.headers.get(STORED_AT))) / 1000;
        if (age <= EDGE_FRESH_SECONDS) return finish(c, stored, "HIT", deps, setup);
        c.executionCtx.waitUntil(renderAndStore(key, lastKey, render, variant).catch(() => undefined));
        return finish(c, stored, "STALE", deps, setup);
      }
      fresh = await prepare(await render(variant));
      if (fresh.status < 500) c.executionCtx.waitUntil(store(key, lastKey, fresh).catch(() => undefined));
    } catch (error) {
      failure = { error };
    }
    if (failure || !fresh || fresh.status >= 500) {
      // stale-if-error: the version could not be read or the page not rendered
      // (D1 down); the reader gets the last page stored for this URL instead.
      const last = await cache.match(lastKey).catch(() => undefined);
      if (last) {
        log("error", "served the last stored page", {
          path: url.pathname,
          error: failure ? describeError(failure.error) : String(fresh?.status),
        });
        return finish(c, last, "STALE-ERROR", deps, setup);
      }
      if (failure) throw failure.error;
    }
    return finish(c, fresh!, "MISS", deps, setup);
  };
}

/**
 * The "last known" entry of a URL and variant: the newest page stored for it,
 * whatever its version or deployment, so finding it needs no D1 read. Only
 * served when the version cannot be read or the page cannot be rendered.
 */
function lastKnownKey(entry: string): Request {
  return new Request(`https://pages.internal/last/${entry}`);
}

async function renderAndStore(
  key: Request,
  lastKey: Request,
  render: PageRenderer,
  variant: PageVariant,
): Promise<void> {
  await store(key, lastKey, await prepare(await render(variant)));
}

/**
 * Stores a 200 under its versioned key and as the URL's last known page.
 * Any other answer (404 after an unpublish, a redirect) removes the last known
 * page, so an outage never brings back an article that was taken down.
 */
async function store(key: Request, lastKey: Request, fresh: Response): Promise<void> {
  const cache = edgeCache();
  if (isStorable(fresh)) {
    // Cloned before the first await, while the body is still unread (the caller streams it out).
    const [a, b] = [fresh.clone(), fresh.clone()];
    await Promise.all([cache.put(key, a), cache.put(lastKey, b)]);
  } else if (fresh.status !== 200 && fresh.status < 500) {
    await cache.delete(lastKey);
  }
}

function isStorable(res: Response): boolean {
  return res.status === 200 && !res.headers.has("set-cookie");
}

/** Pages, feeds, sitemaps, robots.txt and the web app manifest: text the edge may buffer and store. */
const CACHEABLE_TYPE = /^(text\/(html|plain|xml)|application\/([a-z+]*\+)?(xml|json))\b/;

/** Buffers a rendered page once: its strong ETag, fragment list and storage lifetime. */
async function prepare(rendered: Response): Promise<Response> {
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
  return new Response(text, { status: 200, headers });
}

async function finish<Deps>(
  c: Context<AppEnv>,
  page: Response,
  status: CacheStatus,
  deps: Deps,
  setup: PageCacheSetup<Deps>,
): Promise<Response> {
  const headers = new Headers(page.headers);
  const defs = new Map<string, FragmentDef<Deps>>();
  for (const name of (headers.get(FRAGMENTS) ?? "").split(",")) {
    const def = name ? setup.fragments(name) : undefined;
    if (def) defs.set(name, def);
  }
  headers.delete(FRAGMENTS);
  headers.delete(STORED_AT);
  headers.set("x-cache", status);
  if (page.status !== 200) {
    headers.set("cache-control", status === "BYPASS" || page.status >= 500 ? NO_STORE : "public, max-age=60");
    return new Response(page.body, { status: page.status, headers });
  }

  // With D1 down, fragments come from their own last entries without asking it again.
  const offline = status === "STALE-ERROR";
  const contents = new Map<string, string>();
  await Promise.all(
    [...defs].map(async ([name, def]) =>
      contents.set(name, await loadFragment(c, name, def, setup.version, { offline })),
    ),
  );
  const pageTag = headers.get("etag") ?? "";
  const stable = [...defs].filter(([, def]) => !def.volatile).map(([name]) => contents.get(name)!);
  const etag = stable.length ? `"${await shortHash(pageTag, ...stable)}"` : pageTag;
  headers.set("etag", etag);
  headers.set("vary", "Save-Data");
  if (status === "BYPASS") {
    headers.set("cache-control", NO_STORE);
  } else if (offline) {
    // Browsers revalidate every time, so readers see the live page as soon as D1 is back.
    headers.set("cache-control", STALE_ERROR_CACHE_CONTROL);
    headers.set("cache-tag", ["page", ...setup.tags(deps)].join(","));
  } else {
    headers.set("cache-control", PAGE_CACHE_CONTROL);
    headers.set("cache-tag", ["page", ...setup.tags(deps)].join(","));
  }
  if (
    etag &&
    c.req
      .header("if-none-match")
      ?.split(",")
      .some((t) => t.trim() === etag)
  ) {
    return new Response(null, { status: 304, headers });
  }
  return stitchFragments(page.body, contents, headers, 200);
}
