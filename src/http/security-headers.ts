// Security headers on every response the Worker sends: pages, errors, media,
// assets that reach the Worker, the newsroom, feeds. (Files the asset server
// answers before the Worker runs get theirs from public/_headers.)
import type { MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { VIDEO_FRAME_ORIGINS } from "../content/video";
import { isNewsroomPath } from "../edge/policy";
import type { AppEnv, Env } from "../env";
import { SCRIPT_LOADER_HASH } from "../site/script-loader";

const TURNSTILE = "https://challenges.cloudflare.com";
/** One year; no includeSubDomains: other hosts of the paper's domain are not ours to pin. */
export const HSTS = "max-age=31536000";

/**
 * No inline script but one: the loader of the pages' own scripts
 * (src/site/script-loader.ts), allowed by its hash, which loads only our own
 * files; inline style is
 * allowed because the stylesheet is inlined to save a round trip on phones.
 * Frames: the two video players a reader's tap on a video facade loads
 * (youtube-nocookie.com and facebook.com, nothing else of theirs), and
 * Turnstile's origin only when the widget is configured.
 */
export function contentSecurityPolicy(env: Pick<Env, "TURNSTILE_SITE_KEY">): string {
  const turnstile = !!env.TURNSTILE_SITE_KEY;
  return [
    "default-src 'self'",
    `script-src 'self' ${SCRIPT_LOADER_HASH}${turnstile ? ` ${TURNSTILE}` : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `frame-src ${[...VIDEO_FRAME_ORIGINS, ...(turnstile ? [TURNSTILE] : [])].join(" ")}`,
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}

/**
 * Production is recognised by its address: SITE_URL is https:// there, and
 * http://localhost in development and tests, where HSTS would pin a browser's
 * localhost to HTTPS for a year.
 */
export function isProduction(env: Pick<Env, "SITE_URL">): boolean {
  return /^https:\/\//i.test(env.SITE_URL ?? "");
}

const baseline = secureHeaders({
  contentSecurityPolicy: undefined,
  strictTransportSecurity: false,
  xFrameOptions: "DENY",
  referrerPolicy: "strict-origin-when-cross-origin",
  crossOriginEmbedderPolicy: false,
  // Set per response below: the newsroom only.
  crossOriginOpenerPolicy: false,
});

/** The policy is the same for every response of a deployment: built once per Turnstile setting. */
const policies = new Map<boolean, string>();
function policyFor(env: Pick<Env, "TURNSTILE_SITE_KEY">): string {
  const turnstile = !!env.TURNSTILE_SITE_KEY;
  let policy = policies.get(turnstile);
  if (!policy) {
    policy = contentSecurityPolicy(env);
    policies.set(turnstile, policy);
  }
  return policy;
}

export const securityHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  await baseline(c, next);
  const headers = c.res.headers;
  // A handler's own, stricter policy wins: /media sets one that keeps an SVG inert.
  if (!headers.has("content-security-policy")) headers.set("content-security-policy", policyFor(c.env));
  if (isProduction(c.env)) headers.set("strict-transport-security", HSTS);
  const pathname = c.req.path;
  // COOP on the newsroom only. On a reader page it cost more than it protects:
  // arriving from any page without the same policy (a search result, a social
  // app, a new tab) forces a browsing-context-group switch, a fresh renderer
  // process that starts cold: 300-400 ms more Total Blocking Time on the home
  // page in Lighthouse (docs/performance.md, "Audits"; docs/security.md). Reader pages are
  // public, the same for everyone and open no windows; the newsroom has
  // sessions and drafts, and keeps the isolation.
  if (isNewsroomPath(pathname)) headers.set("cross-origin-opener-policy", "same-origin");
  // Photos are meant to be shown elsewhere too: feed readers, aggregators and
  // share previews embed them from their own origin.
  if (pathname.startsWith("/media/")) headers.set("cross-origin-resource-policy", "cross-origin");
};
