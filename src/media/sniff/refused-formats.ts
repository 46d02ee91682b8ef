// Formats we recognise only to refuse them by name, so an editor learns
// what to do (an iPhone's HEIC needs converting) instead of a bare "not a
// photo". Nothing here reads dimensions.
import { fourcc } from "./bytes";
import { type Failure, fail, unsupportedFormat } from "./result";

const HEIF_BRANDS = ["heic", "heix", "heim", "heis", "hevc", "hevx", "hevm", "hevs", "mif1", "msf1"];

/** An ISO BMFF file that is not AVIF: HEIC/HEIF named, anything else (MP4, MOV…) plainly refused. */
export function unsupportedFtyp(brands: Set<string>): Failure {
  if (HEIF_BRANDS.some((x) => brands.has(x))) {
    return unsupportedFormat("ảnh HEIC/HEIF", " Ảnh chụp từ iPhone cần được chuyển sang JPEG trước khi tải lên.");
  }
  return fail("unsupported"); // MP4, MOV, 3GP, JPEG XL in a container, …
}

/** Bytes no accepted format claimed: named if we know them, else plainly refused. */
export function unsupportedOther(b: Uint8Array): Failure {
  const head = fourcc(b, 0);
  if (head === "GIF8") return unsupportedFormat("ảnh GIF");
  if (head.startsWith("BM") && b.length >= 26) return unsupportedFormat("ảnh BMP");
  if (head === "II*\0" || head === "MM\0*") return unsupportedFormat("ảnh TIFF");
  if (head === "%PDF") return unsupportedFormat("PDF");
  if (head === "PK\x03\x04") return unsupportedFormat("tệp nén (ZIP, DOCX…)");
  if (looksLikeSvg(b)) return unsupportedFormat("ảnh SVG");
  return fail("unsupported");
}

function looksLikeSvg(b: Uint8Array): boolean {
  let s = "";
  const n = Math.min(b.length, 1024);
  for (let i = 0; i < n; i++) s += String.fromCharCode(b[i]!);
  return /<svg[\s>]/i.test(s);
}
