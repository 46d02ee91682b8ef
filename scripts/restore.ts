// `npm run restore -- backups/<dir> [--persist-to DIR] [--yes]`
//
// Restores a backup into a LOCAL database only (.wrangler/state, or a
// --persist-to state): the backup's migrations, its data, newer migrations,
// the search index, built aside and swapped in only when every step
// succeeded, so a failed restore leaves the target as it was. Then checks the
// photos the backup lists are in the target's R2. See docs/operations.md, "Backups".
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { DEFAULT_STATE } from "./ops/default-state";
import { readBackup } from "./ops/manifest";
import { migrationsAfter } from "./ops/migration-files";
import { RestoreStepError } from "./ops/restore-step";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    "persist-to": { type: "string" },
    yes: { type: "boolean", default: false },
    // Recognised only to refuse them clearly.
    remote: { type: "boolean", default: false },
    env: { type: "string" },
  },
});

/** Overwriting the developer's own state needs a yes; a named --persist-to state is the caller's choice. */
async function confirmDefaultState(backupDir: string): Promise<void> {
  if (values["persist-to"] || values.yes) return;
  if (!process.stdin.isTTY)
    throw new Error(`sẽ ghi đè D1 cục bộ trong ${DEFAULT_STATE}: thêm --yes để đồng ý (hoặc chọn --persist-to DIR)`);
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question(`Xóa D1 cục bộ trong ${DEFAULT_STATE} và thay bằng ${backupDir}? (y/N) `);
  rl.close();
  if (!/^(y|yes|c|co|có)$/i.test(answer.trim())) throw new Error("đã hủy, không thay đổi gì");
}

async function main(): Promise<void> {
  if (values.remote || values.env)
    throw new Error("chỉ khôi phục vào D1 cục bộ; không bao giờ ghi lên cơ sở dữ liệu trên Cloudflare");
  const [backupDir, ...extra] = positionals;
  if (!backupDir || extra.length)
    throw new Error("cách dùng: npm run restore -- backups/<thư mục> [--persist-to DIR] [--yes]");

  const { manifest, dataPath } = await readBackup(backupDir);
  const newer = migrationsAfter(manifest.migrations);
  const from =
    manifest.source.kind === "local" ? "cục bộ" : `Cloudflare${manifest.source.env ? `, ${manifest.source.env}` : ""}`;
  console.log(
    `Bản sao lưu ${manifest.createdAt} (${from}): ${manifest.tables.articles ?? 0} bài viết, ${manifest.migrations.length} migration.`,
  );
  await confirmDefaultState(backupDir);

  // Loaded only now (it brings wrangler and the app's modules), so a refusal above answers at once.
  const { restoreIntoState } = await import("./ops/restore-into-state");
  await restoreIntoState(values["persist-to"] ?? DEFAULT_STATE, manifest, dataPath, newer);
}

try {
  await main();
} catch (error) {
  if (error instanceof RestoreStepError) {
    console.error(`Khôi phục thất bại ở bước "${error.step}": ${error.message}\nD1 đích không bị thay đổi.`);
  } else {
    console.error(`Không khôi phục: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(1);
}
