import { asc, eq } from "drizzle-orm";
import type { Section } from "../model/records";
import type { Database } from "./client";
import { sections } from "./schema";

export function listSections(db: Database): Promise<Section[]> {
  return db.select().from(sections).orderBy(asc(sections.position), asc(sections.id));
}

export async function getSectionBySlug(db: Database, slug: string): Promise<Section | null> {
  const [row] = await db.select().from(sections).where(eq(sections.slug, slug)).limit(1);
  return row ?? null;
}
