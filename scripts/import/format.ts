// The importer's neutral format ("documented JSON", docs/import.md): what the
// WordPress readers produce and any other CMS can write, and what the writer
// (./writer.ts) consumes. The document is checked as a whole for its frame and
// item by item after, so one bad article is reported by name and skipped while
// the rest imports.
import { z } from "zod";
import { ARTICLE_STATUSES } from "../../src/model/statuses";
import { legacyPathKey } from "../../src/site/legacy-paths";

export const FORMAT_ID = "edge-news-import/1";

/** An ISO 8601 time with its offset ("2019-05-01T08:30:00+07:00" or "...Z"): a time without a zone is ambiguous. */
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const instant = z
  .string()
  .regex(ISO_WITH_ZONE, "thời điểm phải theo ISO 8601 kèm múi giờ, ví dụ 2019-05-01T08:30:00+07:00")
  .transform((s, ctx) => {
    const d = new Date(s);
    if (Number.isNaN(d.getTime())) {
      ctx.addIssue({ code: "custom", message: `thời điểm không tồn tại: ${s}` });
      return z.NEVER;
    }
    return d;
  });

const id = z.union([z.string().trim().min(1).max(200), z.number().int().nonnegative().transform(String)]);
const text = (max: number) => z.string().max(max, `tối đa ${max} ký tự`);
const permalinks = z
  .array(z.string())
  .max(50)
  .default([])
  .transform((list) => [...new Set(list.map(legacyPathKey).filter((p): p is string => p !== null && p !== "/"))]);

export const sectionSchema = z.strictObject({
  id,
  slug: text(80).optional(),
  name: z.string().trim().min(1, "chuyên mục cần tên").max(100),
  description: text(500).default(""),
  permalinks,
});
export const authorSchema = z.strictObject({
  id,
  slug: text(80).optional(),
  name: z.string().trim().min(1, "tác giả cần tên").max(100),
  bio: text(2000).default(""),
  permalinks,
});
export const mediaSchema = z.strictObject({
  id,
  url: z.string().url("địa chỉ ảnh không hợp lệ").max(2000),
  alt: text(300).default(""),
  caption: text(500).default(""),
  credit: text(100).default(""),
  permalinks,
});

/** A tag and its old archive addresses ("/tag/ha-noi/"); articles name their tags by `name`. */
export const tagSchema = z.strictObject({
  id,
  name: z.string().trim().min(1, "thẻ cần tên").max(100),
  slug: text(100).optional(),
  permalinks,
});

/**
 * An approved reader comment, imported only with `--comments`. The text is
 * plain (the reader strips the source's HTML); a reply names its parent,
 * which must come earlier in the list. The e-mail is never shown.
 */
export const commentSchema = z.strictObject({
  id,
  parent: id.nullable().default(null),
  name: z.string().trim().min(1, "bình luận cần tên người viết").max(100),
  email: z.string().trim().max(200).default(""),
  text: z.string().trim().min(1, "bình luận trống").max(5000, "bình luận tối đa 5.000 ký tự"),
  createdAt: instant,
});

/** The statuses an article may come in with; "unpublished" is ours only. */
export const IMPORT_STATUSES = ARTICLE_STATUSES.filter((s) => s !== "unpublished") as [
  "draft",
  "review",
  "scheduled",
  "published",
];

export const itemSchema = z
  .strictObject({
    id,
    status: z.enum(IMPORT_STATUSES, { error: `trạng thái phải là một trong ${IMPORT_STATUSES.join(", ")}` }),
    title: z.string().trim().min(1, "bài cần tiêu đề").max(300, "tiêu đề tối đa 300 ký tự"),
    slug: text(200).optional(),
    kicker: text(200).optional(),
    excerpt: text(5000).default(""),
    /** The body as HTML: converted to typed blocks, never stored as markup. Up to 20 MB read. */
    bodyHtml: z.string().max(20_000_000, "nội dung quá 20 MB"),
    publishedAt: instant.nullable().default(null),
    modifiedAt: instant.nullable().default(null),
    section: id,
    author: id,
    tags: z.array(z.string().trim().min(1).max(100)).max(100).default([]),
    featuredMedia: id.nullable().default(null),
    permalinks,
    comments: z.array(commentSchema).max(10_000).default([]),
  })
  .superRefine((v, ctx) => {
    if ((v.status === "published" || v.status === "scheduled") && !v.publishedAt)
      ctx.addIssue({ code: "custom", message: "bài đã đăng hoặc hẹn giờ cần publishedAt", path: ["publishedAt"] });
  });

