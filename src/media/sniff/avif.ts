// AVIF: dimensions from the primary item's ispe property, and every item
// stored in the file must lie within the upload.
import { byte, u16be, u32be } from "./bytes";
import { type Box, boxes } from "./isobmff";
import { corrupt, truncated } from "./parse-error";
import type { Dims } from "./result";

export function sniffAvif(b: Uint8Array): Dims {
  const top = boxes(b, 0, b.length);
  const ftyp = top[0];
  if (ftyp?.type !== "ftyp" || ftyp.end - ftyp.start < 16) return corrupt();
  const meta = top.find((x) => x.type === "meta");
  if (!meta) return corrupt();
  // meta is a FullBox: version and flags precede its children.
  const metaChildren = boxes(b, meta.body + 4, meta.end);

  // Every item stored in the file itself must lie within the upload: this is
  // what catches a cut-off upload whose mdat box claims "to end of file".
  const iloc = metaChildren.find((x) => x.type === "iloc");
  if (!iloc) return corrupt();
  checkItemLocations(b, iloc);

  let primary: number | undefined;
  const pitm = metaChildren.find((x) => x.type === "pitm");
  if (pitm) primary = byte(b, pitm.body) === 0 ? u16be(b, pitm.body + 4) : u32be(b, pitm.body + 4);

  const iprp = metaChildren.find((x) => x.type === "iprp");
  if (!iprp) return corrupt();
  const iprpChildren = boxes(b, iprp.body, iprp.end);
  const ipco = iprpChildren.find((x) => x.type === "ipco");
  if (!ipco) return corrupt();
  const properties = boxes(b, ipco.body, ipco.end); // 1-based indexes in ipma

  const readIspe = (box: Box): Dims => {
    if (box.end - box.body < 12) corrupt(); // version/flags, width, height
    return { width: u32be(b, box.body + 4), height: u32be(b, box.body + 8) };
  };

  // Prefer the ispe associated with the primary item (grids, alpha planes and
  // thumbnails carry their own); fall back to the first ispe.
  if (primary !== undefined) {
    for (const ipma of iprpChildren.filter((x) => x.type === "ipma")) {
      for (const index of associatedProperties(b, ipma, primary)) {
        const prop = properties[index - 1];
        if (prop?.type === "ispe") return readIspe(prop);
      }
    }
  }
  const ispe = properties.find((x) => x.type === "ispe");
  if (!ispe) return corrupt();
  return readIspe(ispe);
}

/** Truncated if an item's extents (construction method 0: file offsets) run past the upload. */
function checkItemLocations(b: Uint8Array, iloc: Box): void {
  const version = byte(b, iloc.body);
  if (version > 2) corrupt();
  let p = iloc.body + 4;
  /** Big-endian unsigned field of 0, 2, 4 or 8 bytes, kept inside the iloc box. */
  const field = (size: number): number => {
    if (p + size > iloc.end) corrupt();
    let v = 0;
    if (size === 2) v = u16be(b, p);
    else if (size === 4) v = u32be(b, p);
    else if (size === 8) v = u32be(b, p) * 2 ** 32 + u32be(b, p + 4);
    else if (size !== 0) corrupt();
    p += size;
    return v;
  };
  const sizes = field(2);
  const offsetSize = sizes >> 12;
  const lengthSize = (sizes >> 8) & 15;
  const baseOffsetSize = (sizes >> 4) & 15;
  const indexSize = version === 0 ? 0 : sizes & 15;
  const itemCount = field(version < 2 ? 2 : 4);
  for (let i = 0; i < itemCount; i++) {
    field(version < 2 ? 2 : 4); // item_ID
    const method = version === 0 ? 0 : field(2) & 15; // construction_method
    field(2); // data_reference_index
    const base = field(baseOffsetSize);
    const extents = field(2);
    for (let k = 0; k < extents; k++) {
      field(indexSize);
      const offset = field(offsetSize);
      const length = field(lengthSize);
      if (method === 0 && base + offset + length > b.length) truncated();
    }
  }
}

/** Property indexes (1-based) that an ipma box associates with `item`. */
function associatedProperties(b: Uint8Array, ipma: Box, item: number): number[] {
  const version = byte(b, ipma.body);
  const wideIndex = (byte(b, ipma.body + 3) & 1) === 1;
  let p = ipma.body + 4;
  const count = u32be(b, p);
  p += 4;
  for (let i = 0; i < count; i++) {
    if (p >= ipma.end) corrupt();
    const id = version < 1 ? u16be(b, p) : u32be(b, p);
    p += version < 1 ? 2 : 4;
    const n = byte(b, p++);
    const indexes: number[] = [];
    for (let k = 0; k < n; k++) {
      indexes.push(wideIndex ? u16be(b, p) & 0x7fff : byte(b, p) & 0x7f);
      p += wideIndex ? 2 : 1;
    }
    if (p > ipma.end) corrupt();
    if (id === item) return indexes;
  }
  return [];
}
