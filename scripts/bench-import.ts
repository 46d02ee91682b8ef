// Import speed for `npm run bench -- --archive` (and alone: `tsx
// scripts/bench-import.ts [articles]`): a generated archive
// (./import-sample.ts, 2,000 articles by default, photos from file: URLs)
// imported into a throwaway local state, then imported again (everything
// unchanged). Two paths: the one `npm run import` takes (the HTTP APIs of
// `--remote`, answered on loopback over the local state,
// ./import/remote-loopback.ts) and, for comparison, wrangler's platform proxy,
// which makes every prepare() and bind() a synchronous round trip.
// Lines for docs/import.md "Speed".
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fetchBytes } from "./import";
import { readDocument } from "./import/format";
import { withLoopbackBindings } from "./import/remote-loopback";
import { type ImportReport, writeImport } from "./import/writer";
import { writeImportSample } from "./import-sample";
import { withLocalPlatform } from "./local-platform";
import { createTempState, removeTempState } from "./temp-state";

type Env = { DB: D1Database; MEDIA: R2Bucket };

async function measure(
  label: string,
  articles: number,
  photos: number,
  withEnv: (dir: string, fn: (env: Env) => Promise<string>) => Promise<string>,
) {
  const dir = await createTempState("edge-news-bench-import");
  try {
    const file = await writeImportSample(join(dir, "sample"), { articles, photos });
    const { doc, problems } = readDocument(JSON.parse(await readFile(file, "utf8")));
    return await withEnv(dir, async (env) => {
      const first: ImportReport = await writeImport(env, doc, problems, { fetchBytes, comments: true });
      const again = await writeImport(env, doc, problems, { fetchBytes, comments: true });
      const rate = (n: number, ms: number) => ((n * 1000) / ms).toFixed(1);
      return (
        `Import speed (${label}): ${first.imported} articles with ${first.imagesStored} photos (file: URLs) and ${first.commentsAdded} comments ` +
        `in ${(first.ms / 1000).toFixed(1)} s = ${rate(first.imported, first.ms)} articles/s; ` +
        `rerun (all unchanged) ${(again.ms / 1000).toFixed(1)} s = ${rate(doc.items.length, again.ms)} articles/s.`
      );
    });
  } finally {
    await removeTempState(dir);
  }
}

const viaProxy = (dir: string, fn: (env: Env) => Promise<string>) => withLocalPlatform(fn, dir);

async function viaLoopbackApi(dir: string, fn: (env: Env) => Promise<string>) {
  return withLoopbackBindings(dir, fn);
}

export async function importSpeedLines(
  articles = Number(process.env.BENCH_IMPORT_ARTICLES ?? 2000),
): Promise<string[]> {
  const photos = Number(process.env.BENCH_IMPORT_PHOTOS ?? 200);
  return [
    await measure("npm run import: HTTP APIs on loopback", articles, photos, viaLoopbackApi),
    await measure("same writer through wrangler's platform proxy", articles, photos, viaProxy),
  ];
}

if (import.meta.url === `file://${process.argv[1]}`)
  for (const line of await importSpeedLines(process.argv[2] ? Number(process.argv[2]) : undefined)) console.log(line);
