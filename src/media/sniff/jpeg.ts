// JPEG: dimensions from the first frame header (SOF), and the upload must
// end with EOI, which is how a cut-off upload shows.
import { byte, endWithoutZeroPadding, u16be } from "./bytes";
import { corrupt, truncated } from "./parse-error";
import type { Dims } from "./result";

function isSof(marker: number): boolean {
  // SOF0..SOF15, minus DHT (C4), JPG (C8) and DAC (CC) which share the range.
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

export function sniffJpeg(b: Uint8Array): Dims {
  let p = 2; // after SOI
  let dims: Dims | undefined;
  // Walk the marker segments up to the first scan (SOS).
  for (;;) {
    if (byte(b, p) !== 0xff) corrupt(); // a segment must start with a marker
    while (byte(b, p) === 0xff) p++; // 0xFF fill bytes before the marker code
    const marker = byte(b, p++);
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue; // TEM, RSTn: no length
    if (marker < 0xc0 || marker === 0xd8 || marker === 0xd9) corrupt(); // reserved, a 2nd SOI, or EOI before any scan
    const len = u16be(b, p);
    if (len < 2) corrupt();
    if (p + len > b.length) truncated();
    if (isSof(marker) && !dims) {
      if (len < 8) corrupt(); // precision, height, width, component count
      dims = { height: u16be(b, p + 3), width: u16be(b, p + 5) };
    }
    p += len;
    if (marker === 0xda) break; // SOS: entropy-coded data follows
  }
  if (!dims) return corrupt(); // a scan without a frame header
  // The upload must end with EOI (FF D9); trailing zero padding is tolerated.
  const end = endWithoutZeroPadding(b, p);
  if (end - p < 2 || b[end - 2] !== 0xff || b[end - 1] !== 0xd9) truncated();
  return dims;
}
