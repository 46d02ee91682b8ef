// ISO base media file format boxes, the container of AVIF (./avif) and of
// HEIC, which is refused by name (./refused-formats).
import { fourcc, u32be } from "./bytes";
import { corrupt, truncated } from "./parse-error";

export type Box = { type: string; start: number; body: number; end: number };

/**
 * The boxes laid end to end in [from, to). A box running past `to` is a cut
 * upload at the top level (to === file end), corrupt when nested.
 */
export function boxes(b: Uint8Array, from: number, to: number): Box[] {
  const out: Box[] = [];
  let p = from;
  while (p + 8 <= to) {
    let size = u32be(b, p);
    const type = fourcc(b, p + 4);
    let body = p + 8;
    if (size === 1) {
      // 64-bit largesize; anything past 2^32 is far beyond our upload limit.
      const hi = u32be(b, p + 8);
      const lo = u32be(b, p + 12);
      body = p + 16;
      size = hi === 0 ? lo : Number.MAX_SAFE_INTEGER;
      if (size < 16) corrupt();
    } else if (size === 0) {
      size = to - p; // extends to the end of its container
    } else if (size < 8) {
      corrupt();
    }
    if (type === "uuid") body += 16;
    const end = p + size;
    if (end > to || body > end) return to === b.length ? truncated() : corrupt();
    out.push({ type, start: p, body, end });
    p = end;
  }
  if (p !== to) return to === b.length ? truncated() : corrupt(); // a box header cut short / stray bytes
  return out;
}

/** Major and compatible brands of the leading ftyp box (as far as it was uploaded). */
export function ftypBrands(b: Uint8Array): Set<string> {
  const size = Math.min(u32be(b, 0), b.length);
  const brands = new Set<string>();
  if (b.length >= 12) brands.add(fourcc(b, 8)); // major brand
  for (let p = 16; p + 4 <= size; p += 4) brands.add(fourcc(b, p)); // after minor_version
  return brands;
}
