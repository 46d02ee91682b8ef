import { desc, eq, inArray, sql } from "drizzle-orm";
import type { Image } from "../model/records";
import { nfc } from "../vi/normalize";
import type { Database } from "./client";
import { images } from "./schema";

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

export async function updateImageText(
  db: Database,
  id: number,
  t: { alt: string; caption: string; credit: string },
): Promise<void> {
  await db
    .update(images)
    .set({ alt: nfc(t.alt).trim(), caption: nfc(t.caption).trim(), credit: nfc(t.credit).trim() })
    .where(eq(images.id, id));
}

export async function deleteImageRow(db: Database, id: number): Promise<void> {
  await db.delete(images).where(eq(images.id, id));
}
