// What may be cached at the edge, and for how long.
import { parse as parseCookies } from "hono/utils/cookie";
import { formSecret } from "../community/signing";
import { hmacSha256Hex, safeEqual } from "../platform/crypto";

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

/** The newsroom's session cookie: a request carrying a valid one is an editor's and is never served from or stored in the cache. */
export const EDITOR_SESSION_COOKIE = "__Host-phien";

/**
 * The query parameters a page reads, each already in its one canonical form
 * (the route parses them and refuses malformed ones before the cache is
 * asked). A parameter left out, or undefined, is at its default and not in
 * the key. Everything else in the address (utm_*, fbclid, `?q=` on an
 * article, random cache-busters) is not part of the page, so it shares the
 * entry: nobody can fill the cache with junk variants.
 */
export type KeyParams = Readonly<Record<string, string | undefined>>;

/** The newsroom's addresses: /admin and everything under it (not /administrator). */
export function isNewsroomPath(pathname: string): boolean {
  return pathname === "/admin" || pathname.startsWith("/admin/");
}

/** A request's path, without its query (the request's URL is already normalised). */
export const pathOf = (rawUrl: string): string =>
  rawUrl.slice(rawUrl.indexOf("/", rawUrl.indexOf("//") + 2)).split("?", 1)[0]!;

export async function isCacheableRequest(req: Request, env: { FORM_SECRET?: string }): Promise<boolean> {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  if (isNewsroomPath(pathOf(req.url))) return false;
  return !(await hasEditorSession(req, env));
}

/**
 * Whether the request carries a session cookie this Worker signed and whose
 * session has not reached its absolute end: checked without D1, so a forged
 * `__Host-phien=anything` gets the readers' cached page instead of pushing
 * every request to D1. A signed cookie of a session ended since (signed out
 * elsewhere, reset) still bypasses until its end; only someone who signed in
 * once can do that, and the newsroom itself checks D1 on every request.
 */
export async function hasEditorSession(req: Request, env: { FORM_SECRET?: string }): Promise<boolean> {
  const cookie = req.headers.get("cookie");
  if (!cookie?.includes(`${EDITOR_SESSION_COOKIE}=`)) return false;
  // Read as the newsroom reads it (hono's getCookie): the same value for both.
  const value = parseCookies(cookie, EDITOR_SESSION_COOKIE)[EDITOR_SESSION_COOKIE];
  return value !== undefined && (await verifiedSessionToken(env, value)) !== null;
}

/** `{token}.{ends, s since the epoch}.{signature}`: what the session cookie holds. */
const SIGNED_SESSION = /^([0-9a-f]{64})\.([1-9][0-9]{0,11})\.([0-9a-f]{32})$/;

const sessionMac = (env: { FORM_SECRET?: string }, token: string, ends: string): Promise<string> =>
  hmacSha256Hex(formSecret(env), `${EDITOR_SESSION_COOKIE}:${token}.${ends}`, 16);

/**
 * The session cookie's value for a token: the token (D1 keeps only its
 * SHA-256), when the session ends at the latest, and an HMAC of both under
 * the Worker's FORM_SECRET, so the cache can tell a real editor's cookie
 * from a forged one without asking D1.
 */
export async function signSessionToken(env: { FORM_SECRET?: string }, token: string, endsAt: Date): Promise<string> {
  const ends = String(Math.ceil(endsAt.getTime() / 1000));
  return `${token}.${ends}.${await sessionMac(env, token, ends)}`;
}

/** The token in a session cookie's value if this Worker signed it and its end has not come; else null. */
export async function verifiedSessionToken(
  env: { FORM_SECRET?: string },
  value: string,
  now = Date.now(),
): Promise<string | null> {
  const m = SIGNED_SESSION.exec(value);
  if (!m || Number(m[2]) * 1000 <= now) return null;
  return safeEqual(await sessionMac(env, m[1]!, m[2]!), m[3]!) ? m[1]! : null;
}

/**
 * The page cache's name for a request's page: the variant, the path and the
 * parameters the page reads (`params`, canonical values from the route),
 * sorted ("full/kinh-te?truoc=12", "lite/..."). `/a.html?q=junk` and
 * `/kinh-te?page=1` name the same entries as `/a.html` and `/kinh-te`.
 */
export function cacheEntryName(rawUrl: string, lite: boolean, params: KeyParams = {}): string {
  const kept = Object.entries(params)
    .filter((p): p is [string, string] => p[1] !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = kept.length ? `?${new URLSearchParams(kept).toString()}` : "";
  return `${lite ? "lite" : "full"}${pathOf(rawUrl)}${query}`;
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
