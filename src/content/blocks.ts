// An article body is a list of typed blocks, not HTML: editors cannot inject
// markup, and every block renders to known, semantic HTML.
import { z } from "zod";
import { nfc } from "../vi/normalize";
import { type Mark, marksSchema, normaliseRich, type RichItem, type RichText, richItem } from "./rich-text";

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

/**
 * The text and marks of a block (./rich-text), checked and normalised
 * together, since trimming and NFC move the marks' offsets. No marks: the key
 * is left out, exactly as bodies were stored before marks existed.
 */
function richFields(v: { text: string; marks?: Mark[] | undefined }, max: number, ctx: z.RefinementCtx): RichText {
  const r = normaliseRich(v.text, v.marks, { max });
  if (r.ok) return r.value;
  for (const issue of r.issues) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
  return { text: "" };
}

export type ParagraphBlock = { type: "paragraph" } & RichText;
export const paragraphBlock = z
  .strictObject({ type: z.literal("paragraph"), text: z.string(), marks: marksSchema.optional() })
  .transform((v, ctx): ParagraphBlock => ({ type: "paragraph", ...richFields(v, 5000, ctx) }));
export const subheadingBlock = z.strictObject({ type: z.literal("subheading"), text: text(200) });
export const figureBlock = z.strictObject({
  type: z.literal("figure"),
  imageId: z.number().int().positive(),
  /** Overrides the caption stored with the image, for this article only. */
  caption: optionalText(500).optional(),
  credit: optionalText(100).optional(),
});
export type QuoteBlock = { type: "quote" } & RichText & { cite?: string };
export const quoteBlock = z
  .strictObject({
    type: z.literal("quote"),
    text: z.string(),
    marks: marksSchema.optional(),
    cite: optionalText(200).optional(),
  })
  .transform((v, ctx): QuoteBlock => {
    const rich = { type: "quote" as const, ...richFields(v, 2000, ctx) };
    return v.cite === undefined ? rich : { ...rich, cite: v.cite };
  });
export const asideBlock = z.strictObject({
  type: z.literal("aside"),
  title: optionalText(200).optional(),
  items: z
    .array(richItem({ max: 2000 }))
    .min(1, "Khung thông tin cần ít nhất một dòng")
    .max(20),
});
/** A bulleted (`ordered: false`) or numbered list; each item is one line. */
export const listBlock = z.strictObject({
  type: z.literal("list"),
  ordered: z.boolean(),
  items: z
    .array(richItem({ max: 2000, oneLine: true }))
    .min(1, "Danh sách cần ít nhất một mục")
    .max(100, "Danh sách tối đa 100 mục"),
});

export const bodyBlock = z.discriminatedUnion("type", [
  paragraphBlock,
  subheadingBlock,
  figureBlock,
  quoteBlock,
  asideBlock,
  listBlock,
]);
/** Characters of text in a whole body, every block together (about 30,000 words). */
export const BODY_TEXT_MAX = 200_000;
export const articleBody = z
  .array(bodyBlock)
  .min(1, "Bài viết cần ít nhất một đoạn")
  .max(500, "Bài viết tối đa 500 khối nội dung")
  .refine((blocks) => blocks.reduce((n, b) => n + blockText(b).length, 0) <= BODY_TEXT_MAX, {
    message: `Bài viết quá dài (tối đa ${BODY_TEXT_MAX.toLocaleString("vi-VN")} ký tự)`,
  });

export type BodyBlock = z.infer<typeof bodyBlock>;
export type FigureBlock = z.infer<typeof figureBlock>;
export type ListBlock = z.infer<typeof listBlock>;

/** The plain text of a block, marks dropped: what search indexes and snippets read. */
export function blockText(b: BodyBlock): string {
  switch (b.type) {
    case "paragraph":
    case "subheading":
    case "quote":
      return b.text;
    case "figure":
      return b.caption ?? "";
    case "aside":
      return [b.title ?? "", ...b.items.map(itemText)].join(" ");
    case "list":
      return b.items.map(itemText).join("\n");
  }
}
const itemText = (item: RichItem): string => (typeof item === "string" ? item : item.text);

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
