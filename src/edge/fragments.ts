// Fragments: parts of a page with their own clock (latest news, weather,
// poll results, comments). A page renders an empty placeholder
// <div data-fragment="name"></div>; on the way out, each placeholder is filled
// from the fragment's own short-lived cache entry. Updating a fragment never
// throws away the cached pages that show it.
import type { Context } from "hono";
import type { AppEnv } from "../env";
import { edgeCache } from "./cache";
import { versionTtl } from "./policy";
import type { PageDeps } from "./scopes";
import { readVersion } from "./versions";

export interface FragmentDef {
  deps: PageDeps;
  /** Seconds a rendered fragment may be reused even if nothing bumped its scopes; 0 = render every time. */
  ttl: number;
  /**
   * Rendered per request and left out of the page's ETag (e.g. a form's
   * signed timestamp): a browser revalidating keeps its older copy.
   */
  volatile?: boolean;
  render(c: Context<AppEnv>): Promise<string>;
}

/** Finds the definition for a placeholder's name ("latest-news", "comments-12"). */
export type FragmentResolver = (name: string) => FragmentDef | undefined;

const PLACEHOLDER = /<div data-fragment="([a-z0-9-]+)"><\/div>/g;

/** Names of the fragments a rendered page asks for. */
export function fragmentNames(html: string): string[] {
  return [...new Set([...html.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

export async function loadFragment(c: Context<AppEnv>, name: string, def: FragmentDef): Promise<string> {
  if (def.ttl <= 0) return def.render(c);
  const version = await readVersion(c.var.db, def.deps, versionTtl(c.env));
  // The time bucket makes "at most ttl seconds old" exact, whatever the cache does.
  const bucket = Math.floor(Date.now() / (def.ttl * 1000));
  const key = new Request(`https://fragments.internal/${name}/${version}/${bucket}`);
  const cache = edgeCache();
  const cached = await cache.match(key);
  if (cached) return cached.text();
  const html = await def.render(c);
  const put = cache.put(key, new Response(html, { headers: { "cache-control": `public, max-age=${def.ttl}` } }));
  c.executionCtx.waitUntil(put.catch(() => undefined));
  return html;
}

/** Fills the page's placeholders as the body streams out. */
export function stitchFragments(body: ReadableStream | null, contents: Map<string, string>, headers: Headers, status: number): Response {
  const response = new Response(body, { status, headers });
  if (!contents.size) return response;
  return new HTMLRewriter()
    .on("div[data-fragment]", {
      element(el) {
        const html = contents.get(el.getAttribute("data-fragment") ?? "");
        if (html === undefined) return;
        el.replace(html, { html: true });
      },
    })
    .transform(response);
}
