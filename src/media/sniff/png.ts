// PNG: dimensions from IHDR, and the chunks must run intact to IEND.
import { endWithoutZeroPadding, fourcc, u32be } from "./bytes";
import { corrupt, truncated } from "./parse-error";
import type { Dims } from "./result";

export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;

function isChunkType(t: string): boolean {
  return /^[A-Za-z]{4}$/.test(t);
}

export function sniffPng(b: Uint8Array): Dims {
  // IHDR must be the first chunk: length 13, then width and height.
  if (u32be(b, 8) !== 13 || fourcc(b, 12) !== "IHDR") corrupt();
  const dims = { width: u32be(b, 16), height: u32be(b, 20) };
  // Walk the chunks to IEND; a chunk running past the end means a cut upload.
  let p = 8;
  for (;;) {
    if (p >= b.length) truncated(); // ran out of chunks before IEND
    const len = u32be(b, p);
    const type = fourcc(b, p + 4);
    if (type.length === 4 && !isChunkType(type)) corrupt();
    if (len > 0x7fffffff) corrupt();
    const next = p + 12 + len; // length, type, data, CRC
    if (next > b.length) truncated();
    p = next;
    if (type === "IEND") break;
  }
  // Nothing but zero padding may follow IEND.
  if (endWithoutZeroPadding(b, p) !== p) corrupt();
  return dims;
}
