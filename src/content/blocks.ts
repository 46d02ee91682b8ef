// An article body is a list of typed blocks, not HTML: editors cannot inject
// markup, and every block renders to known, semantic HTML.
import { z } from "zod";
import { nfc } from "../vi/normalize";

const text = (max: number) =>
  z
    .string()
    .transform(nfc)
    .pipe(z.string().trim().min(1, "Nội dung không được để trống").max(max, `Tối đa ${max} ký tự`));
const optionalText = (max: number) =>
  z
    .string()
    .transform(nfc)
    .pipe(z.string().trim().max(max, `Tối đa ${max} ký tự`));

export const paragraphBlock = z.strictObject({ type: z.literal("paragraph"), text: text(5000) });
export const subheadingBlock = z.strictObject({ type: z.literal("subheading"), text: text(200) });
export const figureBlock = z.strictObject({
  type: z.literal("figure"),
  imageId: z.number().int().positive(),
  /** Overrides the caption stored with the image, for this article only. */
  caption: optionalText(500).optional(),
  credit: optionalText(100).optional(),
});
export const quoteBlock = z.strictObject({
  type: z.literal("quote"),
  text: text(2000),
  cite: optionalText(200).optional(),
});
export const asideBlock = z.strictObject({
  type: z.literal("aside"),
  title: optionalText(200).optional(),
  items: z.array(text(2000)).min(1, "Khung thông tin cần ít nhất một dòng").max(20),
});

export const bodyBlock = z.discriminatedUnion("type", [
  paragraphBlock,
  subheadingBlock,
  figureBlock,
  quoteBlock,
  asideBlock,
]);
export const articleBody = z.array(bodyBlock).min(1, "Bài viết cần ít nhất một đoạn").max(500);

export type BodyBlock = z.infer<typeof bodyBlock>;
export type FigureBlock = z.infer<typeof figureBlock>;

export class InvalidBodyError extends Error {
  constructor(readonly issues: string[]) {
    super(`Nội dung bài viết không hợp lệ: ${issues.join("; ")}`);
    this.name = "InvalidBodyError";
  }
}

/** Validates and normalises (NFC, trimmed) a body; throws InvalidBodyError with Vietnamese reasons. */
export function parseBody(input: unknown): BodyBlock[] {
  const result = articleBody.safeParse(input);
  if (result.success) return result.data;
  throw new InvalidBodyError(
    result.error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)),
  );
}

/** Reads a body stored by parseBody; stored rows were validated on write. */
export function readStoredBody(json: string): BodyBlock[] {
  return JSON.parse(json) as BodyBlock[];
}

export function figureImageIds(blocks: BodyBlock[]): number[] {
  return blocks.flatMap((b) => (b.type === "figure" ? [b.imageId] : []));
}
