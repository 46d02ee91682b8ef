// Every reader page goes through the edge's page cache, which is told here
// how to read a page's content version (src/db/versions.ts) and name its
// Cache-Tags: caching itself knows no page kinds and no SQL.
import type { Context } from "hono";
import { readScopedVersions, readVersion, versionsGeneration, versionsReadAt } from "../db/versions";
import { createPageCache } from "../edge/page-cache";
import { scopeTag, versionTtl } from "../edge/policy";
import type { AppEnv } from "../env";
import { type PageDeps, scope } from "../model/content-scopes";
import { fragmentName } from "../model/fragments";
import { readerFragments } from "./fragments";

/**
 * The scopes each version read of this request covered (by what it named),
 * so the response's Cache-Tags are exactly what a write bumps: read by the
 * same query as the version, never guessed.
 */
const scopesRead = new WeakMap<object, Map<string, string[]>>();

/** A page's scopes when its version could not be read (D1 down): what its deps name outright. */
function namedScopes(deps: PageDeps): string[] {
  switch (deps.kind) {
    case "home":
      return [scope.global, scope.home];
    case "article":
      return [scope.global, scope.article(deps.id)];
    case "scopes":
      return [scope.global, ...deps.scopes];
    default:
      return [scope.global];
  }
}

/**
 * Cache-Tag values: the scopes of the page and of the stable fragments in
 * it, as read with their versions ("article:12" -> "article-12"), so that
 * purging the tags of the scopes a write bumped (src/edge/purge.ts) purges
 * every page that showed what changed.
 */
export function cacheTags(c: Context<AppEnv>, deps: PageDeps, fragments: PageDeps[] = []): string[] {
  const read = scopesRead.get(c);
  const tags = new Set<string>();
  for (const d of [deps, ...fragments]) {
    for (const s of read?.get(JSON.stringify(d)) ?? namedScopes(d)) tags.add(scopeTag(s));
  }
  return [...tags];
}

export const cachedPage = createPageCache<PageDeps>({
  version: (c: Context<AppEnv>, deps) => readVersion(c.var.db, deps, versionTtl(c.env)),
  async versions(c: Context<AppEnv>, list) {
    const reads = await readScopedVersions(c.var.db, list, versionTtl(c.env));
    const known = scopesRead.get(c) ?? new Map<string, string[]>();
    scopesRead.set(c, known);
    list.forEach((deps, i) => {
      known.set(JSON.stringify(deps), reads[i]!.scopes);
    });
    return reads.map((r) => r.version);
  },
  tags: cacheTags,
  memo: { ttlMs: (c) => versionTtl(c.env), generation: versionsGeneration, readAt: (list) => versionsReadAt(list) },
  fragments: readerFragments,
  // An article page's comments (src/views/ArticlePage.tsx); the other fragments are the same on every page
  // (its own poll box, when a poll is attached, depends only on the polls' shared scope).
  expected: (deps) => (deps.kind === "article" ? [fragmentName({ kind: "comments", id: deps.id })] : []),
});
