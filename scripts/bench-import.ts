// Import speed for `npm run bench -- --archive` (and alone: `tsx
// scripts/bench-import.ts [articles]`): a generated archive
// (./import-sample.ts, 2,000 articles by default, photos from file: URLs)
// imported into a throwaway local state through wrangler's platform proxy,
// then imported again (everything unchanged). One line for docs/performance.md.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fetchBytes } from "./import";
import { readDocument } from "./import/format";
import { writeImport } from "./import/writer";
import { writeImportSample } from "./import-sample";
import { withLocalPlatform } from "./local-platform";
import { createTempState, removeTempState } from "./temp-state";

export async function importSpeedLine(articles = Number(process.env.BENCH_IMPORT_ARTICLES ?? 2000)): Promise<string> {
  const dir = await createTempState("edge-news-bench-import");
  try {
    const photos = Number(process.env.BENCH_IMPORT_PHOTOS ?? 200);
    const file = await writeImportSample(join(dir, "sample"), { articles, photos });
    const { doc, problems } = readDocument(JSON.parse(await readFile(file, "utf8")));
    return await withLocalPlatform(async (env) => {
      const first = await writeImport(env, doc, problems, { fetchBytes, comments: true });
      const again = await writeImport(env, doc, problems, { fetchBytes, comments: true });
      const rate = (n: number, ms: number) => ((n * 1000) / ms).toFixed(1);
      return (
        `Import speed: ${first.imported} articles with ${first.imagesStored} photos (file: URLs) and ${first.commentsAdded} comments ` +
        `in ${(first.ms / 1000).toFixed(1)} s = ${rate(first.imported, first.ms)} articles/s; ` +
        `rerun (all unchanged) ${(again.ms / 1000).toFixed(1)} s = ${rate(doc.items.length, again.ms)} articles/s.`
      );
    }, dir);
  } finally {
    await removeTempState(dir);
  }
}

if (import.meta.url === `file://${process.argv[1]}`)
  console.log(await importSpeedLine(process.argv[2] ? Number(process.argv[2]) : undefined));
