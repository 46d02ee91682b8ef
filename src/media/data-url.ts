// Images that arrive inside pasted HTML as data: URLs (Word and Google Docs
// put small pictures in the clipboard this way). Decoded here, size-limited
// before decoding, and checked by their bytes with the upload checks
// (./sniff): the claimed type is never trusted, and SVG (which can carry
// script) is refused like any other format we do not take.

import type { ImageExt, ImageMime } from "./sniff";
import { sniffImage } from "./sniff";

export type DataImage =
  | { ok: true; bytes: Uint8Array<ArrayBuffer>; mime: ImageMime; ext: ImageExt }
  | { ok: false; message: string };

/** Where a pasted image's src points: inline data we can upload, or somewhere we will not fetch. */
export const isDataUrl = (src: string): boolean => /^data:/i.test(src.trim());

const HEADER = /^data:([^,;]*)((?:;[^,;]*)*),/i;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${Math.floor(bytes / (1024 * 1024))} MB` : `${Math.floor(bytes / 1024)} KB`;

/** Decodes and checks a data: URL image of at most `maxBytes` decoded bytes. Messages are Vietnamese. */
export function decodeDataImage(src: string, maxBytes: number): DataImage {
  const header = HEADER.exec(src.slice(0, 200));
  if (!header) return { ok: false, message: "Dữ liệu ảnh không đúng dạng." };
  const claimed = (header[1] ?? "").trim().toLowerCase();
  if (!/;\s*base64\s*$/i.test(header[2] ?? ""))
    return { ok: false, message: "Dữ liệu ảnh không đúng dạng (không phải base64)." };
  if (claimed === "image/svg+xml")
    return { ok: false, message: "Ảnh SVG không được nhận; chỉ nhận JPEG, PNG, WebP hoặc AVIF." };
  const data = src.slice(header[0].length).replace(/\s+|%0[ad]|%20/gi, "");
  // Three bytes per four characters: refuse by length before decoding anything.
  if (Math.floor((data.length * 3) / 4) > maxBytes)
    return { ok: false, message: `Ảnh quá lớn (còn nhận được tối đa ${sizeText(maxBytes)}).` };
  if (data.length % 4 === 1 || !BASE64.test(data))
    return { ok: false, message: "Dữ liệu ảnh bị hỏng (base64 không hợp lệ)." };
  let binary: string;
  try {
    binary = atob(data);
  } catch {
    return { ok: false, message: "Dữ liệu ảnh bị hỏng (base64 không hợp lệ)." };
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const sniffed = sniffImage(bytes);
  if (!sniffed.ok) return { ok: false, message: sniffed.message };
  return { ok: true, bytes, mime: sniffed.mime, ext: sniffed.ext };
}
