import { and, asc, eq, ne } from "drizzle-orm";
import { scope } from "../model/content-scopes";
import type { Section } from "../model/records";
import { auditEntry } from "./audit";
import type { Database } from "./client";
import { sectionSlugRedirects, sections, staticPages } from "./schema";
import { writeContent } from "./versions";

export function listSections(db: Database): Promise<Section[]> {
  return db.select().from(sections).orderBy(asc(sections.position), asc(sections.id));
}

export async function getSectionBySlug(db: Database, slug: string): Promise<Section | null> {
  const [row] = await db.select().from(sections).where(eq(sections.slug, slug)).limit(1);
  return row ?? null;
}

export async function getSection(db: Database, id: number): Promise<Section | null> {
  const [row] = await db.select().from(sections).where(eq(sections.id, id)).limit(1);
  return row ?? null;
}

/** The slug a section answers at now, if `oldSlug` is one it was renamed from. */
export async function renamedSectionSlug(db: Database, oldSlug: string): Promise<string | null> {
  const [row] = await db
    .select({ slug: sections.slug })
    .from(sectionSlugRedirects)
    .innerJoin(sections, eq(sections.id, sectionSlugRedirects.sectionId))
    .where(eq(sectionSlugRedirects.oldSlug, oldSlug))
    .limit(1);
  return row?.slug ?? null;
}

/**
 * Who else answers at /{slug}: another section, a static page, or another
 * section's former slug (kept for its 301s). A section may take back its own
 * former slug.
 */
export async function sectionSlugHolder(
  db: Database,
  slug: string,
  exceptSectionId: number | null,
): Promise<"section" | "page" | "old-slug" | null> {
  const other = exceptSectionId === null ? undefined : ne(sections.id, exceptSectionId);
  const otherOld = exceptSectionId === null ? undefined : ne(sectionSlugRedirects.sectionId, exceptSectionId);
  const [section, page, old] = await Promise.all([
    db
      .select({ id: sections.id })
      .from(sections)
      .where(and(eq(sections.slug, slug), other))
      .limit(1),
    db.select({ id: staticPages.id }).from(staticPages).where(eq(staticPages.slug, slug)).limit(1),
    db
      .select({ id: sectionSlugRedirects.sectionId })
      .from(sectionSlugRedirects)
      .where(and(eq(sectionSlugRedirects.oldSlug, slug), otherOld))
      .limit(1),
  ]);
  return section.length ? "section" : page.length ? "page" : old.length ? "old-slug" : null;
}

export interface SectionInput {
  name: string;
  slug: string;
  description: string;
  position: number;
  hidden: boolean;
}

// Sections are in the menus and on the home page of every page, so every
// change bumps "global"; the section's own scope (its page, and through it
// every article page of the section) and the feeds and sitemaps, whose links
// carry the section's slug, are named too.
export async function createSection(db: Database, input: SectionInput, userId: number): Promise<number> {
  const [inserted] = await writeContent(
    db,
    [
      db.insert(sections).values(input).returning({ id: sections.id }),
      auditEntry(db, { userId, action: "section.create", target: `/${input.slug}`, detail: input.name }),
    ],
    [scope.global, scope.home, scope.sitemaps],
  );
  return (inserted!.results[0] as { id: number }).id;
}

/**
 * Saves a section. A new slug keeps the old one as a redirect (every address
 * under it answers 301), and taking back a former slug drops its redirect.
 */
export async function updateSection(db: Database, before: Section, input: SectionInput, userId: number): Promise<void> {
  const renamed = before.slug !== input.slug;
  const changes = [
    before.name !== input.name ? `tên: ${before.name} -> ${input.name}` : "",
    renamed ? `đường dẫn: /${before.slug} -> /${input.slug}` : "",
    before.position !== input.position ? `thứ tự: ${before.position} -> ${input.position}` : "",
    before.hidden !== input.hidden ? (input.hidden ? "ẩn" : "hiện") : "",
    before.description !== input.description ? "mô tả" : "",
  ].filter(Boolean);
  await writeContent(
    db,
    [
      ...(renamed
        ? [
            db.delete(sectionSlugRedirects).where(eq(sectionSlugRedirects.oldSlug, input.slug)),
            db
              .insert(sectionSlugRedirects)
              .values({ oldSlug: before.slug, sectionId: before.id })
              .onConflictDoUpdate({ target: sectionSlugRedirects.oldSlug, set: { sectionId: before.id } }),
          ]
        : []),
      db.update(sections).set(input).where(eq(sections.id, before.id)),
      auditEntry(db, {
        userId,
        action: renamed ? "section.rename" : "section.save",
        target: `section:${before.id}`,
        detail: changes.join("; "),
      }),
    ],
    [scope.global, scope.home, scope.section(before.id), scope.feeds, scope.sitemaps],
  );
}

/** The order of sections, in one transaction. */
export async function reorderSections(db: Database, positions: Map<number, number>, userId: number): Promise<void> {
  await writeContent(
    db,
    [
      ...[...positions].map(([id, position]) => db.update(sections).set({ position }).where(eq(sections.id, id))),
      auditEntry(db, { userId, action: "section.reorder" }),
    ],
    [scope.global, scope.home],
  );
}

/** The former slugs that still answer 301 to a section. */
export async function listOldSlugs(db: Database, sectionId: number): Promise<string[]> {
  const rows = await db
    .select({ slug: sectionSlugRedirects.oldSlug })
    .from(sectionSlugRedirects)
    .where(eq(sectionSlugRedirects.sectionId, sectionId))
    .orderBy(asc(sectionSlugRedirects.createdAt));
  return rows.map((r) => r.slug);
}
