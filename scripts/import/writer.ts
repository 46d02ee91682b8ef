// Writes a neutral import document (./format.ts) into D1 and R2 through the
// newsroom's own write functions. Each article lands in one D1 batch with its
// tags, search row, mapping row and old addresses (createArticle/updateArticle
// with `extra`), so readers never see half of one, and a crash or Ctrl+C
// between two articles loses nothing: the rerun skips what is already there
// unchanged (the mapping row's hash) and updates what changed.
//
// Speed (docs/import.md "Speed"): articles go in groups; a group's mappings
// are read in a few bulk selects, its photos fetched and stored a few at a
// time, and its articles' batches sent together as one D1 call (./batch-group.ts),
// each article still whole; a failed call is retried article by article.
import { createHash } from "node:crypto";
import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import sharp from "sharp";
import { type BodyBlock, blockText } from "../../src/content/blocks";
import { createArticle, updateArticle } from "../../src/db/article-writes";
import { openDatabase } from "../../src/db/client";
import { insertAuthor, insertSection } from "../../src/db/people";
import { articles, authors, images, importMappings, sections } from "../../src/db/schema";
import { writeContent } from "../../src/db/versions";
import { sniffImage } from "../../src/media/sniff";
import { scope } from "../../src/model/content-scopes";
import type { LegacyTarget } from "../../src/model/statuses";
import { legacyPathKey } from "../../src/site/legacy-paths";
import { slugify } from "../../src/vi/slug";
import { BatchGroup } from "./batch-group";
import { bodyBlocks, bodyProblem, readBody } from "./body";
import { commentKey, commentStatements, type KnownMapping } from "./comment-writes";
import { describeProblem, type EntryProblem, type ImportDocument, type ImportItem, type ImportMedia } from "./format";

export type FetchBytes = (url: string) => Promise<Uint8Array>;

export interface WriteOptions {
  dryRun?: boolean;
  /** Gets an image's bytes; throws with a reason when it cannot. */
  fetchBytes: FetchBytes;
  /** Called after each article: done, total. */
  progress?: (done: number, total: number) => void;
  /** Also write each article's approved comments (`--comments`). */
  comments?: boolean;
  /** Aborted: stop after the group being written (Ctrl+C); what landed stays whole. */
  signal?: AbortSignal;
  /** Articles per group (one D1 call for their batches); default 20. */
  groupSize?: number;
  /** Photos fetched and processed at once; default 4. */
  imageConcurrency?: number;
}

export interface ImportReport {
  imported: number;
  updated: number;
  skipped: { item: string; reason: string }[];
  imagesStored: number;
  imagesReused: number;
  imagesMissing: { url: string; item: string; reason: string }[];
  redirects: number;
  tags: number;
  commentsAdded: number;
  commentsUpdated: number;
  problems: string[];
  /** Stopped before the end (Ctrl+C, or the API gave up): the rest comes with the next run. */
  stopped: boolean;
  /** Why it stopped when the API gave up, naming the article. */
  stoppedBy?: string;
  ms: number;
}

const sha256 = (data: Uint8Array | string) => createHash("sha256").update(data).digest("hex");

const LEAD_MAX = 1000;
/** Source ids per bulk mapping select: 3 more parameters stay under D1's 100 per statement. */
const IDS_PER_SELECT = 90;

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

/** Runs jobs with at most `limit` at once. */
async function pool<T>(limit: number, jobs: (() => Promise<T>)[]): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) await jobs[next++]!();
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
}

