// Decide whether an upload is a photo we take, by its BYTES alone: the file
// name and the browser's claimed type are never trusted. Reads only headers
// and container structure (no pixel decoding), so it is cheap enough to run
// in the Worker on every upload. Plain Uint8Array reads, no Node APIs.
export type ImageMime = "image/jpeg" | "image/png" | "image/webp" | "image/avif";
export type ImageExt = "jpg" | "png" | "webp" | "avif";
export type SniffFailure = "empty" | "too-large" | "unsupported" | "truncated" | "corrupt";

export const MAX_UPLOAD_BYTES = 15 * 1024 * 1024;
/** Largest width or height accepted, in pixels. */
export const MAX_DIMENSION = 20000;

export type SniffResult =
  | { ok: true; mime: ImageMime; ext: ImageExt; width: number; height: number }
  | { ok: false; reason: SniffFailure; message: string }; // message in Vietnamese, for editors

const ACCEPTED = "JPEG, PNG, WebP hoặc AVIF";

/** Messages shown to editors (Vietnamese). */
export const SNIFF_MESSAGES = {
  empty: "Tệp trống, không có dữ liệu ảnh.",
  tooLarge: "Ảnh vượt quá dung lượng cho phép (15 MB).",
  unsupported: `Tệp không phải ảnh ${ACCEPTED}.`,
  truncated: "Ảnh bị hỏng hoặc tải lên chưa hết, vui lòng thử lại.",
  corrupt: "Ảnh bị hỏng, không đọc được. Vui lòng xuất lại ảnh rồi tải lên.",
} as const;

type Failure = Extract<SniffResult, { ok: false }>;

function fail(reason: SniffFailure, message?: string): Failure {
  return { ok: false, reason, message: message ?? SNIFF_MESSAGES[reason === "too-large" ? "tooLarge" : reason] };
}

function unsupportedFormat(name: string, hint = ""): Failure {
  return fail("unsupported", `Định dạng ${name} không được hỗ trợ.${hint} Chỉ nhận ảnh ${ACCEPTED}.`);
}

/** Thrown by the parsers below; turned into a result by sniffImage. */
class SniffError extends Error {
  constructor(
    readonly reason: "truncated" | "corrupt",
    message?: string,
  ) {
    super(message ?? reason);
  }
}
const truncated = (): never => {
  throw new SniffError("truncated");
};
const corrupt = (): never => {
  throw new SniffError("corrupt");
};

// ---------------------------------------------------------------- byte reads
// Every read is bounds-checked: reading past the end of the upload means the
// upload stopped early.
function byte(b: Uint8Array, i: number): number {
  const v = b[i];
  return v === undefined ? truncated() : v;
}
function u16be(b: Uint8Array, i: number): number {
  return (byte(b, i) << 8) | byte(b, i + 1);
}
function u32be(b: Uint8Array, i: number): number {
  return ((byte(b, i) << 24) | (byte(b, i + 1) << 16) | (byte(b, i + 2) << 8) | byte(b, i + 3)) >>> 0;
}
function u16le(b: Uint8Array, i: number): number {
  return byte(b, i) | (byte(b, i + 1) << 8);
}
function u24le(b: Uint8Array, i: number): number {
  return byte(b, i) | (byte(b, i + 1) << 8) | (byte(b, i + 2) << 16);
}
function u32le(b: Uint8Array, i: number): number {
  return (byte(b, i) | (byte(b, i + 1) << 8) | (byte(b, i + 2) << 16) | (byte(b, i + 3) << 24)) >>> 0;
}
/** Four bytes as ASCII (box / chunk types). Short input gives a shorter string. */
function fourcc(b: Uint8Array, i: number): string {
  let s = "";
  for (let k = i; k < i + 4 && k < b.length; k++) s += String.fromCharCode(b[k]!);
  return s;
}
function startsWith(b: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (b.length < at + sig.length) return false;
  for (let k = 0; k < sig.length; k++) if (b[at + k] !== sig[k]) return false;
  return true;
}
/** Index just past the last non-zero byte at or after `from` (strips zero padding). */
function endWithoutZeroPadding(b: Uint8Array, from: number): number {
  let end = b.length;
  while (end > from && b[end - 1] === 0) end--;
  return end;
}

// ---------------------------------------------------------------- entry point
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

type Dims = { width: number; height: number };

function checkDims(mime: ImageMime, ext: ImageExt, { width, height }: Dims): SniffResult {
  if (width < 1 || height < 1) return fail("corrupt");
  if (width > MAX_DIMENSION || height > MAX_DIMENSION) {
    return fail("corrupt", `Kích thước ảnh quá lớn (${width}×${height} điểm ảnh); mỗi chiều tối đa 20.000 điểm ảnh.`);
  }
  return { ok: true, mime, ext, width, height };
}

// ---------------------------------------------------------------- JPEG
function isSof(marker: number): boolean {
  // SOF0..SOF15, minus DHT (C4), JPG (C8) and DAC (CC) which share the range.
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

function sniffJpeg(b: Uint8Array): Dims {
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

// ---------------------------------------------------------------- PNG
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;

function isChunkType(t: string): boolean {
  return /^[A-Za-z]{4}$/.test(t);
}

function sniffPng(b: Uint8Array): Dims {
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

// ---------------------------------------------------------------- WebP
function sniffWebp(b: Uint8Array): Dims {
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

// ---------------------------------------------------------------- ISO BMFF (AVIF / HEIC)
type Box = { type: string; start: number; body: number; end: number };

/**
 * The boxes laid end to end in [from, to). A box running past `to` is a cut
 * upload at the top level (to === file end), corrupt when nested.
 */
function boxes(b: Uint8Array, from: number, to: number): Box[] {
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
function ftypBrands(b: Uint8Array): Set<string> {
  const size = Math.min(u32be(b, 0), b.length);
  const brands = new Set<string>();
  if (b.length >= 12) brands.add(fourcc(b, 8)); // major brand
  for (let p = 16; p + 4 <= size; p += 4) brands.add(fourcc(b, p)); // after minor_version
  return brands;
}

const HEIF_BRANDS = ["heic", "heix", "heim", "heis", "hevc", "hevx", "hevm", "hevs", "mif1", "msf1"];

function unsupportedFtyp(brands: Set<string>): Failure {
  if (HEIF_BRANDS.some((x) => brands.has(x))) {
    return unsupportedFormat("ảnh HEIC/HEIF", " Ảnh chụp từ iPhone cần được chuyển sang JPEG trước khi tải lên.");
  }
  return fail("unsupported"); // MP4, MOV, 3GP, JPEG XL in a container, …
}

function sniffAvif(b: Uint8Array): Dims {
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

// ---------------------------------------------------------------- everything else
function unsupportedOther(b: Uint8Array): Failure {
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
