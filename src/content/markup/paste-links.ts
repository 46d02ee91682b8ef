// Links in pasted text, cleaned of tracking before they reach an article:
// Google Docs wraps every link in "https://www.google.com/url?q=…&sa=D&…",
// mail and chat apps wrap them in their own redirectors, and campaign links
// carry utm_* and click ids. The address the writer meant is kept; anything
// ./rich-text would refuse is still refused (null).
import { safeHref } from "../rich-text";

/** Query parameters that only track who clicked where. */
const TRACKING =
  /^(?:utm_[a-z_]*|fbclid|gclid|gbraid|wbraid|dclid|msclkid|yclid|zarsrc|igshid|mc_cid|mc_eid|_hsenc|_hsmi|mkt_tok)$/i;

/** The target of a known redirector, or null when `url` is not one. */
function redirectTarget(url: URL): string | null {
  const host = url.hostname.toLowerCase();
  const param = (name: string) => url.searchParams.get(name);
  if (/^(?:www\.)?google\.[a-z.]{2,6}$/.test(host) && url.pathname === "/url") return param("q") ?? param("url");
  if (/^(?:l|lm|m)\.facebook\.com$/.test(host) && url.pathname === "/l.php") return param("u");
  if (/\.safelinks\.protection\.outlook\.com$/.test(host)) return param("url");
  return null;
}

/**
 * A pasted link's target with redirect wrappers removed (at most three deep)
 * and tracking parameters dropped, or null when the target is not a link an
 * article may hold (safeHref). A path of this site is returned as it is.
 */
export function cleanPastedHref(raw: string): string | null {
  let href = safeHref(raw.trim());
  for (let depth = 0; href !== null && !href.startsWith("/") && depth < 3; depth++) {
    const target = redirectTarget(new URL(href));
    if (target === null) break;
    href = safeHref(target.trim());
  }
  if (href === null || href.startsWith("/")) return href;
  const url = new URL(href);
  for (const name of [...url.searchParams.keys()]) {
    if (TRACKING.test(name)) url.searchParams.delete(name);
  }
  // URLSearchParams rewrites the whole query when one is deleted; leave an untouched one as written.
  return url.search === new URL(href).search ? href : url.href;
}
