import { describe, expect, it } from "vitest";
import { MAX_UPLOAD_BYTES, type SniffResult, sniffImage } from "../src/media/sniff";
import {
  AVIF,
  GIF,
  JPEG,
  JPEG_PROGRESSIVE,
  PNG,
  WEBP_ALPHA,
  WEBP_LOSSLESS,
  WEBP_LOSSY,
} from "./fixtures/image-formats";

const ACCEPTED = "JPEG, PNG, WebP hoặc AVIF";
const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const half = (b: Uint8Array): Uint8Array => b.slice(0, b.length >> 1);
const failure = (r: SniffResult) => {
  if (r.ok) throw new Error(`expected a refusal, got ${JSON.stringify(r)}`);
  expect(r.message.length).toBeGreaterThan(10);
  return r;
};
/** Offset of the first SOF0..SOF2 marker in a JPEG. */
const sofOffset = (b: Uint8Array): number => {
  for (let i = 2; i + 1 < b.length; i++) if (b[i] === 0xff && b[i + 1]! >= 0xc0 && b[i + 1]! <= 0xc2) return i;
  throw new Error("no SOF");
};

describe("sniffImage accepts real images by their bytes", () => {
  it.each([
    ["baseline JPEG", JPEG, "image/jpeg", "jpg", 64, 48],
    ["progressive JPEG", JPEG_PROGRESSIVE, "image/jpeg", "jpg", 37, 21],
    ["PNG", PNG, "image/png", "png", 64, 48],
    ["lossy WebP (VP8)", WEBP_LOSSY, "image/webp", "webp", 64, 48],
    ["lossless WebP (VP8L)", WEBP_LOSSLESS, "image/webp", "webp", 64, 48],
    ["extended WebP with alpha (VP8X)", WEBP_ALPHA, "image/webp", "webp", 64, 48],
    ["AVIF", AVIF, "image/avif", "avif", 64, 48],
  ] as const)("%s", (_name, bytes, mime, ext, width, height) => {
    expect(sniffImage(bytes)).toEqual({ ok: true, mime, ext, width, height });
  });

  it("reads a view into a larger buffer (non-zero byteOffset)", () => {
    const big = concat(text("prefix-junk"), PNG, text("suffix"));
    expect(sniffImage(big.subarray(11, 11 + PNG.length))).toMatchObject({ ok: true, width: 64, height: 48 });
  });

  it("tolerates zero padding after a JPEG's EOI", () => {
    expect(sniffImage(concat(JPEG, new Uint8Array(64)))).toMatchObject({ ok: true, mime: "image/jpeg" });
  });

  it("accepts up to exactly 15 MB and 20000 px", () => {
    const png = PNG.slice();
    png.set([0, 0, 0x4e, 0x20], 16); // IHDR width = 20000
    expect(sniffImage(png)).toMatchObject({ ok: true, width: 20000, height: 48 });
    const padded = new Uint8Array(MAX_UPLOAD_BYTES);
    padded.set(JPEG);
    expect(sniffImage(padded)).toMatchObject({ ok: true, mime: "image/jpeg" });
  });
});

describe("sniffImage refuses everything else", () => {
  it("an empty upload", () => {
    expect(failure(sniffImage(new Uint8Array(0))).reason).toBe("empty");
  });

  it("more than 15 MB, even with a valid JPEG header", () => {
    const big = new Uint8Array(MAX_UPLOAD_BYTES + 1);
    big.set(JPEG);
    const r = failure(sniffImage(big));
    expect(r.reason).toBe("too-large");
    expect(r.message).toBe("Ảnh vượt quá dung lượng cho phép (15 MB).");
  });

  it("a text file named photo.jpg", () => {
    const r = failure(sniffImage(text("Đây là bài viết, không phải ảnh.\nphoto.jpg\n")));
    expect(r.reason).toBe("unsupported");
    expect(r.message).toBe(`Tệp không phải ảnh ${ACCEPTED}.`);
  });

  it.each([
    ["GIF", GIF, "GIF"],
    ["SVG", text('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'), "SVG"],
    ["BMP", concat(text("BM"), new Uint8Array(60)), "BMP"],
    ["TIFF", concat(new Uint8Array([0x49, 0x49, 0x2a, 0]), new Uint8Array(60)), "TIFF"],
    ["PDF", text("%PDF-1.7\n1 0 obj\n"), "PDF"],
    ["ZIP", concat(new Uint8Array([0x50, 0x4b, 3, 4]), new Uint8Array(60)), "ZIP"],
  ])("%s, naming the accepted formats", (_name, bytes, named) => {
    const r = failure(sniffImage(bytes));
    expect(r.reason).toBe("unsupported");
    expect(r.message).toContain(named);
    expect(r.message).toContain(ACCEPTED);
  });

  it("a HEIC (ftyp heic) file", () => {
    const ftyp = concat(
      new Uint8Array([0, 0, 0, 24]),
      text("ftypheic"),
      new Uint8Array(4), // minor version
      text("mif1heic"),
      new Uint8Array([0, 0, 0, 8]),
      text("meta"),
    );
    const r = failure(sniffImage(ftyp));
    expect(r.reason).toBe("unsupported");
    expect(r.message).toContain("HEIC");
    expect(r.message).toContain(ACCEPTED);
    // The real AVIF with only its brands rewritten to HEIF ones is refused too.
    const relabelled = AVIF.slice();
    const s = String.fromCharCode(...relabelled.subarray(0, 32));
    for (const brand of ["avif", "avis"]) {
      for (let i = s.indexOf(brand); i >= 0; i = s.indexOf(brand, i + 1)) relabelled.set(text("heic"), i);
    }
    expect(failure(sniffImage(relabelled)).reason).toBe("unsupported");
  });

  it("other RIFF and ISO BMFF files (WAV, MP4)", () => {
    const wav = concat(text("RIFF"), new Uint8Array([36, 0, 0, 0]), text("WAVEfmt "), new Uint8Array(28));
    expect(failure(sniffImage(wav)).reason).toBe("unsupported");
    const mp4 = concat(new Uint8Array([0, 0, 0, 20]), text("ftypisom"), new Uint8Array(4), text("isom"));
    expect(failure(sniffImage(mp4)).reason).toBe("unsupported");
  });
});

