// `npm run backup -- [--persist-to DIR] [--out-dir backups]`
// `npm run backup -- --remote [--env staging|production]`
//
// Writes backups/<time>/ with data.sql (the D1 tables' rows, no schema, no
// search index) and manifest.json (when, from where, the migrations the data
// belongs to, rows per table, and the R2 objects' keys, sizes and ETags).
// The directory appears only when the backup is complete. See docs/operations.md, "Backups".
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { BackupSource } from "./ops/backup-source";
import { countDumpRows, SCHEMA_QUERY, type SchemaRow, tablesToBackUp } from "./ops/backup-tables";
import { DEFAULT_STATE } from "./ops/default-state";
import { withLocalSource } from "./ops/local-source";
import { DATA_FILE, MANIFEST_FILE, type Manifest, newManifest, sha256 } from "./ops/manifest";
import { withRemoteSource } from "./ops/remote-source";

const { values } = parseArgs({
  options: {
    "persist-to": { type: "string" },
    remote: { type: "boolean", default: false },
    env: { type: "string" },
    "out-dir": { type: "string", default: "backups" },
  },
});

async function takeBackup(source: BackupSource, dir: string, createdAt: Date): Promise<Manifest> {
  const tables = tablesToBackUp(await source.query<SchemaRow>(SCHEMA_QUERY));
  if (!tables.includes("articles")) throw new Error("cơ sở dữ liệu chưa có bảng articles (chưa áp dụng migration?)");
  const migrations = (await source.query<{ name: string }>("select name from d1_migrations order by id")).map(
    (r) => r.name,
  );
  console.log(`• ${tables.length} bảng, ${migrations.length} migration; xuất dữ liệu…`);
  const dataPath = join(dir, DATA_FILE);
  await source.exportData(tables, dataPath);
  const data = await readFile(dataPath);
  const counts = countDumpRows(data.toString("utf8"), tables);
  console.log("• Liệt kê ảnh trong R2…");
  const media = await source.listMedia();
  return newManifest({
    createdAt: createdAt.toISOString(),
    source: source.describe,
    migrations,
    data: { file: DATA_FILE, bytes: data.byteLength, sha256: sha256(data) },
    tables: counts,
    media: {
      bucket: media.bucket,
      count: media.objects.length,
      bytes: media.objects.reduce((n, o) => n + o.size, 0),
      objects: media.objects,
    },
  });
}

async function main(): Promise<void> {
  if (values.env && !values.remote) throw new Error("--env chỉ dùng cùng --remote");
  if (values.remote && values["persist-to"])
    throw new Error("--persist-to là trạng thái cục bộ, không dùng cùng --remote");
  const createdAt = new Date();
  const name =
    createdAt
      .toISOString()
      .replace(/\.\d+Z$/, "Z")
      .replace(/:/g, "-") + (values.remote ? `-${values.env ?? "remote"}` : "");
  const finalDir = join(values["out-dir"]!, name);
  if (existsSync(finalDir)) throw new Error(`${finalDir} đã có`);
  // Written under a .partial name and renamed at the end: a directory named
  // like a backup is always a complete one.
  const partialDir = `${finalDir}.partial`;
  await mkdir(partialDir, { recursive: true });
  try {
    const run = (source: BackupSource) => takeBackup(source, partialDir, createdAt);
    const manifest = values.remote
      ? await withRemoteSource(values.env, run)
      : await withLocalSource(values["persist-to"] ?? DEFAULT_STATE, run);
    await writeFile(join(partialDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    await rename(partialDir, finalDir);
    const rows = Object.values(manifest.tables).reduce((a, b) => a + b, 0);
    console.log(
      `Đã sao lưu vào ${finalDir}: ${rows} dòng (${manifest.tables.articles ?? 0} bài viết), ${manifest.media.count} ảnh trong danh sách R2.`,
    );
  } catch (error) {
    await rm(partialDir, { recursive: true, force: true });
    throw error;
  }
}

try {
  await main();
} catch (error) {
  console.error(`Sao lưu thất bại: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
