import { eq } from "drizzle-orm";
import type { Author, Tag } from "../model/records";
import type { Database } from "./client";
import { authors, sections, tags } from "./schema";

export async function insertSection(
  db: Database,
  s: { slug: string; name: string; position: number; description?: string },
): Promise<number> {
  const [row] = await db.insert(sections).values(s).returning({ id: sections.id });
  if (!row) throw new Error("section insert returned no id");
  return row.id;
}

export async function insertAuthor(
  db: Database,
  a: { slug: string; name: string; byline: string; bio?: string },
): Promise<number> {
  const [row] = await db.insert(authors).values(a).returning({ id: authors.id });
  if (!row) throw new Error("author insert returned no id");
  return row.id;
}

export async function getAuthorBySlug(db: Database, slug: string): Promise<Author | null> {
  const [row] = await db.select().from(authors).where(eq(authors.slug, slug)).limit(1);
  return row ?? null;
}

export async function getTagBySlug(db: Database, slug: string): Promise<Tag | null> {
  const [row] = await db.select().from(tags).where(eq(tags.slug, slug)).limit(1);
  return row ?? null;
}
