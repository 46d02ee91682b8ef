// First path segments the app answers itself: a static page at /{slug} may not
// take one, or it would never be reached (or would shadow a real route). Read
// from the routes the app mounts, so a route added later is reserved with no
// line here.
import type { RouterRoute } from "hono/types";
import { createApp } from "../app";

/**
 * The literal first segment of every route ("/tac-gia/:slug" -> "tac-gia").
 * A file's name counts without its extension ("/rss.xml" -> "rss"): a page at
 * /rss beside the feed would pass for it. Routes that start with a parameter
 * or a wildcard are the sections' and pages' own space.
 */
function reservedPathsOf(routes: readonly RouterRoute[]): ReadonlySet<string> {
  const segments = new Set<string>();
  for (const { path } of routes) {
    const first = path.split("/")[1] ?? "";
    if (!first || first.startsWith(":") || first.includes("*")) continue;
    segments.add(first.replace(/\..*/, ""));
  }
  return segments;
}

let reserved: ReadonlySet<string> | undefined;

/** Whether /{segment} is one of the app's own addresses. */
export function isReservedPath(segment: string): boolean {
  // Read on first use, not at import: the app imports the newsroom, which imports this.
  reserved ??= reservedPathsOf(createApp().routes);
  return reserved.has(segment);
}
