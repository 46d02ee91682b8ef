// Builds the restored database in a staging state, step by step; the target
// state is not touched here (see state-swap.ts).
import { join } from "node:path";
import { openDatabase } from "../../src/db/client";
import { reindexAllArticles } from "../../src/db/search-reindex";
import { withLoopbackBindings } from "../import/remote-loopback";
import { withLocalPlatform } from "../local-platform";
import { applyLocalMigrations } from "../migrate-local";
import { loadDump } from "./dump-load";
import { writeExactMigrationsConfig } from "./exact-migrations";
import type { Manifest } from "./manifest";
import { step } from "./restore-step";
import { runWrangler } from "./wrangler-cli";

const quoteId = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function buildRestoredDatabase(
  staging: string,
  manifest: Manifest,
  dataPath: string,
  newer: string[],
): Promise<{ indexed: number | null }> {
  const local = ["--local", "--persist-to", staging];
  const config = await writeExactMigrationsConfig(join(staging, "exact-migrations"), manifest.migrations);

  await step(`Áp dụng ${manifest.migrations.length} migration của bản sao lưu`, () => {
    runWrangler(["d1", "migrations", "apply", "DB", ...local, "--config", config]);
  });
  // Streamed, table by table with parents first, a few thousand rows per
  // batch through the real local D1 (the importer's loopback API: one HTTP
  // request per batch). Not one transaction, and need not be: the staging
  // state is swapped in only when every step passed (dump-load.ts).
  await step("Nạp dữ liệu", () =>
    withLoopbackBindings(staging, async (env) => {
      await loadDump(env.DB, dataPath, {
        onTable: (table, rows, seconds) =>
          console.log(`  ${table}: ${rows.toLocaleString("en-US")} dòng, ${seconds.toFixed(1)} s`),
      });
    }),
  );
  await step("Kiểm tra số dòng từng bảng", () =>
    withLocalPlatform(async (env) => {
      const wrong: string[] = [];
      for (const [table, expected] of Object.entries(manifest.tables)) {
        const n = await env.DB.prepare(`select count(*) as n from ${quoteId(table)}`).first<number>("n");
        if (n !== expected) wrong.push(`${table}: ${n}, cần ${expected}`);
      }
      if (wrong.length) throw new Error(`số dòng không khớp manifest: ${wrong.join("; ")}`);
    }, staging),
  );
  if (newer.length) {
    await step(`Áp dụng ${newer.length} migration mới hơn (${newer.join(", ")})`, () => applyLocalMigrations(staging));
  }
  // On loopback too: a page's index writes are one request there, while the
  // platform proxy makes each prepare() and bind() a round trip (it managed
  // 10,000 of the archive's 250,000 articles in 2.5 minutes).
  return step("Lập lại chỉ mục tìm kiếm, kiểm tra khóa ngoại", () =>
    withLoopbackBindings(staging, async (env) => {
      await reindexAllArticles(openDatabase(env.DB));
      const indexed = await env.DB.prepare("select count(*) as n from search_index").first<number>("n");
      const articles = await env.DB.prepare("select count(*) as n from articles").first<number>("n");
      if (indexed !== articles) throw new Error(`chỉ mục có ${indexed} bài, bảng articles có ${articles}`);
      const broken = await env.DB.prepare("pragma foreign_key_check").all();
      if (broken.results.length)
        throw new Error(
          `${broken.results.length} dòng trỏ tới dòng không tồn tại: ${JSON.stringify(broken.results.slice(0, 5))}`,
        );
      return { indexed };
    }),
  );
}
