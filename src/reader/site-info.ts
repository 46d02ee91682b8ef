import type { Context } from "hono";
import { listSections } from "../db/sections";
import type { AppEnv, Env } from "../env";
import type { SiteInfo } from "../views/site";

const DEFAULT_TAGLINE = "Tin tức Bạc Liêu và miền Tây";

/** Site chrome without touching the database: for error pages when D1 is the problem. */
export function staticSiteInfo(env: Env): SiteInfo {
  return { name: env.SITE_NAME, url: env.SITE_URL.replace(/\/+$/, ""), tagline: env.SITE_TAGLINE ?? DEFAULT_TAGLINE, sections: [] };
}

export async function loadSiteInfo(c: Context<AppEnv>): Promise<SiteInfo> {
  const sections = await listSections(c.var.db);
  return { ...staticSiteInfo(c.env), sections: sections.map(({ id, slug, name }) => ({ id, slug, name })) };
}
