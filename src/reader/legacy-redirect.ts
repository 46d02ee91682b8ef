// 301s from an imported site's old addresses ("/?p=12", "/2019/05/01/slug/",
// "/category/x/", "/wp-content/uploads/...") to where their content is now,
// from the legacy_redirects table (docs/import.md). Asked only for what would
// otherwise be a 404, and for the home page's WordPress queries.
import type { Context, MiddlewareHandler } from "hono";
import { legacyTargetPath } from "../db/legacy-redirects";
import type { AppEnv } from "../env";
import { legacyPathKey } from "../site/legacy-paths";

/** Browsers and the edge keep a redirect an hour; a rename shows within that. */
const REDIRECT_CACHE = "public, max-age=3600";

/** The 301 for an old address of this request, or null (also when D1 cannot answer: then it is a 404). */
export async function legacyRedirect(c: Context<AppEnv>): Promise<Response | null> {
  if (c.req.method !== "GET" && c.req.method !== "HEAD") return null;
  const url = new URL(c.req.url);
  const key = legacyPathKey(url.pathname + url.search);
  if (!key || key === "/") return null;
  const target = await legacyTargetPath(c.var.db, key).catch(() => null);
  if (!target || target === key) return null;
  c.header("cache-control", REDIRECT_CACHE);
  return c.redirect(target, 301);
}

/** WordPress's "/?p=12", "/?page_id=3", "/?attachment_id=9", "/?cat=4": the home page would answer them. */
export const legacyQueryRedirect: MiddlewareHandler<AppEnv> = async (c, next) => {
  const q = new URL(c.req.url).searchParams;
  if (q.has("p") || q.has("page_id") || q.has("attachment_id") || q.has("cat")) {
    const moved = await legacyRedirect(c);
    if (moved) return moved;
  }
  await next();
};
