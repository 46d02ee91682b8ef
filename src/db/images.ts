import { and, desc, eq, gte, inArray, lt, type SQL, sql } from "drizzle-orm";
import { scope } from "../model/content-scopes";
import type { Image } from "../model/records";
import { nfc } from "../vi/normalize";
import type { Database } from "./client";
import { articlesUsingImage } from "./newsroom-articles";
import { authors, images, siteSettings, staticPages } from "./schema";
import { type Touched, writeContent } from "./versions";

export interface ImageInput {
  r2Key: string;
  width: number;
  height: number;
  mime: string;
  bytes: number;
  alt: string;
  caption?: string;
  credit?: string;
  uploadedBy?: number | null;
}

export async function insertImage(db: Database, input: ImageInput): Promise<number> {
  const [row] = await db
    .insert(images)
    .values({
      ...input,
      alt: nfc(input.alt).trim(),
      caption: nfc(input.caption ?? "").trim(),
      credit: nfc(input.credit ?? "").trim(),
    })
    .returning({ id: images.id });
  if (!row) throw new Error("image insert returned no id");
  return row.id;
}

export function listRecentImages(db: Database, limit: number): Promise<Image[]> {
  return db.select().from(images).orderBy(desc(images.createdAt), desc(images.id)).limit(limit);
}

export function getImagesByIds(db: Database, ids: number[]): Promise<Image[]> {
  return ids.length ? db.select().from(images).where(inArray(images.id, ids)) : Promise.resolve([]);
}

export async function getImageById(db: Database, id: number): Promise<Image | null> {
  const [row] = await db.select().from(images).where(eq(images.id, id)).limit(1);
  return row ?? null;
}

/**
 * The library, newest first, optionally only photos whose caption or alt text
 * contains `q` (ASCII letters in any case, like LIKE). instr, not LIKE: D1
 * refuses LIKE patterns over 50 bytes, which a pasted caption easily is.
 */
export async function searchImages(
  db: Database,
  q: string | undefined,
  limit: number,
  offset: number,
): Promise<{ rows: Image[]; total: number }> {
  const where = q
    ? sql`(instr(lower(${images.caption}), lower(${q})) > 0 or instr(lower(${images.alt}), lower(${q})) > 0)`
    : undefined;
  const [rows, [total]] = await Promise.all([
    db.select().from(images).where(where).orderBy(desc(images.createdAt), desc(images.id)).limit(limit).offset(offset),
    db.select({ n: sql<number>`count(*)` }).from(images).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/**
 * SQLite's lower() folds ASCII only, so "đê biển" would miss "Đê biển": the
 * words are also tried lower-cased, capitalised and in title case, which
 * covers how Vietnamese captions and names are written.
 */
function caseVariants(q: string): string[] {
  const lower = q.toLowerCase();
  const title = lower.replace(/(^|\s)(\S)/gu, (_m, space: string, ch: string) => space + ch.toUpperCase());
  const first = lower.charAt(0).toUpperCase() + lower.slice(1);
  return [...new Set([q, lower, title, first])];
}

/**
 * The photo picker's search: newest first, optionally only photos whose
 * caption, credit or alt text contains `q` (instr, as searchImages; any case
 * of the first letters, see caseVariants) and that
 * were uploaded within [from, to).
 */
export async function pickerSearch(
  db: Database,
  f: { q?: string; from?: Date; to?: Date },
  limit: number,
  offset: number,
): Promise<{ rows: Image[]; total: number }> {
  const conds: SQL[] = [];
  if (f.q) {
    const matches = caseVariants(f.q).flatMap((v) =>
      [images.caption, images.credit, images.alt].map((col) => sql`instr(lower(${col}), lower(${v})) > 0`),
    );
    conds.push(sql`(${sql.join(matches, sql` or `)})`);
  }
  if (f.from) conds.push(gte(images.createdAt, f.from));
  if (f.to) conds.push(lt(images.createdAt, f.to));
  const where = conds.length ? and(...conds) : undefined;
  const [rows, [total]] = await Promise.all([
    db.select().from(images).where(where).orderBy(desc(images.createdAt), desc(images.id)).limit(limit).offset(offset),
    db.select({ n: sql<number>`count(*)` }).from(images).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/**
 * What readers see a photo's words in, as scopes to bump when they change:
 * every article showing it (hero, share card, body figure), authors whose
 * portrait it is, and `global` for a static page or the logo.
 */
async function placesShowing(db: Database, imageId: number): Promise<Touched[]> {
  const [articles, pages, logo, people] = await Promise.all([
    articlesUsingImage(db, imageId),
    db
      .select({ id: staticPages.id })
      .from(staticPages)
      .where(sql`exists (select 1 from json_each(${staticPages.body}) b
        where json_extract(b.value, '$.type') = 'figure' and json_extract(b.value, '$.imageId') = ${imageId})`),
    db
      .select({ id: siteSettings.id })
      .from(siteSettings)
      .where(sql`json_extract(${siteSettings.data}, '$.logoImageId') = ${imageId}`),
    db.select({ id: authors.id }).from(authors).where(eq(authors.photoImageId, imageId)),
  ]);
  return [
    ...articles.map((a) => ({ article: a.id })),
    ...people.map((a) => scope.author(a.id)),
    ...(pages.length || logo.length ? [scope.global] : []),
  ];
}

/**
 * A photo's alt text, caption and credit, through writeContent: every page
 * showing the photo misses its cache at once, so a corrected caption shows
 * on reader pages at the next request.
 */
export async function updateImageText(
  db: Database,
  id: number,
  t: { alt: string; caption: string; credit: string },
): Promise<void> {
  const touched = await placesShowing(db, id);
  await writeContent(
    db,
    [
      db
        .update(images)
        .set({ alt: nfc(t.alt).trim(), caption: nfc(t.caption).trim(), credit: nfc(t.credit).trim() })
        .where(eq(images.id, id)),
    ],
    touched,
  );
}

export async function deleteImageRow(db: Database, id: number): Promise<void> {
  await db.delete(images).where(eq(images.id, id));
}
