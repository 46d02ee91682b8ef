// Storing an uploaded photo: bytes checked, a generated R2 key, then the row.
import type { Database } from "../db/client";
import { insertImage } from "../db/images";
import { type SniffResult, sniffImage } from "../media/sniff";
import { randomHex } from "../platform/crypto";
import { toVietnamTime } from "../vi/dates";

/** Why an upload was refused (Vietnamese), and the HTTP status that says so. */
export class UploadRejected extends Error {
  constructor(
    message: string,
    readonly status: 400 | 413 | 415 = 400,
  ) {
    super(message);
  }
}

/** Too many bytes or too many pixels is "too large" (413); anything else the bytes say is "not a photo we take" (415). */
const statusOf = (reason: Extract<SniffResult, { ok: false }>["reason"]): 413 | 415 =>
  reason === "too-large" || reason === "too-many-pixels" ? 413 : 415;

/** R2 keys are generated, never taken from the file's name. */
export function newMediaKey(ext: string, now = new Date()): string {
  const t = toVietnamTime(now);
  return `uploads/${t.year}/${String(t.month).padStart(2, "0")}/${randomHex(10)}.${ext}`;
}

export async function storeUpload(
  db: Database,
  media: R2Bucket,
  file: File,
  meta: { alt: string; caption: string; credit: string; uploadedBy: number },
): Promise<number> {
  const alt = meta.alt.normalize("NFC").trim();
  if (!alt) throw new UploadRejected("Cần nhập mô tả ảnh cho người khiếm thị.");
  const bytes = new Uint8Array(await file.arrayBuffer());
  const sniffed: SniffResult = sniffImage(bytes);
  if (!sniffed.ok) throw new UploadRejected(sniffed.message, statusOf(sniffed.reason));
  const key = newMediaKey(sniffed.ext);
  await media.put(key, bytes, { httpMetadata: { contentType: sniffed.mime } });
  try {
    return await insertImage(db, {
      r2Key: key,
      width: sniffed.width,
      height: sniffed.height,
      mime: sniffed.mime,
      bytes: bytes.byteLength,
      alt: alt.slice(0, 300),
      caption: meta.caption.slice(0, 500),
      credit: meta.credit.slice(0, 100),
      uploadedBy: meta.uploadedBy,
    });
  } catch (err) {
    // No orphan object in R2 if the row could not be written.
    await media.delete(key);
    throw err;
  }
}