const chunks = <T>(list: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

/** The hash an article's mapping row keeps: the item without its comments (they have their own). */
const articleHash = (item: ImportItem) => sha256(JSON.stringify({ ...item, comments: [] }));

/** A photo stored, or why not; `fatal`: the API gave up (--remote), so its article must not land without it. */
type ImageResult = { id: number } | { error: string; fatal?: Error };

const imageFailure = (error: Error): ImageResult =>
  (error as { fatal?: boolean }).fatal ? { error: error.message, fatal: error } : { error: error.message };

export async function writeImport(
  env: { DB: D1Database; MEDIA: R2Bucket },
  doc: ImportDocument,
  problems: EntryProblem[],
  opts: WriteOptions,
): Promise<ImportReport> {
  const started = Date.now();
  const db = openDatabase(env.DB);
  const group = new BatchGroup(env.DB);
  const groupDb = openDatabase(group.binding);
  const dry = opts.dryRun === true;
  const report: ImportReport = {
    imported: 0,
    updated: 0,
    skipped: [],
    imagesStored: 0,
    imagesReused: 0,
    imagesMissing: [],
    redirects: 0,
    tags: 0,
    commentsAdded: 0,
    commentsUpdated: 0,
    problems: problems.map((p) => describeProblem(p)),
    stopped: false,
    ms: 0,
  };
  const source = doc.source;

  /** Mappings of many source ids of one kind, a few selects in all. */
  const mappedMany = async (kind: string, sourceIds: string[]): Promise<Map<string, KnownMapping>> => {
    const found = new Map<string, KnownMapping>();
    for (const part of chunks([...new Set(sourceIds)], IDS_PER_SELECT)) {
      const rows = await db
        .select({ sourceId: importMappings.sourceId, targetId: importMappings.targetId, hash: importMappings.hash })
        .from(importMappings)
        .where(
          and(eq(importMappings.source, source), eq(importMappings.kind, kind), inArray(importMappings.sourceId, part)),
        );
      for (const r of rows) found.set(r.sourceId, { targetId: r.targetId, hash: r.hash });
    }
    return found;
  };
  const mapped = async (kind: string, sourceId: string) => (await mappedMany(kind, [sourceId])).get(sourceId) ?? null;
  const mappingStatement = (kind: string, sourceId: string, targetId: number | SQL, hash = "") =>
    sql`insert into import_mappings (source, kind, source_id, target_id, hash) values (${source}, ${kind}, ${sourceId}, ${targetId}, ${hash})
        on conflict (source, kind, source_id) do update set target_id = excluded.target_id, hash = excluded.hash, imported_at = excluded.imported_at`;
  const redirectStatements = (paths: string[], kind: LegacyTarget, targetId: number | SQL) =>
    paths.map(
      (p) =>
        sql`insert into legacy_redirects (path, kind, target_id) values (${p}, ${kind}, ${targetId}) on conflict (path) do nothing`,
    );

  // Sections and authors: the mapping, else one of ours with the same slug, else a new one.
  const sectionIds = new Map<string, number>();
  const knownSections = await mappedMany(
    "section",
    doc.sections.map((s) => s.id),
  );
  for (const [position, s] of doc.sections.entries()) {
    let id = knownSections.get(s.id)?.targetId ?? null;
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
      report.redirects += s.permalinks.length;
    }
  }
  const authorIds = new Map<string, number>();
  const knownAuthors = await mappedMany(
    "author",
    doc.authors.map((a) => a.id),
  );
  for (const a of doc.authors) {
    let id = knownAuthors.get(a.id)?.targetId ?? null;
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
      report.redirects += a.permalinks.length;
    }
  }

  // Tags: ours by the slug of the name, as createArticle matches them (created
  // when missing), with their old archive addresses; a few hundred statements per call.
  if (!dry && doc.tags.length) {
    const tagStatements = doc.tags.flatMap((t) => {
      const name = t.name.normalize("NFC").trim().slice(0, 100);
      const slug = slugify(name);
      if (!slug) return [];
      const ours = sql`(select id from tags where slug = ${slug})`;
      report.tags++;
      report.redirects += t.permalinks.length;
      return [
        [
          sql`insert into tags (slug, name) values (${slug}, ${name}) on conflict (slug) do nothing`,
          mappingStatement("tag", t.id, ours),
          ...redirectStatements(t.permalinks, "tag", ours),
        ],
      ];
    });
    let call: SQL[] = [];
    for (const statements of tagStatements) {
      if (call.length + statements.length > 300) {
        await writeContent(db, call, []);
        call = [];
      }
      call.push(...statements);
    }
    if (call.length) await writeContent(db, call, []);
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
  const absoluteOf = (url: string) => {
    try {
      return doc.baseUrl ? new URL(url, doc.baseUrl).toString() : url;
    } catch {
      return url;
    }
  };
  /** One fetch and store per URL and per content in this run, even with several photos in flight. */
  const imageByUrl = new Map<string, Promise<ImageResult>>();
  const imageByHash = new Map<string, Promise<number>>();
  const knownMedia = new Map<string, number>();

  const storeNew = async (
    bytes: Uint8Array,
    hash: string,
    ext: string,
    mime: string,
    size: { width: number; height: number },
    meta: Partial<ImportMedia>,
    title: string,
  ): Promise<number> => {
    const same = await mapped("media-sha256", hash);
    if (same) {
      report.imagesReused++;
      return same.targetId;
    }
    const key = `import/${hash.slice(0, 2)}/${hash.slice(0, 40)}.${ext}`;
    await env.MEDIA.put(key, bytes, { httpMetadata: { contentType: mime } });
    // The row and its content mapping in one batch; a leftover row of the same key is reused.
    const ours = sql`(select id from images where r2_key = ${key})`;
    await writeContent(
      db,
      [
        db
          .insert(images)
          .values({
            r2Key: key,
            width: size.width,
            height: size.height,
            mime,
            bytes: bytes.byteLength,
            alt: (meta.alt || meta.caption || title).normalize("NFC").trim().slice(0, 300),
            caption: (meta.caption ?? "").normalize("NFC").trim().slice(0, 500),
            credit: (meta.credit ?? "").normalize("NFC").trim().slice(0, 100),
          })
          .onConflictDoNothing({ target: images.r2Key }),
        mappingStatement("media-sha256", hash, ours),
      ],
      [],
    );
    const [row] = await db.select({ id: images.id }).from(images).where(eq(images.r2Key, key)).limit(1);
    if (!row) throw new Error(`ảnh ${key} không lưu được`);
    report.imagesStored++;
    return row.id;
  };

  const fetchAndStore = async (absolute: string, meta: Partial<ImportMedia>, title: string): Promise<ImageResult> => {
    // The group's URLs were looked up in bulk before (knownMedia).
    const known = knownMedia.get(absolute);
    if (known !== undefined) {
      report.imagesReused++;
      return { id: known };
    }
    if (dry) return { id: -1 };
    let bytes: Uint8Array;
    try {
      bytes = await opts.fetchBytes(absolute);
    } catch (error) {
      return { error: (error as Error).message };
    }
    const sniffed = sniffImage(bytes);
    if (!sniffed.ok) return { error: sniffed.message };
    const first = sniffed;
    // Deduplicated by the bytes as published; stored upright.
    const hash = sha256(bytes);
    let stored = imageByHash.get(hash);
    if (stored) report.imagesReused++;
    else {
      const original = bytes;
      stored = (async () => {
        const turned = await upright(original);
        const again = turned === original ? null : sniffImage(turned);
        const [out, info] = again?.ok ? [turned, again] : [original, first];
        return storeNew(out, hash, info.ext, info.mime, info, meta, title);
      })();
      imageByHash.set(hash, stored);
    }
    const id = await stored;
    // The media entry's old addresses, and the file's own path when it is an uploads path of the old site.
    const own = legacyPathKey(absolute);
    const paths = [...new Set([...(meta.permalinks ?? []), ...(own?.includes("/wp-content/uploads/") ? [own] : [])])];
    await writeContent(db, [mappingStatement("media", absolute, id), ...redirectStatements(paths, "image", id)], []);
    report.redirects += paths.length;
    return { id };
  };

  /** The image's id, or null (reported missing for this article). */
  const storeImage = async (url: string, meta: Partial<ImportMedia>, item: string, title: string) => {
    const absolute = absoluteOf(url);
    let pending = imageByUrl.get(absolute);
    if (!pending) {
      pending = fetchAndStore(absolute, meta, title).catch(imageFailure);
      imageByUrl.set(absolute, pending);
    }
    const result = await pending;
    if ("error" in result) {
      if (result.fatal) throw result.fatal;
      report.imagesMissing.push({ url: absolute, item, reason: result.error });
      return null;
    }
    return result.id;
  };

  // Slugs given out in this run: articles of one group are checked against D1 together.
  const claimedSlugs = new Map<string, string>();
  const freeSlug = async (wanted: string, ownId: number | null, itemId: string): Promise<string> => {
    for (let n = 1; ; n++) {
      const slug = n === 1 ? wanted : `${wanted}-${n}`;
      const [other] = await groupDb.select({ id: articles.id }).from(articles).where(eq(articles.slug, slug)).limit(1);
      const claimant = claimedSlugs.get(slug);
      if ((!other || other.id === ownId) && (claimant === undefined || claimant === itemId)) {
        claimedSlugs.set(slug, itemId);
        return slug;
      }
    }
  };

  const total = doc.items.length;
  let done = 0;
  const groupSize = Math.max(1, opts.groupSize ?? 20);
  for (const items of chunks(doc.items, groupSize)) {
    if (opts.signal?.aborted || report.stoppedBy) {
      report.stopped = true;
      break;
    }
    const knownArticles = await mappedMany(
      "article",
      items.map((i) => i.id),
    );
    const targetIds = [...knownArticles.values()].map((k) => k.targetId);
    const existingIds = new Set<number>();
    for (const part of chunks(targetIds, IDS_PER_SELECT))
      for (const r of await db.select({ id: articles.id }).from(articles).where(inArray(articles.id, part)))
        existingIds.add(r.id);
    const knownComments = opts.comments
      ? await mappedMany(
          "comment",
          items.flatMap((i) => i.comments.map((c) => commentKey(i.id, c.id))),
        )
      : new Map<string, KnownMapping>();
    const urls = items.flatMap((item) => {
      const featured = item.featuredMedia === null ? undefined : mediaById.get(item.featuredMedia);
      return featured ? [absoluteOf(featured.url)] : [];
    });
    const prepared = items.map((item) => {
      const name = describeProblem({ kind: "article", id: item.id, message: "" }, item.title).replace(/: $/, "");
      const hash = articleHash(item);
      const known = knownArticles.get(item.id);
      const existingId = known && existingIds.has(known.targetId) ? known.targetId : null;
      const unchanged = existingId !== null && known?.hash === hash;
      const read = unchanged ? null : readBody(item.bodyHtml);
      for (const img of read?.images ?? []) urls.push(absoluteOf(originalOf(img.src)));
      return { item, name, hash, existingId, unchanged, read };
    });
    for (const [url, m] of await mappedMany("media", urls)) knownMedia.set(url, m.targetId);

    const finish = () => opts.progress?.(++done, total);
    const tasks = prepared.map((p) => async () => {
      const { item, name, existingId } = p;
      const skip = (reason: string) => report.skipped.push({ item: name, reason });
      try {
        if (p.unchanged) {
          if (opts.comments && existingId !== null && !dry) await writeComments(item, existingId);
          skip("không thay đổi từ lần nhập trước");
          return;
        }
        const read = p.read!;
        const sectionId = sectionIds.get(item.section);
        const authorId = authorIds.get(item.author);
        if (sectionId === undefined) return skip(`chuyên mục “${item.section}” không có trong tệp nhập`);
        if (authorId === undefined) return skip(`tác giả “${item.author}” không có trong tệp nhập`);
        if (read.tooLong) return skip("nội dung quá dài cho một bài viết (tối đa 500 khối, 200.000 ký tự)");
        const featured = item.featuredMedia === null ? undefined : mediaById.get(item.featuredMedia);
        if (item.featuredMedia !== null && !featured)
          report.imagesMissing.push({
            url: `media ${item.featuredMedia}`,
            item: name,
            reason: "ảnh đại diện không có trong tệp nhập",
          });
        const heroImageId = featured ? await storeImage(featured.url, featured, name, item.title) : null;
        const imageIds = await Promise.all(
          read.images.map((img) => {
            const src = originalOf(img.src);
            const meta = mediaByUrl.get(src);
            return storeImage(
              src,
              { ...meta, alt: meta?.alt || img.alt, caption: meta?.caption || img.caption },
              name,
              item.title,
            );
          }),
        );
        // A dry run stores no image: a placeholder id keeps the body's check meaningful.
        let blocks = bodyBlocks(
          read,
          imageIds.map((i) => (i === null ? null : Math.max(i, 1))),
          item.title,
        );
        const lead = leadOf(item, blocks);
        if (!blocks.length) blocks = [{ type: "paragraph", text: lead }];
        const problem = bodyProblem(blocks);
        if (problem) return skip(`nội dung không hợp lệ: ${problem}`);
        if (dry) {
          if (existingId !== null) report.updated++;
          else report.imported++;
          return;
        }
        const slug = await freeSlug(slugify(safeDecode(item.slug ?? "") || item.title), existingId, item.id);
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
        // The source's last-modified time as ours (sitemaps, feeds), set in the article's own batch.
        const modified = (id: number | SQL) =>
          item.modifiedAt ? [sql`update articles set updated_at = ${item.modifiedAt.getTime()} where id = ${id}`] : [];
        const extra = (id: number | SQL) => [
          ...modified(id),
          mappingStatement("article", item.id, id, p.hash),
          ...redirectStatements(item.permalinks, "article", id),
        ];
        let id: number;
        if (existingId !== null) {
          await updateArticle(groupDb, existingId, input, { extra });
          id = existingId;
          report.updated++;
        } else {
          id = await createArticle(groupDb, input, { extra });
          report.imported++;
        }
        report.redirects += item.permalinks.length;
        if (opts.comments) await writeComments(item, id);
      } catch (error) {
        // The API refused or stayed down (--remote): stop after this group, naming the article.
        if ((error as { fatal?: boolean }).fatal) report.stoppedBy ??= `${name}: ${(error as Error).message}`;
        skip((error as Error).message);
      } finally {
        finish();
      }
    });

    /** The article's comments, one batch after it; the article's comment list misses. */
    async function writeComments(item: ImportItem, articleId: number) {
      const c = await commentStatements(source, item, articleId, knownComments);
      if (!c.statements.length) return;
      await writeContent(groupDb, c.statements, [scope.comments(articleId)]);
      report.commentsAdded += c.added;
      report.commentsUpdated += c.updated;
    }

    // Photos first, a few at a time (each article then finds its photos stored), then the articles together.
    const imageJobs = prepared.flatMap((p) => {
      if (!p.read) return [];
      const featured = p.item.featuredMedia === null ? undefined : mediaById.get(p.item.featuredMedia);
      return [
        ...(featured ? [() => prefetchImage(featured.url, featured, p.item.title)] : []),
        ...p.read.images.map((img) => {
          const src = originalOf(img.src);
          const meta = mediaByUrl.get(src);
          return () =>
            prefetchImage(
              src,
              { ...meta, alt: meta?.alt || img.alt, caption: meta?.caption || img.caption },
              p.item.title,
            );
        }),
      ];
    });
    await pool(Math.max(1, opts.imageConcurrency ?? 4), imageJobs);
    await group.run(tasks);
  }

  /** Starts (or joins) an image's fetch and store; its result is read by the article. */
  async function prefetchImage(url: string, meta: Partial<ImportMedia>, title: string) {
    const absolute = absoluteOf(url);
    if (!imageByUrl.has(absolute)) imageByUrl.set(absolute, fetchAndStore(absolute, meta, title).catch(imageFailure));
    await imageByUrl.get(absolute);
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
