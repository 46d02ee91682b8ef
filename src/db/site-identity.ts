// What every page's chrome reads: the stored settings (with the logo's image),
// the sections and the published static pages for the menus. Any change to
// these bumps the "global" scope: every cached page depends on it.
import { asc, eq, sql } from "drizzle-orm";
import { scope } from "../model/content-scopes";
import type { SiteSettings } from "../site/settings";
import { auditEntry } from "./audit";
import type { Database } from "./client";
import { type Reads, readOnce, template } from "./read-batch";
import { sections, siteSettings, staticPages } from "./schema";
import { writeContent } from "./versions";

export interface LogoImage {
  key: string;
  width: number;
  height: number;
  mime: string;
}

export interface IdentityRows {
  settingsJson: string | null;
  logo: LogoImage | null;
  sections: { id: number; slug: string; name: string; inHeader: boolean; inFooter: boolean }[];
  pages: { slug: string; title: string; inHeader: boolean; inFooter: boolean }[];
}

export function loadIdentityRows(db: Database): Promise<IdentityRows> {
  return readOnce(db, identityReads());
}

/** The three queries of the chrome, to send with a page's own (read-batch.ts). */
export function identityReads(): Reads<IdentityRows> {
  return identity({});
}

const identity = template(
  (db) =>
    [
      db
        .select({
          data: siteSettings.data,
          logo: sql<string | null>`(select json_object('key', r2_key, 'width', width, 'height', height, 'mime', mime)
        from images where id = json_extract(${siteSettings.data}, '$.logoImageId'))`,
        })
        .from(siteSettings)
        .where(eq(siteSettings.id, 1)),
      db
        .select({
          id: sections.id,
          slug: sections.slug,
          name: sections.name,
          inHeader: sections.inHeader,
          inFooter: sections.inFooter,
        })
        .from(sections)
        // Hidden sections are out of the menus and the home page; their addresses still answer.
        .where(eq(sections.hidden, false))
        .orderBy(asc(sections.position), asc(sections.id)),
      db
        .select({
          slug: staticPages.slug,
          title: staticPages.title,
          inHeader: staticPages.inHeader,
          inFooter: staticPages.inFooter,
        })
        .from(staticPages)
        .where(eq(staticPages.status, "published"))
        .orderBy(asc(staticPages.position), asc(staticPages.id)),
    ] as const,
  ([settingsRows, sectionRows, pageRows]) => {
    const row = settingsRows[0];
    return {
      settingsJson: row?.data ?? null,
      logo: row?.logo ? (JSON.parse(row.logo) as LogoImage) : null,
      sections: sectionRows,
      pages: pageRows,
    };
  },
);

/** The stored settings alone, for the settings form. */
export async function storedSettingsJson(db: Database): Promise<string | null> {
  const [row] = await db.select({ data: siteSettings.data }).from(siteSettings).where(eq(siteSettings.id, 1));
  return row?.data ?? null;
}

export async function saveSettings(db: Database, settings: SiteSettings, userId: number): Promise<void> {
  const data = JSON.stringify(settings);
  await writeContent(
    db,
    [
      db
        .insert(siteSettings)
        .values({ id: 1, data, updatedBy: userId })
        .onConflictDoUpdate({ target: siteSettings.id, set: { data, updatedBy: userId, updatedAt: new Date() } }),
      auditEntry(db, { userId, action: "settings.change" }),
    ],
    [scope.global],
  );
}

export interface MenuPlacement {
  position: number;
  inHeader: boolean;
  inFooter: boolean;
}

/** Order and visibility of sections and static pages in the menus, in one transaction. */
export async function saveMenus(
  db: Database,
  sectionPlaces: Map<number, MenuPlacement>,
  pagePlaces: Map<number, MenuPlacement>,
  userId: number,
): Promise<void> {
  await writeContent(
    db,
    [
      auditEntry(db, { userId, action: "menus.change" }),
      ...[...sectionPlaces].map(([id, p]) => db.update(sections).set(p).where(eq(sections.id, id))),
      ...[...pagePlaces].map(([id, p]) => db.update(staticPages).set(p).where(eq(staticPages.id, id))),
    ],
    [scope.global],
  );
}
