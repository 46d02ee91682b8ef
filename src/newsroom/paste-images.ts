// Images found in a paste (../content/markup/paste-html): never hotlinked.
// Those that came as data: URLs are decoded, checked like an upload and
// stored in the photo library (R2 and the images table, through storeUpload,
// each logged in the audit log); any other (an http address, Word's
// file:///, a mail's cid:) is dropped, and the editor is told in Vietnamese.
// Every image is checked before the first is stored, and a failure while
// storing removes what this paste stored: nothing is half-written.

import type { PastedImage } from "../content/markup/paste-parts";
import { auditEntry } from "../db/audit";
import type { Database } from "../db/client";
import { deleteImageRow, getImageById } from "../db/images";
import { decodeDataImage, isDataUrl } from "../media/data-url";
import { storeUpload } from "./photo-upload";

/** Photos one paste may add to the library; more is rarely a document, and an editor uploads the rest. */
export const MAX_PASTED_PHOTOS = 10;
/** Decoded bytes of all photos of one paste (the request itself is at most 10 MB of base64). */
export const MAX_PASTED_PHOTO_BYTES = 7 * 1024 * 1024;
const ALT_FALLBACK = "Ảnh dán vào bài (cần thêm mô tả)";

export interface PastedPhotos {
  /** Index of the image in the paste -> id of the stored photo. */
  ids: Map<number, number>;
  notes: string[];
}

/** What becomes of each image: the checks only, nothing stored. */
function plan(images: PastedImage[], mayUpload: boolean) {
  const accepted: { index: number; bytes: Uint8Array<ArrayBuffer>; ext: string; alt: string }[] = [];
  const notes: string[] = [];
  let remote = 0;
  let overCount = 0;
  let total = 0;
  images.forEach((image, index) => {
    if (!isDataUrl(image.src)) {
      remote++;
      return;
    }
    if (!mayUpload) {
      notes.push(`Đã bỏ ảnh thứ ${index + 1}: bạn không có quyền tải ảnh lên thư viện.`);
      return;
    }
    if (accepted.length >= MAX_PASTED_PHOTOS) {
      overCount++;
      return;
    }
    const decoded = decodeDataImage(image.src, MAX_PASTED_PHOTO_BYTES - total);
    if (!decoded.ok) {
      notes.push(`Đã bỏ ảnh thứ ${index + 1} trong đoạn dán: ${decoded.message}`);
      return;
    }
    total += decoded.bytes.byteLength;
    accepted.push({ index, bytes: decoded.bytes, ext: decoded.ext, alt: image.alt || ALT_FALLBACK });
  });
  if (remote) notes.unshift(`Đã bỏ ${remote} ảnh dán từ trang khác: hãy tải ảnh lên thư viện rồi chèn vào bài.`);
  if (overCount)
    notes.push(
      `Mỗi lần dán chỉ tải lên tối đa ${MAX_PASTED_PHOTOS} ảnh; đã bỏ ${overCount} ảnh còn lại: hãy tải chúng lên thư viện.`,
    );
  return { accepted, notes };
}

/** Stores the data: images of a paste as library photos and says what became of the others. */
export async function storePastedPhotos(
  db: Database,
  media: R2Bucket,
  images: PastedImage[],
  user: { id: number; mayUpload: boolean },
): Promise<PastedPhotos> {
  const { accepted, notes } = plan(images, user.mayUpload);
  const ids = new Map<number, number>();
  try {
    for (const photo of accepted) {
      const file = new File([photo.bytes], `dan-vao.${photo.ext}`);
      const id = await storeUpload(db, media, file, { alt: photo.alt, caption: "", credit: "", uploadedBy: user.id });
      ids.set(photo.index, id);
    }
    // Logged once all are stored, in one batch: no entry names a photo this paste then removed.
    const [first, ...rest] = [...ids.values()].map((id) =>
      auditEntry(db, { userId: user.id, action: "image.upload", target: `image:${id}`, detail: "dán vào bài viết" }),
    );
    if (first) await db.batch([first, ...rest]);
  } catch (err) {
    for (const id of ids.values()) {
      const row = await getImageById(db, id);
      if (row) await media.delete(row.r2Key);
      await deleteImageRow(db, id);
    }
    throw err;
  }
  if (ids.size)
    notes.push(
      `Đã tải ${ids.size} ảnh trong đoạn dán lên thư viện ảnh; hãy thêm mô tả, chú thích và tác giả cho từng ảnh.`,
    );
  return { ids, notes };
}
