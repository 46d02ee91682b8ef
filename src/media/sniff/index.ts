// Decide whether an upload is a photo we take, by its BYTES alone: the file
// name and the browser's claimed type are never trusted. Reads only headers
// and container structure (no pixel decoding), so it is cheap enough to run
// in the Worker on every upload. Plain Uint8Array reads, no Node APIs.
//
// This file is the entry point, and the only one callers import: it tells
// the formats apart by their first bytes and hands the upload to that
// format's parser (./jpeg, ./png, ./webp, ./avif). Formats refused by name
// are in ./refused-formats.
import { sniffAvif } from "./avif";
import { fourcc, startsWith } from "./bytes";
import { ftypBrands } from "./isobmff";
import { sniffJpeg } from "./jpeg";
import { SniffError } from "./parse-error";
import { PNG_SIGNATURE, sniffPng } from "./png";
import { unsupportedFtyp, unsupportedOther } from "./refused-formats";
import { type Dims, fail, type ImageExt, type ImageMime, type SniffResult } from "./result";
import { sniffWebp } from "./webp";

export type { ImageExt, ImageMime, SniffFailure, SniffResult } from "./result";
export { SNIFF_MESSAGES } from "./result";

export const MAX_UPLOAD_BYTES = 15 * 1024 * 1024;
/** Largest width or height accepted, in pixels. */
export const MAX_DIMENSION = 20000;
/**
 * Largest pixel count accepted (50 megapixels). The side limit alone lets a
 * few hundred KB of PNG claim 16,000 x 16,000 pixels: a decompression bomb
 * of 256 MB of grey (1 GB as RGBA) for whatever decodes it (Images, sharp in
 * the importer, a browser). 50 MP is beyond the phones and press cameras a
 * newsroom uses.
 */
export const MAX_PIXELS = 50_000_000;

/** Vietnamese thousands separators, without relying on the runtime's locale data: 16000 -> "16.000". */
const vn = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, ".");
/** Megapixels, at most one decimal, rounded up (never "50" for one over 50 MP): 256000000 -> "256", 50006250 -> "50,1". */
const megapixels = (n: number) => {
  const tenths = Math.ceil(n / 100_000);
  return `${vn(Math.floor(tenths / 10))}${tenths % 10 ? `,${tenths % 10}` : ""}`;
};

export function sniffImage(bytes: Uint8Array): SniffResult {
  if (bytes.length === 0) return fail("empty");
  if (bytes.length > MAX_UPLOAD_BYTES) return fail("too-large");

  try {
    if (startsWith(bytes, [0xff, 0xd8, 0xff])) return checkDims("image/jpeg", "jpg", sniffJpeg(bytes));
    if (startsWith(bytes, PNG_SIGNATURE)) return checkDims("image/png", "png", sniffPng(bytes));
    if (bytes.length < 8 && startsWith(bytes, PNG_SIGNATURE.slice(0, bytes.length))) return fail("truncated"); // "\x89PNG" cut short
    if (fourcc(bytes, 0) === "RIFF" && fourcc(bytes, 8) === "WEBP") {
      return checkDims("image/webp", "webp", sniffWebp(bytes));
    }
    if (fourcc(bytes, 4) === "ftyp") {
      const brands = ftypBrands(bytes);
      if (brands.has("avif") || brands.has("avis")) return checkDims("image/avif", "avif", sniffAvif(bytes));
      return unsupportedFtyp(brands);
    }
  } catch (e) {
    if (e instanceof SniffError) return fail(e.reason);
    throw e;
  }
  return unsupportedOther(bytes);
}

function checkDims(mime: ImageMime, ext: ImageExt, { width, height }: Dims): SniffResult {
  if (width < 1 || height < 1) return fail("corrupt");
  if (width > MAX_DIMENSION || height > MAX_DIMENSION) {
    return fail("corrupt", `Kích thước ảnh quá lớn (${width}×${height} điểm ảnh); mỗi chiều tối đa 20.000 điểm ảnh.`);
  }
  if (width * height > MAX_PIXELS) {
    return fail(
      "too-many-pixels",
      `Ảnh có quá nhiều điểm ảnh: ${vn(width)}×${vn(height)} = ${megapixels(width * height)} triệu điểm ảnh; ` +
        `tối đa ${megapixels(MAX_PIXELS)} triệu điểm ảnh (ví dụ 8.000×6.250). Hãy thu nhỏ ảnh rồi tải lên lại.`,
    );
  }
  return { ok: true, mime, ext, width, height };
}
