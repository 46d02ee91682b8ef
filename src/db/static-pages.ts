import { and, asc, eq } from "drizzle-orm";
import type { BodyBlock } from "../content/blocks";
import { scope } from "../model/content-scopes";
import type { StaticPage } from "../model/records";
import type { StaticPageStatus } from "../model/statuses";
import { auditEntry } from "./audit";
import type { Database } from "./client";
import { sectionSlugRedirects, sections, staticPages } from "./schema";
import { writeContent } from "./versions";

export function listStaticPages(db: Database): Promise<StaticPage[]> {
  return db.select().from(staticPages).orderBy(asc(staticPages.position), asc(staticPages.id));
}

/** Published pages and when they last changed, for the sitemap. */
export function listPublishedStaticPages(db: Database): Promise<{ slug: string; updatedAt: Date }[]> {
  return db
    .select({ slug: staticPages.slug, updatedAt: staticPages.updatedAt })
    .from(staticPages)
    .where(eq(staticPages.status, "published"))
    .orderBy(asc(staticPages.position), asc(staticPages.id));
}

export async function getStaticPage(db: Database, id: number): Promise<StaticPage | null> {
  const [row] = await db.select().from(staticPages).where(eq(staticPages.id, id)).limit(1);
  return row ?? null;
}

export async function getPublishedStaticPage(db: Database, slug: string): Promise<StaticPage | null> {
  const [row] = await db
    .select()
    .from(staticPages)
    .where(and(eq(staticPages.slug, slug), eq(staticPages.status, "published")))
    .limit(1);
  return row ?? null;
}

/** True if a section (or a section's former slug, still redirecting) or another static page already answers at /{slug}. */
export async function slugTaken(db: Database, slug: string, exceptPageId: number | null): Promise<boolean> {
  const [section, page, oldSlug] = await Promise.all([
    db.select({ id: sections.id }).from(sections).where(eq(sections.slug, slug)).limit(1),
    db.select({ id: staticPages.id }).from(staticPages).where(eq(staticPages.slug, slug)).limit(1),
    db
      .select({ id: sectionSlugRedirects.sectionId })
      .from(sectionSlugRedirects)
      .where(eq(sectionSlugRedirects.oldSlug, slug))
      .limit(1),
  ]);
  return section.length > 0 || oldSlug.length > 0 || (page.length > 0 && page[0]!.id !== exceptPageId);
}

export interface StaticPageInput {
  slug: string;
  title: string;
  body: BodyBlock[];
  status: StaticPageStatus;
}

// Static pages are in the menus of every page, so a save bumps "global".
export async function createStaticPage(db: Database, input: StaticPageInput, userId: number | null): Promise<number> {
  const [row] = await writeContent(
    db,
    [
      db
        .insert(staticPages)
        .values({ ...input, body: JSON.stringify(input.body), updatedBy: userId })
        .returning({ id: staticPages.id }),
      auditEntry(db, { userId, action: "page.save", target: `/${input.slug}` }),
    ],
    [scope.global],
  );
  return (row!.results[0] as { id: number }).id;
}

export async function updateStaticPage(
  db: Database,
  id: number,
  input: StaticPageInput,
  userId: number,
): Promise<void> {
  await writeContent(
    db,
    [
      db
        .update(staticPages)
        .set({ ...input, body: JSON.stringify(input.body), updatedBy: userId, updatedAt: new Date() })
        .where(eq(staticPages.id, id)),
      auditEntry(db, { userId, action: "page.save", target: `/${input.slug}` }),
    ],
    [scope.global],
  );
}

export async function deleteStaticPage(db: Database, page: StaticPage, userId: number): Promise<void> {
  await writeContent(
    db,
    [
      db.delete(staticPages).where(eq(staticPages.id, page.id)),
      auditEntry(db, { userId, action: "page.delete", target: `/${page.slug}` }),
    ],
    [scope.global],
  );
}
