import { and, asc, eq, ne, sql } from "drizzle-orm";
import { scope } from "../model/content-scopes";
import type { Author, Image } from "../model/records";
import { isPublished } from "./articles";
import { auditEntry } from "./audit";
import type { Database } from "./client";
import { articles, authors, images, sections } from "./schema";
import { writeContent } from "./versions";

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

/** Every author, for the newsroom, by name. */
export function listAllAuthors(db: Database): Promise<Author[]> {
  return db.select().from(authors).orderBy(asc(authors.name), asc(authors.id));
}

export async function getAuthor(db: Database, id: number): Promise<Author | null> {
  const [row] = await db.select().from(authors).where(eq(authors.id, id)).limit(1);
  return row ?? null;
}

/**
 * An author and their photo (if it is still in the library), for the reader's
 * author page: only once one of their articles is published. Before that
 * the author is unknown to readers, like a missing one (as a tag only drafts
 * use), so a newsroom's new hire or a planned byline does not show early.
 */
export async function getAuthorPage(
  db: Database,
  slug: string,
  now: Date,
): Promise<{ author: Author; photo: Image | null } | null> {
  // On the (author, status, published_at) index.
  const published = sql`exists (select 1 from ${articles} where ${articles.authorId} = ${authors.id} and ${isPublished(now)})`;
  const [row] = await db
    .select({ author: authors, photo: images })
    .from(authors)
    .leftJoin(images, eq(images.id, authors.photoImageId))
    .where(and(eq(authors.slug, slug), published))
    .limit(1);
  return row ? { author: row.author, photo: row.photo } : null;
}

export async function authorSlugTaken(db: Database, slug: string, exceptAuthorId: number | null): Promise<boolean> {
  const [row] = await db
    .select({ id: authors.id })
    .from(authors)
    .where(and(eq(authors.slug, slug), exceptAuthorId === null ? undefined : ne(authors.id, exceptAuthorId)))
    .limit(1);
  return row !== undefined;
}

export interface AuthorInput {
  name: string;
  byline: string;
  slug: string;
  bio: string;
  photoImageId: number | null;
}

// An author shows on their page and, through the "author:ID" scope every
// article page depends on, under each of their articles; feeds print the name.
export async function createAuthor(db: Database, input: AuthorInput, userId: number): Promise<number> {
  const [inserted] = await writeContent(
    db,
    [
      db.insert(authors).values(input).returning({ id: authors.id }),
      auditEntry(db, { userId, action: "author.create", target: `/tac-gia/${input.slug}`, detail: input.byline }),
    ],
    [],
  );
  return (inserted!.results[0] as { id: number }).id;
}

export async function updateAuthor(db: Database, before: Author, input: AuthorInput, userId: number): Promise<void> {
  const changes = (Object.keys(input) as (keyof AuthorInput)[]).filter((k) => before[k] !== input[k]);
  await writeContent(
    db,
    [
      db.update(authors).set(input).where(eq(authors.id, before.id)),
      auditEntry(db, { userId, action: "author.save", target: `author:${before.id}`, detail: changes.join(", ") }),
    ],
    [scope.author(before.id), scope.feeds],
  );
}
