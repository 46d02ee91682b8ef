// Backing up a local state (.wrangler/state or a --persist-to directory).
//
// `wrangler d1 export --local` has no --persist-to and always reads the state
// next to wrangler.toml, so the data is exported through getPlatformProxy
// with the statement wrangler's own local export sends to miniflare's D1
// (`PRAGMA miniflare_d1_export(noSchema, noData, ...tables)`).
import { existsSync } from "node:fs";
import { appendFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { withLocalPlatform } from "../local-platform";
import type { BackupSource } from "./backup-source";
import { listAllMedia } from "./media-list";
import { projectBindings } from "./project-config";

export async function withLocalSource<T>(state: string, fn: (source: BackupSource) => Promise<T>): Promise<T> {
  // getPlatformProxy would quietly create an empty database; a missing state is a mistake.
  if (!existsSync(join(state, "v3", "d1")))
    throw new Error(`không có D1 cục bộ trong ${state} (chạy npm start, hoặc kiểm tra --persist-to)`);
  return withLocalPlatform(
    async (env) =>
      fn({
        describe: { kind: "local", state: resolve(state) },
        async query<T>(sql: string) {
          return (await env.DB.prepare(sql).all<T>()).results;
        },
        async exportData(tables, file) {
          // The answer is one row whose cells are the dump's lines. One table at a
          // time: all of a 250,000-article archive at once (about 500 MB) broke the
          // proxy's answer ("fetch failed"); each call starts with the same pragma.
          await writeFile(file, "");
          for (const [i, table] of tables.entries()) {
            const [lines = []] = await env.DB.prepare("PRAGMA miniflare_d1_export(?,?,?);")
              .bind(1, 0, table)
              .raw<string[]>();
            if (lines.length) await appendFile(file, (i ? "\n" : "") + lines.join("\n"));
          }
        },
        async listMedia() {
          return { bucket: projectBindings().bucket, objects: await listAllMedia(env.MEDIA) };
        },
      }),
    state,
  );
}