export type ImportSection = z.infer<typeof sectionSchema>;
export type ImportAuthor = z.infer<typeof authorSchema>;
export type ImportMedia = z.infer<typeof mediaSchema>;
export type ImportItem = z.infer<typeof itemSchema>;
export type ImportTag = z.infer<typeof tagSchema>;
export type ImportComment = z.infer<typeof commentSchema>;

/** The frame: arrays are checked entry by entry afterwards. */
const documentSchema = z.strictObject({
  format: z.literal(FORMAT_ID, { error: `"format" phải là "${FORMAT_ID}"` }),
  /** Names the source for the mapping table: the same source imported again updates. */
  source: z.string().trim().min(1).max(200),
  /** The source's own address, for resolving relative image URLs. */
  baseUrl: z.string().url().optional(),
  sections: z.array(z.unknown()).default([]),
  authors: z.array(z.unknown()).default([]),
  media: z.array(z.unknown()).default([]),
  tags: z.array(z.unknown()).default([]),
  items: z.array(z.unknown()).default([]),
});

export interface ImportDocument {
  source: string;
  baseUrl?: string;
  sections: ImportSection[];
  authors: ImportAuthor[];
  media: ImportMedia[];
  tags: ImportTag[];
  items: ImportItem[];
}

/** A problem with one entry of the document: the whole message names it. */
export interface EntryProblem {
  kind: "section" | "author" | "media" | "tag" | "article";
  id: string;
  message: string;
}

/** Shorter than zod's default: "publishedAt: …; tags.2: …". */
export function issuesText(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message))
    .join("; ");
}

const KIND_VI: Record<EntryProblem["kind"], string> = {
  section: "Chuyên mục",
  author: "Tác giả",
  media: "Ảnh",
  tag: "Thẻ",
  article: "Bài",
};

/** "Bài 123 (“Tiêu đề”): message", for the report. */
export function describeProblem(p: EntryProblem, title?: string): string {
  return `${KIND_VI[p.kind]} ${p.id}${title ? ` (“${title.slice(0, 60)}”)` : ""}: ${p.message}`;
}

function entryId(raw: unknown, index: number): string {
  if (raw && typeof raw === "object" && "id" in raw) {
    const v = (raw as { id: unknown }).id;
    if (typeof v === "string" || typeof v === "number") return String(v).slice(0, 100);
  }
  return `#${index + 1}`;
}

/** Thrown when the document itself (not one entry) is unusable. */
export class ImportFormatError extends Error {}

/**
 * Checks a parsed JSON document: the frame must be right (else
 * ImportFormatError), each entry is checked alone; bad ones come back as
 * problems naming them, and duplicate ids keep the first.
 */
export function readDocument(raw: unknown): { doc: ImportDocument; problems: EntryProblem[] } {
  const frame = documentSchema.safeParse(raw);
  if (!frame.success) throw new ImportFormatError(`Tệp nhập không đúng định dạng: ${issuesText(frame.error)}`);
  const problems: EntryProblem[] = [];
  function each<T extends { id: string }>(kind: EntryProblem["kind"], list: unknown[], schema: z.ZodType<T>): T[] {
    const seen = new Set<string>();
    const out: T[] = [];
    list.forEach((entry, i) => {
      const r = schema.safeParse(entry);
      if (!r.success) {
        problems.push({ kind, id: entryId(entry, i), message: issuesText(r.error) });
        return;
      }
      if (seen.has(r.data.id)) {
        problems.push({ kind, id: r.data.id, message: "trùng mã với một mục trước, bỏ qua" });
        return;
      }
      seen.add(r.data.id);
      out.push(r.data);
    });
    return out;
  }
  const f = frame.data;
  const doc: ImportDocument = {
    source: f.source,
    ...(f.baseUrl ? { baseUrl: f.baseUrl } : {}),
    sections: each("section", f.sections, sectionSchema),
    authors: each("author", f.authors, authorSchema),
    media: each("media", f.media, mediaSchema),
    tags: each("tag", f.tags, tagSchema),
    items: each("article", f.items, itemSchema),
  };
  return { doc, problems };
}
