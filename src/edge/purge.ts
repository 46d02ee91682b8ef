// Purging Workers Cache (production, EDGE_CACHE = "workers"). Writes bump
// content scopes in D1 (src/db/versions.ts); whoever ran the write hands the
// bumped scopes here once it has committed, and the pages tagged with them
// are purged everywhere. In "api" mode nothing is purged: the Cache API's keys
// carry the versions, so a bump already makes the next request miss.
import { describeError, log } from "../platform/log";
import { edgeCacheMode, scopeTag } from "./policy";

/** What ctx.cache offers (Workers Cache's purge API); a recorder stands in for it in tests. */
export interface CachePurger {
  purge(options: { tags: string[] }): Promise<{ success: boolean; errors?: { code: number; message: string }[] }>;
}

/**
 * Purges the pages tagged with these scopes. Never throws: a failed or
 * rate-limited purge is logged, and the page's own edge lifetime (at most its
 * shortest fragment's, src/edge/page-cache.ts) still bounds how long it shows.
 */
export async function purgeScopes(
  env: { EDGE_CACHE?: string },
  ctx: { cache?: CachePurger } | undefined,
  scopes: readonly string[],
): Promise<void> {
  if (!scopes.length || edgeCacheMode(env) !== "workers") return;
  const tags = [...new Set(scopes.map(scopeTag))];
  const purger = ctx?.cache;
  if (!purger) {
    // Workers Cache does not run locally (ctx.cache is undefined under wrangler dev).
    log("warn", "no Workers Cache to purge", { tags: tags.join(",") });
    return;
  }
  try {
    const result = await purger.purge({ tags });
    if (!result.success)
      log("error", "cache purge failed", { tags: tags.join(","), errors: JSON.stringify(result.errors ?? []) });
  } catch (err) {
    log("error", "cache purge failed", { tags: tags.join(","), error: describeError(err) });
  }
}
