// Every reader page goes through the edge's page cache, which is told here
// how to read a page's content version (src/db/versions.ts) and name its
// Cache-Tags: caching itself knows no page kinds and no SQL.
import type { Context } from "hono";
import { readVersion, readVersions, versionsGeneration } from "../db/versions";
import { createPageCache } from "../edge/page-cache";
import { versionTtl } from "../edge/policy";
import type { AppEnv } from "../env";
import type { PageDeps } from "../model/content-scopes";
import { readerFragments } from "./fragments";

/** Cache-Tag values for zone purges in production: the same names as the scopes. */
export function cacheTags(deps: PageDeps): string[] {
  switch (deps.kind) {
    case "home":
      return ["home"];
    case "article":
      return [`article-${deps.id}`];
    case "section":
      return [`section-${deps.slug}`];
    case "tag":
      return [`tag-${deps.slug}`];
    case "author":
      return [`author-${deps.slug}`];
    case "scopes":
      return deps.scopes.map((s) => s.replace(":", "-"));
  }
}

export const cachedPage = createPageCache<PageDeps>({
  version: (c: Context<AppEnv>, deps) => readVersion(c.var.db, deps, versionTtl(c.env)),
  versions: (c: Context<AppEnv>, list) => readVersions(c.var.db, list, versionTtl(c.env)),
  tags: cacheTags,
  memo: { ttlMs: (c) => versionTtl(c.env), generation: versionsGeneration },
  fragments: readerFragments,
});
