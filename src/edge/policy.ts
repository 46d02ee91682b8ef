// What may be cached at the edge, and for how long.

/** Browsers re-check soon; the edge keeps pages long because keys are versioned. */
export const BROWSER_MAX_AGE = 60;
export const EDGE_FRESH_SECONDS = 600;
export const STALE_WHILE_REVALIDATE = 86_400;
export const STALE_IF_ERROR = 86_400;

export const PAGE_CACHE_CONTROL =
  `public, max-age=${BROWSER_MAX_AGE}, s-maxage=${EDGE_FRESH_SECONDS}, stale-while-revalidate=${STALE_WHILE_REVALIDATE}, stale-if-error=${STALE_IF_ERROR}`;
export const NO_STORE = "private, no-store";

/** The newsroom's session cookie: a request carrying it is an editor's and is never served from or stored in the cache. */
export const EDITOR_SESSION_COOKIE = "__Host-phien";

const TRACKING_PARAM = /^(utm_.*|fbclid|gclid|dclid|msclkid|zarsrc|_ga|mc_cid|mc_eid)$/i;

export function isCacheableRequest(req: Request): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const url = new URL(req.url);
  if (url.pathname === "/admin" || url.pathname.startsWith("/admin/")) return false;
  return !hasEditorSession(req);
}

export function hasEditorSession(req: Request): boolean {
  const cookie = req.headers.get("cookie");
  return !!cookie && cookie.split(";").some((part) => part.trim().startsWith(`${EDITOR_SESSION_COOKIE}=`));
}

/** The URL without tracking parameters, the rest sorted: links shared with utm_* or fbclid share one cache entry. */
export function canonicalCacheUrl(raw: string): URL {
  const url = new URL(raw);
  const kept = [...url.searchParams].filter(([k]) => !TRACKING_PARAM.test(k)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = new URLSearchParams(kept).toString();
  url.hash = "";
  return url;
}

/** A reader on `Save-Data: on` gets the light page. */
export function wantsSaveData(req: Request): boolean {
  return req.headers.get("save-data")?.toLowerCase() === "on";
}
