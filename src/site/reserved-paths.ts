// First path segments the app answers itself: a static page at /{slug} may not
// take one, or it would never be reached (or would shadow a real route). Read
// from the routes the app mounts (src/app.ts hands the set to every request as
// c.var.reservedPaths), so a route added later is reserved with no line here.
import type { RouterRoute } from "hono/types";

/**
 * The literal first segment of every route ("/tac-gia/:slug" -> "tac-gia").
 * A file's name counts without its extension ("/rss.xml" -> "rss"): a page at
 * /rss beside the feed would pass for it. Routes that start with a parameter
 * or a wildcard are the sections' and pages' own space.
 */
export function reservedPathsOf(routes: readonly RouterRoute[]): ReadonlySet<string> {
  const segments = new Set<string>();
  for (const { path } of routes) {
    const first = path.split("/")[1] ?? "";
    if (!first || first.startsWith(":") || first.includes("*")) continue;
    segments.add(first.replace(/\..*/, ""));
  }
  return segments;
}
