// manifest.json: what a backup holds, written by `npm run backup` and
// checked by `npm run restore` before anything is touched.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";

export const MANIFEST_FILE = "manifest.json";
export const DATA_FILE = "data.sql";
const FORMAT = "edge-news-backup/1";

const mediaObject = z.object({ key: z.string(), size: z.number(), etag: z.string(), uploaded: z.string() });
export type MediaObject = z.infer<typeof mediaObject>;

const manifestSchema = z.object({
  format: z.literal(FORMAT),
  createdAt: z.string(),
  source: z.union([
    z.object({ kind: z.literal("local"), state: z.string() }),
    z.object({
      kind: z.literal("remote"),
      env: z.string().nullable(),
      database: z.string(),
      databaseId: z.string(),
      bucket: z.string(),
    }),
  ]),
  /** Migrations applied to the source when the backup was taken, in order. */
  migrations: z.array(z.string()),
  /** The D1 data: INSERT statements for the real tables (no schema, no search index). */
  data: z.object({ file: z.literal(DATA_FILE), bytes: z.number(), sha256: z.string() }),
  /** Rows per table in data.sql. */
  tables: z.record(z.string(), z.number()),
  /** The R2 bucket's objects (a listing: the photos themselves are not in the backup). */
  media: z.object({ bucket: z.string(), count: z.number(), bytes: z.number(), objects: z.array(mediaObject) }),
});
export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestSource = Manifest["source"];

export function newManifest(fields: Omit<Manifest, "format">): Manifest {
  return { format: FORMAT, ...fields };
}

export const sha256 = (bytes: Uint8Array | string) => createHash("sha256").update(bytes).digest("hex");

async function fileSha256(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** Reads a backup directory's manifest and checks data.sql is the file it describes. */
export async function readBackup(dir: string): Promise<{ manifest: Manifest; dataPath: string }> {
  const raw = await readFile(join(dir, MANIFEST_FILE), "utf8").catch(() => {
    throw new Error(`${dir} không phải thư mục sao lưu: thiếu ${MANIFEST_FILE}`);
  });
  const parsed = manifestSchema.safeParse(JSON.parse(raw));
  if (!parsed.success)
    throw new Error(
      `${join(dir, MANIFEST_FILE)} không hợp lệ: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  const dataPath = join(dir, DATA_FILE);
  const bytes = await stat(dataPath).then(
    (s) => s.size,
    () => {
      throw new Error(`thiếu ${dataPath}`);
    },
  );
  // Streamed: an archive's data.sql is hundreds of MB.
  if (bytes !== parsed.data.data.bytes || (await fileSha256(dataPath)) !== parsed.data.data.sha256) {
    throw new Error(`${dataPath} không khớp với manifest (tệp bị sửa hoặc chép thiếu)`);
  }
  return { manifest: parsed.data, dataPath };
}
