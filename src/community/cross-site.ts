// Readers' forms (comments, votes) are answered only when posted from the
// paper's own pages. Browsers say where a form came from: Sec-Fetch-Site
// (every current browser) and Origin (on every POST). A browser that sends
// neither (an old one) is let through: the comment token still holds, and a
// vote is still one per client.

export interface PostSource {
  origin?: string | null;
  fetchSite?: string | null;
}

/**
 * True when the browser says the form was posted by another site: a
 * Sec-Fetch-Site other than "same-origin" (or "none", a reader's own action),
 * or an Origin other than the paper's own (including "null": a sandboxed
 * frame or a privacy-stripped origin cannot vouch for itself). A sibling host
 * ("same-site") is another site too: it is not this Worker's to trust.
 */
export function isCrossSite(from: PostSource, ownOrigin: string): boolean {
  const site = from.fetchSite?.trim().toLowerCase();
  if (site && site !== "same-origin" && site !== "none") return true;
  return !!from.origin && from.origin !== ownOrigin;
}

/**
 * True when the browser vouches that the form was posted by the paper's own
 * page: Sec-Fetch-Site "same-origin", or (a browser without it) our Origin.
 * Neither header says nothing either way: not vouched for.
 */
export function isSameOrigin(from: PostSource, ownOrigin: string): boolean {
  const site = from.fetchSite?.trim().toLowerCase();
  if (site) return site === "same-origin" && (!from.origin || from.origin === ownOrigin);
  return from.origin === ownOrigin;
}
