// Writes a neutral import document (./format.ts) into D1 and R2 through the
// newsroom's own write functions. Each article lands in one D1 batch with its
// tags, search row, mapping row and old addresses (createArticle/updateArticle
// with `extra`), so readers never see half of one, and a crash or Ctrl+C
// between two articles loses nothing: the rerun skips what is already there
// unchanged (the mapping row's hash) and updates what changed.
import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import sharp from "sharp";
import { type BodyBlock, blockText } from "../../src/content/blocks";
import { createArticle, updateArticle } from "../../src/db/article-writes";
import { type Database, openDatabase } from "../../src/db/client";
import { insertImage } from "../../src/db/images";
import { insertAuthor, insertSection } from "../../src/db/people";
import { articles, authors, importMappings, sections } from "../../src/db/schema";
import { writeContent } from "../../src/db/versions";
import { sniffImage } from "../../src/media/sniff";
import type { LegacyTarget } from "../../src/model/statuses";
import { legacyPathKey } from "../../src/site/legacy-paths";
import { slugify } from "../../src/vi/slug";
import { bodyBlocks, bodyProblem, readBody } from "./body";
import { describeProblem, type EntryProblem, type ImportDocument, type ImportItem, type ImportMedia } from "./format";

export type FetchBytes = (url: string) => Promise<Uint8Array>;

export interface WriteOptions {
  dryRun?: boolean;
  /** Gets an image's bytes; throws with a reason when it cannot. */
  fetchBytes: FetchBytes;
  /** Called after each article: done, total. */
  progress?: (done: number, total: number) => void;
}

export interface ImportReport {
  imported: number;
  updated: number;
  skipped: { item: string; reason: string }[];
  imagesStored: number;
  imagesReused: number;
  imagesMissing: { url: string; item: string; reason: string }[];
  redirects: number;
  problems: string[];
  ms: number;
}

const sha256 = (data: Uint8Array | string) => createHash("sha256").update(data).digest("hex");

const LEAD_MAX = 1000;