describe("sniffImage spots cut-off uploads", () => {
  it.each([
    ["JPEG", JPEG],
    ["progressive JPEG", JPEG_PROGRESSIVE],
    ["PNG", PNG],
    ["WebP", WEBP_LOSSY],
    ["WebP (VP8X)", WEBP_ALPHA],
    ["AVIF", AVIF],
  ])("%s cut in half", (_name, bytes) => {
    const r = failure(sniffImage(half(bytes)));
    expect(r.reason).toBe("truncated");
    expect(r.message).toBe("Ảnh bị hỏng hoặc tải lên chưa hết, vui lòng thử lại.");
  });

  it("JPEG missing only its EOI, or followed by junk", () => {
    expect(failure(sniffImage(JPEG.slice(0, -2))).reason).toBe("truncated");
    expect(failure(sniffImage(concat(JPEG, text("trailing junk")))).reason).toBe("truncated");
  });

  it("PNG missing its IEND chunk", () => {
    expect(failure(sniffImage(PNG.slice(0, -12))).reason).toBe("truncated");
  });

  it("WebP whose RIFF size is larger than the data", () => {
    expect(failure(sniffImage(WEBP_LOSSLESS.slice(0, -3))).reason).toBe("truncated");
  });

  it("every prefix of every accepted image is refused", () => {
    for (const bytes of [JPEG, JPEG_PROGRESSIVE, PNG, WEBP_LOSSY, WEBP_LOSSLESS, WEBP_ALPHA, AVIF]) {
      for (let n = 1; n < bytes.length; n++) {
        const r = sniffImage(bytes.subarray(0, n));
        if (r.ok) throw new Error(`prefix of ${n}/${bytes.length} bytes was accepted`);
      }
    }
  });
});

describe("sniffImage spots corrupt images", () => {
  it("garbage after FF D8 FF", () => {
    const r = failure(sniffImage(concat(new Uint8Array([0xff, 0xd8, 0xff]), text("garbage, not a JPEG at all"))));
    expect(r.reason).toBe("corrupt");
    let seed = 7;
    const noise = new Uint8Array(4096).map(() => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed >>> 24;
    });
    const r2 = failure(sniffImage(concat(new Uint8Array([0xff, 0xd8, 0xff]), noise)));
    expect(["corrupt", "truncated"]).toContain(r2.reason);
  });

  it("width or height of 0 or over 20000", () => {
    const zeroWidth = PNG.slice();
    zeroWidth.set([0, 0, 0, 0], 16);
    expect(failure(sniffImage(zeroWidth)).reason).toBe("corrupt");
    const tooWide = PNG.slice();
    tooWide.set([0, 0, 0x4e, 0x21], 16); // 20001
    const r = failure(sniffImage(tooWide));
    expect(r.reason).toBe("corrupt");
    expect(r.message).toContain("20001×48");
    const zeroHeightJpeg = JPEG.slice();
    zeroHeightJpeg.set([0, 0], sofOffset(JPEG) + 5); // FF C0, length, precision, then height
    expect(failure(sniffImage(zeroHeightJpeg)).reason).toBe("corrupt");
  });

  it("PNG whose first chunk is not IHDR", () => {
    const png = PNG.slice();
    png.set(text("IHDX"), 12);
    expect(failure(sniffImage(png)).reason).toBe("corrupt");
  });

  it("random byte damage never throws", () => {
    let seed = 42;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    for (const bytes of [JPEG, PNG, WEBP_LOSSY, WEBP_LOSSLESS, WEBP_ALPHA, AVIF]) {
      for (let t = 0; t < 500; t++) {
        const c = bytes.slice();
        for (let f = 0; f < 3; f++) c[Math.floor(rnd() * Math.min(c.length, 300))] = Math.floor(rnd() * 256);
        const r = sniffImage(c);
        if (r.ok) expect(r.width * r.height).toBeGreaterThan(0);
        else expect(r.message).not.toBe("");
      }
    }
  });
});
