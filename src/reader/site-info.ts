import type { Context } from "hono";
import { mapReads, type Reads, readOnce } from "../db/read-batch";
import { type IdentityRows, identityReads, storedSettingsJson } from "../db/site-identity";
import type { AppEnv, Env } from "../env";
import type { MenuLink, SiteInfo } from "../model/site-info";
import { defaultSettings, LOGO_TYPES, mergeStored, type SiteSettings } from "../site/settings";
import { mediaPath, sectionPath } from "../site/urls";

/** The site's address without a trailing slash, from wrangler.toml: no database needed. */
export function siteUrl(env: Pick<Env, "SITE_URL">): string {
  return env.SITE_URL.replace(/\/+$/, "");
}

function siteInfo(env: Env, settings: SiteSettings, rows: IdentityRows | null): SiteInfo {
  const sections = rows?.sections ?? [];
  const pages = rows?.pages ?? [];
  const sectionLink = (s: IdentityRows["sections"][number]): MenuLink => ({
    href: sectionPath(s.slug),
    label: s.name,
    section: s.slug,
  });
  const pageLink = (p: IdentityRows["pages"][number]): MenuLink => ({ href: `/${p.slug}`, label: p.title });
  const logo = rows?.logo && LOGO_TYPES.has(rows.logo.mime) ? rows.logo : null;
  return {
    name: settings.name,
    shortName: settings.shortName,
    url: siteUrl(env),
    tagline: settings.tagline,
    sections: sections.map(({ id, slug, name }) => ({ id, slug, name })),
    brandColor: settings.brandColor,
    logo: logo ? { src: mediaPath(logo.key), width: logo.width, height: logo.height } : null,
    headerMenu: [
      ...sections.filter((s) => s.inHeader).map(sectionLink),
      ...pages.filter((p) => p.inHeader).map(pageLink),
    ],
    footerMenu: [
      ...sections.filter((s) => s.inFooter).map(sectionLink),
      ...pages.filter((p) => p.inFooter).map(pageLink),
    ],
    contact: { address: settings.address, phone: settings.phone, email: settings.email },
    legal: {
      licenceNumber: settings.licenceNumber,
      licenceIssuer: settings.licenceIssuer,
      editorInChief: settings.editorInChief,
      agency: settings.agency,
    },
  };
}

/** Site chrome without touching the database: for error pages when D1 is the problem. */
export function staticSiteInfo(env: Env): SiteInfo {
  return siteInfo(env, defaultSettings(env), null);
}

export function loadSiteInfo(c: Context<AppEnv>): Promise<SiteInfo> {
  return readOnce(c.var.db, siteInfoReads(c));
}

/** The chrome's queries, to send in the same round trip as the page's own (src/db/read-batch.ts). */
export function siteInfoReads(c: Context<AppEnv>): Reads<SiteInfo> {
  return mapReads(identityReads(), (rows) =>
    siteInfo(c.env, mergeStored(defaultSettings(c.env), rows.settingsJson), rows),
  );
}

/** The stored settings over their defaults, for the settings form. */
export async function loadSettings(c: Context<AppEnv>): Promise<SiteSettings> {
  return mergeStored(defaultSettings(c.env), await storedSettingsJson(c.var.db));
}