/** The lead: the excerpt's text, else the body's first paragraph, cut at a word; the title as a last resort. */
function leadOf(item: ImportItem, blocks: BodyBlock[]): string {
  const excerpt = item.excerpt
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  const first = blocks.find((b) => b.type === "paragraph");
  const text = excerpt || (first ? blockText(first) : "") || item.title;
  if (text.length <= LEAD_MAX) return text;
  const cut = text.slice(0, LEAD_MAX - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), LEAD_MAX / 2))}…`;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export async function writeImport(
  env: { DB: D1Database; MEDIA: R2Bucket },
  doc: ImportDocument,
  problems: EntryProblem[],
  opts: WriteOptions,
): Promise<ImportReport> {
  const started = Date.now();
  const db = openDatabase(env.DB);
  const dry = opts.dryRun === true;
  const report: ImportReport = {
    imported: 0,
    updated: 0,
    skipped: [],
    imagesStored: 0,
    imagesReused: 0,
    imagesMissing: [],
    redirects: 0,
    problems: problems.map((p) => describeProblem(p)),
    ms: 0,
  };
  const source = doc.source;

  const mapped = async (kind: string, sourceId: string) => {
    const [row] = await db
      .select({ targetId: importMappings.targetId, hash: importMappings.hash })
      .from(importMappings)
      .where(
        and(eq(importMappings.source, source), eq(importMappings.kind, kind), eq(importMappings.sourceId, sourceId)),
      )
      .limit(1);
    return row ?? null;
  };
  const mappingStatement = (kind: string, sourceId: string, targetId: number | ReturnType<typeof sql>, hash = "") =>
    sql`insert into import_mappings (source, kind, source_id, target_id, hash) values (${source}, ${kind}, ${sourceId}, ${targetId}, ${hash})
        on conflict (source, kind, source_id) do update set target_id = excluded.target_id, hash = excluded.hash, imported_at = excluded.imported_at`;
  const redirectStatements = (paths: string[], kind: LegacyTarget, targetId: number | ReturnType<typeof sql>) =>
    paths.map(
      (p) =>
        sql`insert into legacy_redirects (path, kind, target_id) values (${p}, ${kind}, ${targetId}) on conflict (path) do nothing`,
    );
  const countRedirects = (n: number) => {
    report.redirects += n;
  };

  // Sections and authors: the mapping, else one of ours with the same slug, else a new one.
  const sectionIds = new Map<string, number>();
  for (const [position, s] of doc.sections.entries()) {
    const known = await mapped("section", s.id);
    let id = known?.targetId ?? null;
    const slug = slugify(safeDecode(s.slug ?? "") || s.name);
    if (id === null) {
      const [same] = await db.select({ id: sections.id }).from(sections).where(eq(sections.slug, slug)).limit(1);
      id =
        same?.id ?? (dry ? -1 : await insertSection(db, { slug, name: s.name, description: s.description, position }));
    }
    sectionIds.set(s.id, id);
    if (!dry) {
      await writeContent(
        db,
        [mappingStatement("section", s.id, id), ...redirectStatements(s.permalinks, "section", id)],
        [],
      );
      countRedirects(s.permalinks.length);
    }
  }
  const authorIds = new Map<string, number>();
  for (const a of doc.authors) {
    const known = await mapped("author", a.id);
    let id = known?.targetId ?? null;
    const slug = slugify(safeDecode(a.slug ?? "") || a.name);
    if (id === null) {
      const [same] = await db.select({ id: authors.id }).from(authors).where(eq(authors.slug, slug)).limit(1);
      id = same?.id ?? (dry ? -1 : await insertAuthor(db, { slug, name: a.name, byline: a.name, bio: a.bio }));
    }
    authorIds.set(a.id, id);
    if (!dry) {
      await writeContent(
        db,
        [mappingStatement("author", a.id, id), ...redirectStatements(a.permalinks, "author", id)],
        [],
      );
      countRedirects(a.permalinks.length);
    }
  }

  // Images: by source URL (the mapping), then by content (sha-256), else stored new.
  const mediaById = new Map(doc.media.map((m) => [m.id, m]));
  const mediaByUrl = new Map(doc.media.map((m) => [m.url, m]));
  // A body shows WordPress's resized copy ("photo-1024x683.jpg"), whose bytes
  // differ from the original's: the known original is stored instead, once.
  const originalOf = (src: string) => {
    if (mediaByUrl.has(src)) return src;
    const full = src.replace(/-\d+x\d+(\.[a-z0-9]+)$/i, "$1");
    return mediaByUrl.has(full) ? full : src;
  };
  const storeImage = async (url: string, meta: Partial<ImportMedia>, item: string, title: string) => {
    const absolute = doc.baseUrl ? new URL(url, doc.baseUrl).toString() : url;
    const known = await mapped("media", absolute);
    if (known) {
      report.imagesReused++;
      return known.targetId;
    }
    if (dry) return -1;
    let bytes: Uint8Array;
    try {
      bytes = await opts.fetchBytes(absolute);
    } catch (error) {
      report.imagesMissing.push({ url: absolute, item, reason: (error as Error).message });
      return null;
    }
    let sniffed = sniffImage(bytes);
    if (!sniffed.ok) {
      report.imagesMissing.push({ url: absolute, item, reason: sniffed.message });
      return null;
    }
    // Deduplicated by the bytes as published; stored upright.
    const hash = sha256(bytes);
    const turned = await upright(bytes);
    if (turned !== bytes) {
      const again = sniffImage(turned);
      if (again.ok) {
        bytes = turned;
        sniffed = again;
      }
    }
    // The media entry's old addresses, and the file's own path when it is an uploads path of the old site.
    const own = legacyPathKey(absolute);
    const paths = [...new Set([...(meta.permalinks ?? []), ...(own?.includes("/wp-content/uploads/") ? [own] : [])])];
    const same = await mapped("media-sha256", hash);
    let id: number;
    if (same) {
      id = same.targetId;
      report.imagesReused++;
    } else {
      const key = `import/${hash.slice(0, 2)}/${hash.slice(0, 40)}.${sniffed.ext}`;
      await env.MEDIA.put(key, bytes, { httpMetadata: { contentType: sniffed.mime } });
      id = await insertImage(db, {
        r2Key: key,
        width: sniffed.width,
        height: sniffed.height,
        mime: sniffed.mime,
        bytes: bytes.byteLength,
        alt: (meta.alt || meta.caption || title).slice(0, 300),
        caption: (meta.caption ?? "").slice(0, 500),
        credit: (meta.credit ?? "").slice(0, 100),
      });
      report.imagesStored++;
    }
    await writeContent(
      db,
      [
        mappingStatement("media-sha256", hash, id),
        mappingStatement("media", absolute, id),
        ...redirectStatements(paths, "image", id),
      ],
      [],
    );
    countRedirects(paths.length);
    return id;
  };

  const total = doc.items.length;
  for (const [done, item] of doc.items.entries()) {
    const name = describeProblem({ kind: "article", id: item.id, message: "" }, item.title).replace(/: $/, "");
    const skip = (reason: string) => report.skipped.push({ item: name, reason });
    try {
      const hash = sha256(JSON.stringify(item));
      const known = await mapped("article", item.id);
      const [existing] = known
        ? await db.select({ id: articles.id }).from(articles).where(eq(articles.id, known.targetId)).limit(1)
        : [];
      if (existing && known?.hash === hash) {
        skip("không thay đổi từ lần nhập trước");
        continue;
      }
      const sectionId = sectionIds.get(item.section);
      const authorId = authorIds.get(item.author);
      if (sectionId === undefined) {
        skip(`chuyên mục “${item.section}” không có trong tệp nhập`);
        continue;
      }
      if (authorId === undefined) {
        skip(`tác giả “${item.author}” không có trong tệp nhập`);
        continue;
      }
      const read = readBody(item.bodyHtml);
      if (read.tooLong) {
        skip("nội dung quá dài cho một bài viết (tối đa 500 khối, 200.000 ký tự)");
        continue;
      }
      const featured = item.featuredMedia === null ? undefined : mediaById.get(item.featuredMedia);
      if (item.featuredMedia !== null && !featured)
        report.imagesMissing.push({
          url: `media ${item.featuredMedia}`,
          item: name,
          reason: "ảnh đại diện không có trong tệp nhập",
        });
      const heroImageId = featured ? await storeImage(featured.url, featured, name, item.title) : null;
      const imageIds: (number | null)[] = [];
      for (const img of read.images) {
        const src = originalOf(img.src);
        const meta = mediaByUrl.get(src);
        imageIds.push(
          await storeImage(
            src,
            { ...meta, alt: meta?.alt || img.alt, caption: meta?.caption || img.caption },
            name,
            item.title,
          ),
        );
      }
      // A dry run stores no image: a placeholder id keeps the body's check meaningful.
      let blocks = bodyBlocks(
        read,
        imageIds.map((i) => (i === null ? null : Math.max(i, 1))),
        item.title,
      );
      const lead = leadOf(item, blocks);
      if (!blocks.length) blocks = [{ type: "paragraph", text: lead }];
      const problem = bodyProblem(blocks);
      if (problem) {
        skip(`nội dung không hợp lệ: ${problem}`);
        continue;
      }
      if (dry) {
        if (existing) report.updated++;
        else report.imported++;
        continue;
      }
      const slug = await freeSlug(db, slugify(safeDecode(item.slug ?? "") || item.title), existing?.id ?? null);
      const input = {
        sectionId,
        authorId,
        kicker: item.kicker ?? null,
        headline: item.title,
        slug,
        lead,
        body: blocks,
        status: item.status,
        publishedAt: item.publishedAt,
        heroImageId: heroImageId !== null && heroImageId > 0 ? heroImageId : null,
        tags: item.tags,
      };
      const extra = (id: number | ReturnType<typeof sql>) => [
        mappingStatement("article", item.id, id, hash),
        ...redirectStatements(item.permalinks, "article", id),
      ];
      if (existing) {
        await updateArticle(db, existing.id, input, { extra });
        report.updated++;
      } else {
        await createArticle(db, input, { extra });
        report.imported++;
      }
      countRedirects(item.permalinks.length);
    } catch (error) {
      skip((error as Error).message);
    } finally {
      opts.progress?.(done + 1, total);
    }
  }
  report.ms = Date.now() - started;
  return report;
}

/**
 * A photo whose EXIF orientation says "turn me" (phones), turned, in the
 * same format, its metadata (GPS too) dropped; any other photo as it is.
 */
async function upright(bytes: Uint8Array): Promise<Uint8Array> {
  const meta = await sharp(bytes)
    .metadata()
    .catch(() => null);
  if (!meta?.orientation || meta.orientation === 1 || !meta.format) return bytes;
  const out = await sharp(bytes)
    .rotate()
    .toFormat(meta.format, { quality: 90 })
    .toBuffer()
    .catch(() => null);
  return out ? new Uint8Array(out) : bytes;
}

/** The slug, or slug-2, slug-3… when another article has it (duplicate slugs in the source). */
async function freeSlug(db: Database, wanted: string, ownId: number | null): Promise<string> {
  for (let n = 1; ; n++) {
    const slug = n === 1 ? wanted : `${wanted}-${n}`;
    const [other] = await db.select({ id: articles.id }).from(articles).where(eq(articles.slug, slug)).limit(1);
    if (!other || other.id === ownId) return slug;
  }
}
