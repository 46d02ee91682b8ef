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
  if (isNewsroomPath(new URL(req.url).pathname)) return false;
  return !hasEditorSession(req);
}

export function hasEditorSession(req: Request): boolean {
  const cookie = req.headers.get("cookie");
  return !!cookie && cookie.split(";").some((part) => part.trim().startsWith(`${EDITOR_SESSION_COOKIE}=`));
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
