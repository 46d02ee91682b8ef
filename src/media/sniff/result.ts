// What sniffing an upload answers: the accepted image types, or a refusal
// with its reason and the Vietnamese message editors see.
export type ImageMime = "image/jpeg" | "image/png" | "image/webp" | "image/avif";
export type ImageExt = "jpg" | "png" | "webp" | "avif";
export type SniffFailure = "empty" | "too-large" | "too-many-pixels" | "unsupported" | "truncated" | "corrupt";

export type SniffResult =
  | { ok: true; mime: ImageMime; ext: ImageExt; width: number; height: number }
  | { ok: false; reason: SniffFailure; message: string }; // message in Vietnamese, for editors

const ACCEPTED = "JPEG, PNG, WebP hoặc AVIF";

/** Messages shown to editors (Vietnamese). */
export const SNIFF_MESSAGES = {
  empty: "Tệp trống, không có dữ liệu ảnh.",
  tooLarge: "Ảnh vượt quá dung lượng cho phép (15 MB).",
  tooManyPixels: "Ảnh có quá nhiều điểm ảnh (tối đa 50 triệu điểm ảnh).",
  unsupported: `Tệp không phải ảnh ${ACCEPTED}.`,
  truncated: "Ảnh bị hỏng hoặc tải lên chưa hết, vui lòng thử lại.",
  corrupt: "Ảnh bị hỏng, không đọc được. Vui lòng xuất lại ảnh rồi tải lên.",
} as const;

export type Failure = Extract<SniffResult, { ok: false }>;

export function fail(reason: SniffFailure, message?: string): Failure {
  const key = reason === "too-large" ? "tooLarge" : reason === "too-many-pixels" ? "tooManyPixels" : reason;
  return { ok: false, reason, message: message ?? SNIFF_MESSAGES[key] };
}

export function unsupportedFormat(name: string, hint = ""): Failure {
  return fail("unsupported", `Định dạng ${name} không được hỗ trợ.${hint} Chỉ nhận ảnh ${ACCEPTED}.`);
}

/** Pixel size read from a header. */
export type Dims = { width: number; height: number };
