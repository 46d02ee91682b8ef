// 301s from an imported site's old addresses ("/?p=12", "/2019/05/01/slug/",
// "/category/x/", "/wp-content/uploads/...") to where their content is now,
// from the legacy_redirects table (docs/import.md). Asked only for what would
// otherwise be a 404, and for the home page's WordPress queries.
import type { Context, MiddlewareHandler } from "hono";
import { legacyTargetPath } from "../db/legacy-redirects";
import type { AppEnv } from "../env";
import { legacyPathKey } from "../site/legacy-paths";

/**
 * Browsers and the edge keep a redirect an hour. Not stored in the versioned
 * page cache: finding the target is one indexed D1 read, as reading a page's
 * version would be, and a kept 301 leads to the old target's address, which
 * itself redirects to the current one (docs/import.md, "Old addresses").
 */
const REDIRECT_CACHE = "public, max-age=3600";

/** The WordPress queries that name one piece of content ("/?p=12", "/?cat=4", "/?author=2"). */
const CONTENT_QUERIES = ["p", "page_id", "attachment_id", "cat", "tag", "author"];

type Lookup = { target: string | null } | { failed: true };

/** One lookup per request: the 404 handler asks again after the home page's query check. */
const lookups = new WeakMap<Request, Promise<Lookup>>();

function lookup(c: Context<AppEnv>): Promise<Lookup> {
  let found = lookups.get(c.req.raw);
  if (!found) {
    const url = new URL(c.req.url);
    const key = legacyPathKey(url.pathname + url.search);
    found =
      !key || key === "/"
        ? Promise.resolve({ target: null })
        : legacyTargetPath(c.var.db, key).then(
            (target) => ({ target: target === key ? null : target }),
            () => ({ failed: true as const }),
          );
    lookups.set(c.req.raw, found);
  }
  return found;
}

function redirectTo(c: Context<AppEnv>, target: string): Response {
  c.header("cache-control", REDIRECT_CACHE);
  return c.redirect(target, 301);
}

/** The 301 for an old address of this request, or null (also when D1 cannot answer: then it is a 404). */
export async function legacyRedirect(c: Context<AppEnv>): Promise<Response | null> {
  if (c.req.method !== "GET" && c.req.method !== "HEAD") return null;
  const found = await lookup(c);
  return "target" in found && found.target ? redirectTo(c, found.target) : null;
}

/**
 * WordPress's "/?p=12", "/?page_id=3", "/?attachment_id=9", "/?cat=4",
 * "/?tag=x", "/?author=2": the home page would answer them. One that names
 * nothing imported (or a draft) is our 404, not the home page: the old link
 * is dead. When D1 cannot answer, the home page answers as it would.
 */
export const legacyQueryRedirect: MiddlewareHandler<AppEnv> = async (c, next) => {
  const url = new URL(c.req.url);
  const names =
    CONTENT_QUERIES.some((k) => url.searchParams.has(k)) && legacyPathKey(url.pathname + url.search) !== "/";
  if ((c.req.method === "GET" || c.req.method === "HEAD") && names) {
    const found = await lookup(c);
    if ("target" in found) return found.target ? redirectTo(c, found.target) : c.notFound();
  }
  await next();
};
