// What may be cached at the edge, and for how long.

/** Browsers re-check soon; the edge keeps pages long because keys are versioned. */
export const BROWSER_MAX_AGE = 60;
export const EDGE_FRESH_SECONDS = 600;
export const STALE_WHILE_REVALIDATE = 86_400;
export const STALE_IF_ERROR = 86_400;

export const PAGE_CACHE_CONTROL = `public, max-age=${BROWSER_MAX_AGE}, s-maxage=${EDGE_FRESH_SECONDS}, stale-while-revalidate=${STALE_WHILE_REVALIDATE}, stale-if-error=${STALE_IF_ERROR}`;
export const NO_STORE = "private, no-store";
/**
 * A page served from its last stored copy because D1 failed (X-Cache:
 * STALE-ERROR): browsers keep it but ask again every time (a 304 while the
 * outage lasts), so the live page shows as soon as D1 answers again.
 */
export const STALE_ERROR_CACHE_CONTROL = "public, no-cache";

/** The newsroom's session cookie: a request carrying it is an editor's and is never served from or stored in the cache. */
export const EDITOR_SESSION_COOKIE = "__Host-phien";

/**
 * Query parameters reader pages read. Everything else (utm_*, fbclid, gclid,
 * zarsrc, random cache-busters) is left out of the key, so shared links hit
 * the same entry and nobody can fill the cache with junk variants.
 */
const KEY_PARAMS = new Set(["page", "q", "truoc"]);

/** The newsroom's addresses: /admin and everything under it (not /administrator). */
export function isNewsroomPath(pathname: string): boolean {
  return pathname === "/admin" || pathname.startsWith("/admin/");
}

export function isCacheableRequest(req: Request): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const path = req.url.slice(req.url.indexOf("/", req.url.indexOf("//") + 2));
  if (isNewsroomPath(path.split("?", 1)[0]!)) return false;
  return !hasEditorSession(req);
}

export function hasEditorSession(req: Request): boolean {
  const cookie = req.headers.get("cookie");
  return !!cookie && cookie.split(";").some((part) => part.trim().startsWith(`${EDITOR_SESSION_COOKIE}=`));
}

/**
 * The page cache's name for a request's page: path and the parameters pages
 * read, sorted, after the variant ("full/kinh-te?page=2", "lite/..."). An
 * address without a query needs no URL parsing (the request's URL is
 * already normalised).
 */
export function cacheEntryName(rawUrl: string, lite: boolean): string {
  if (!rawUrl.includes("?")) return exactEntryName(rawUrl, lite);
  const url = canonicalCacheUrl(rawUrl);
  return `${lite ? "lite" : "full"}${url.pathname}${url.search}`;
}

/**
 * A request's exact address after its variant, nothing dropped or sorted:
 * for remembering answers to the very same address (the front door), where
 * a parameter a route reads but the cache key drops (a WordPress `?p=`)
 * must never share an answer.
 */
export function exactEntryName(rawUrl: string, lite: boolean): string {
  return (lite ? "lite" : "full") + rawUrl.slice(rawUrl.indexOf("/", rawUrl.indexOf("//") + 2));
}

/** The URL with only the parameters pages read, sorted. */
export function canonicalCacheUrl(raw: string): URL {
  const url = new URL(raw);
  const kept = [...url.searchParams]
    .filter(([k]) => KEY_PARAMS.has(k))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = new URLSearchParams(kept).toString();
  url.hash = "";
  return url;
}

/** A reader on `Save-Data: on` gets the light page. */
export function wantsSaveData(req: Request): boolean {
  return req.headers.get("save-data")?.toLowerCase() === "on";
}

/** CACHE_VERSION_TTL_MS as a number of milliseconds, at most a minute. */
export function versionTtl(env: { CACHE_VERSION_TTL_MS?: string }): number {
  const ms = Number(env.CACHE_VERSION_TTL_MS ?? 0);
  return Number.isFinite(ms) && ms > 0 ? Math.min(ms, 60_000) : 0;
}

/** Fingerprinted files and photos: a URL never changes content, so browsers and the edge keep it a year. */
export const IMMUTABLE_CACHE_CONTROL = "public, max-age=31536000, immutable";
/** Answers that stand in for a moment (a refusal, a missing photo, a stand-in variant): re-checked soon. */
export const BRIEF_CACHE_CONTROL = "public, max-age=60";

/**
 * Which cache answers readers first. "api" (local development, tests, the
 * default): the Worker runs for every request and keeps pages in the Cache API.
 * "workers" (production, EDGE_CACHE in wrangler.toml): Workers Cache stores
 * whole pages in front of the Worker, tagged with their scopes and purged by tag
 * when a write bumps them; the Worker runs only on its MISS or revalidation,
 * and answers those from the same Cache API page store (docs/caching.md,
 * "Production: Workers Cache").
 */
export type EdgeCacheMode = "api" | "workers";

export function edgeCacheMode(env: { EDGE_CACHE?: string }): EdgeCacheMode {
  return env.EDGE_CACHE === "workers" ? "workers" : "api";
}

/**
 * The header Workers Cache reads before Cache-Control and strips before the
 * response leaves Cloudflare: the edge's lifetime, invisible to browsers.
 */
export const EDGE_CACHE_CONTROL_HEADER = "cloudflare-cdn-cache-control";

/**
 * What browsers get from a page in "workers" mode: as today, without
 * s-maxage (Workers Cache reads its lifetime from EDGE_CACHE_CONTROL_HEADER, and
 * no other shared cache should keep a page that only Workers Cache can purge).
 */
export const WORKERS_PAGE_CACHE_CONTROL = `public, max-age=${BROWSER_MAX_AGE}, stale-while-revalidate=${STALE_WHILE_REVALIDATE}, stale-if-error=${STALE_IF_ERROR}`;

/**
 * Workers Cache's lifetime for a page: fresh for `freshSeconds`, then served
 * stale while the Worker revalidates it in the background, or while it fails.
 * max-age, not s-maxage: Cloudflare documents that s-maxage (like
 * must-revalidate) turns stale-while-revalidate and stale-if-error off.
 */
export function edgePageCacheControl(freshSeconds: number): string {
  const fresh = Math.max(0, Math.min(EDGE_FRESH_SECONDS, Math.floor(freshSeconds)));
  return `max-age=${fresh}, stale-while-revalidate=${STALE_WHILE_REVALIDATE}, stale-if-error=${STALE_IF_ERROR}`;
}

/**
 * A content scope (src/model/content-scopes.ts) as a Cache-Tag value:
 * "article:12" -> "article-12". Tags must be printable ASCII without spaces or
 * commas and are matched case-insensitively; scopes are lower-case ASCII.
 */
export function scopeTag(scope: string): string {
  return scope.replaceAll(":", "-");
}
