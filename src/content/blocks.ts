// An article body is a list of typed blocks, not HTML: editors cannot inject
// markup, and every block renders to known, semantic HTML.
import * as z from "zod";
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

/** Table limits (docs/newsroom.md, "The content model"). */
export const TABLE_MAX_COLUMNS = 12;
export const TABLE_MAX_ROWS = 100;
const CELL_MAX = 500;

/**
 * A table cell: one line of text with marks, or "" for an empty cell. Stored
 * like a list item: a plain string when it has no marks.
 */
const tableCell = z
  .union([z.string(), z.strictObject({ text: z.string(), marks: marksSchema.optional() })])
  .transform((v, ctx): RichItem => {
    const raw = typeof v === "string" ? { text: v } : v;
    if (raw.text.trim() === "" && !raw.marks?.length) return "";
    const r = normaliseRich(raw.text, raw.marks, { max: CELL_MAX, oneLine: true });
    if (!r.ok) {
      for (const issue of r.issues)
        ctx.addIssue({
          code: "custom",
          message: `Ô bảng: ${issue.message}`,
          path: typeof v === "string" ? [] : issue.path,
        });
      return z.NEVER;
    }
    return r.value.marks ? r.value : r.value.text;
  });

export type TableBlock = { type: "table"; caption?: string; header: RichItem[]; rows: RichItem[][] };
/** A simple table: one header row of 1-12 cells, 1-100 rows of exactly as many cells, an optional caption. */
export const tableBlock = z
  .strictObject({
    type: z.literal("table"),
    caption: optionalText(500).optional(),
    header: z
      .array(tableCell, { error: "Hàng tiêu đề của bảng không hợp lệ" })
      .min(1, "Bảng cần ít nhất một cột")
      .max(TABLE_MAX_COLUMNS, `Bảng tối đa ${TABLE_MAX_COLUMNS} cột`),
    rows: z
      .array(z.array(tableCell, { error: "Hàng của bảng không hợp lệ" }), { error: "Các hàng của bảng không hợp lệ" })
      .min(1, "Bảng cần ít nhất một hàng dưới hàng tiêu đề")
      .max(TABLE_MAX_ROWS, `Bảng tối đa ${TABLE_MAX_ROWS} hàng (không kể hàng tiêu đề)`),
  })
  .superRefine((v, ctx) => {
    v.rows.forEach((row, i) => {
      if (row.length !== v.header.length)
        ctx.addIssue({
          code: "custom",
          message: `Hàng ${i + 1} của bảng có ${row.length} ô, cần đúng ${v.header.length} ô như hàng tiêu đề`,
          path: ["rows", i],
        });
    });
  })
  .transform((v): TableBlock => {
    // An empty caption is no caption: one stored form for one table.
    const { caption, ...rest } = v;
    return caption ? { type: "table", caption, header: rest.header, rows: rest.rows } : rest;
  });

/** "Xem thêm": a small box linking to another article of ours. The article must exist (checked on write). */
export const relatedBlock = z.strictObject({
  type: z.literal("related"),
  articleId: z
    .number({ error: "“Xem thêm” cần số của một bài viết" })
    .int("“Xem thêm” cần số của một bài viết")
    .positive("“Xem thêm” cần số của một bài viết"),
});

export const VIDEO_PROVIDERS = ["youtube", "facebook"] as const;
export type VideoProvider = (typeof VIDEO_PROVIDERS)[number];
/** The shape of a video's id, per provider: nothing else ever reaches a URL. */
export const VIDEO_ID: Record<VideoProvider, RegExp> = {
  youtube: /^[A-Za-z0-9_-]{11}$/,
  facebook: /^[0-9]{5,20}$/,
};
/** A YouTube or Facebook video, shown to readers as a click-to-load facade over a library photo. */
export const videoBlock = z
  .strictObject({
    type: z.literal("video"),
    provider: z.enum(VIDEO_PROVIDERS, { error: "Video chỉ nhận từ YouTube (youtube) hoặc Facebook (facebook)" }),
    videoId: z.string({ error: "Video cần mã video" }),
    title: z
      .string({ error: "Video cần tiêu đề" })
      .transform(nfc)
      .pipe(z.string().trim().min(1, "Video cần tiêu đề").max(200, "Tiêu đề video tối đa 200 ký tự")),
    imageId: z
      .number({ error: "Ảnh đại diện của video phải là số ảnh trong thư viện" })
      .int("Ảnh đại diện của video phải là số ảnh trong thư viện")
      .positive("Ảnh đại diện của video phải là số ảnh trong thư viện")
      .optional(),
  })
  .superRefine((v, ctx) => {
    if (!VIDEO_ID[v.provider].test(v.videoId))
      ctx.addIssue({
        code: "custom",
        message:
          v.provider === "youtube"
            ? "Mã video YouTube gồm đúng 11 ký tự chữ, số, - hoặc _ (phần sau v= trong địa chỉ)"
            : "Mã video Facebook gồm 5 đến 20 chữ số",
        path: ["videoId"],
      });
  });
export type VideoBlock = z.infer<typeof videoBlock>;

export const bodyBlock = z.discriminatedUnion("type", [
  paragraphBlock,
  subheadingBlock,
  figureBlock,
  quoteBlock,
  asideBlock,
  listBlock,
  tableBlock,
  relatedBlock,
  videoBlock,
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
export type RelatedBlock = z.infer<typeof relatedBlock>;

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
    case "table":
      return [b.caption ?? "", ...[b.header, ...b.rows].map((row) => row.map(itemText).join(" "))].join("\n").trim();
    case "related":
      // The other article's words are its own, indexed with it.
      return "";
    case "video":
      return b.title;
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

/**
 * The library photos a body shows: figures and the stored thumbnails of
 * videos. Whatever checks, loads or protects a body's photos reads this (and
 * the SQL in src/db/ matches the same two block types).
 */
export function figureImageIds(blocks: BodyBlock[]): number[] {
  return blocks.flatMap((b) =>
    b.type === "figure" || (b.type === "video" && b.imageId !== undefined) ? [b.imageId as number] : [],
  );
}

/** The articles a body's "Xem thêm" boxes point to, each once, in order. */
export function relatedArticleIds(blocks: BodyBlock[]): number[] {
  return [...new Set(blocks.flatMap((b) => (b.type === "related" ? [b.articleId] : [])))];
}
