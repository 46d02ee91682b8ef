import { eq } from "drizzle-orm";
import { nfc } from "../vi/normalize";
import type { Database } from "./client";
import { images, type Image } from "./schema";

export interface ImageInput {
  r2Key: string;
  width: number;
  height: number;
  mime: string;
  bytes: number;
  alt: string;
  caption?: string;
  credit?: string;
}

export async function insertImage(db: Database, input: ImageInput): Promise<number> {
  const [row] = await db.insert(images).values({
    ...input,
    alt: nfc(input.alt).trim(),
    caption: nfc(input.caption ?? "").trim(),
    credit: nfc(input.credit ?? "").trim(),
  }).returning({ id: images.id });
  if (!row) throw new Error("image insert returned no id");
  return row.id;
}

export async function getImageByKey(db: Database, key: string): Promise<Image | null> {
  const [row] = await db.select().from(images).where(eq(images.r2Key, key)).limit(1);
  return row ?? null;
}
