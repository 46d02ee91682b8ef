// WebP: dimensions from the first chunk (lossy VP8, lossless VP8L or
// extended VP8X), and the RIFF must hold image data.
import { byte, fourcc, startsWith, u16le, u24le, u32le } from "./bytes";
import { corrupt, truncated } from "./parse-error";
import type { Dims } from "./result";

export function sniffWebp(b: Uint8Array): Dims {
  const riffSize = u32le(b, 4);
  if (riffSize < 4 + 8) corrupt(); // "WEBP" plus at least one chunk header
  const end = 8 + riffSize;
  if (end > b.length) truncated();

  let dims: Dims | undefined;
  let hasImageData = false;
  // Walk the chunks inside the RIFF. The last chunk may omit its pad byte.
  for (let p = 12; p + 8 <= end; ) {
    const type = fourcc(b, p);
    const size = u32le(b, p + 4);
    const d = p + 8;
    if (d + size > end) return truncated();
    if (p === 12) dims = firstWebpChunk(b, type, d, size);
    if (type === "VP8 " || type === "VP8L" || type === "ANMF") hasImageData = true;
    p = d + size + (size & 1);
  }
  if (!dims || !hasImageData) return corrupt();
  return dims;
}

function firstWebpChunk(b: Uint8Array, type: string, d: number, size: number): Dims {
  switch (type) {
    case "VP8 ": {
      // Lossy: 3-byte frame tag (bit 0 clear on a key frame), start code 9D 01 2A,
      // then 14-bit width and height (top 2 bits are the scaling mode).
      if (size < 10) corrupt();
      if ((byte(b, d) & 1) !== 0) corrupt();
      if (!startsWith(b, [0x9d, 0x01, 0x2a], d + 3)) corrupt();
      return { width: u16le(b, d + 6) & 0x3fff, height: u16le(b, d + 8) & 0x3fff };
    }
    case "VP8L": {
      // Lossless: signature 0x2F, then 14 bits width-1, 14 bits height-1,
      // 1 bit alpha hint, 3 bits version (must be 0).
      if (size < 5 || byte(b, d) !== 0x2f) corrupt();
      const bits = u32le(b, d + 1);
      if (bits >>> 29 !== 0) corrupt();
      return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
    }
    case "VP8X": {
      // Extended: flags, 3 reserved bytes, 24-bit canvas width-1 and height-1.
      if (size < 10) corrupt();
      return { width: u24le(b, d + 4) + 1, height: u24le(b, d + 7) + 1 };
    }
    default:
      return corrupt();
  }
}
