// Ctrl+C in the middle of `npm run import`: the terminal sends SIGINT to the
// whole foreground process group (the importer, tsx, wrangler's workerd), so
// the test starts the command in its own group and signals all of it after
// the first progress line. Every article that landed must be whole (mapping,
// revision, search row), and the same command again must bring the rest.
import { spawn } from "node:child_process";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { writeImportSample } from "../../scripts/import-sample";
import { withLocalPlatform } from "../../scripts/local-platform";
import { createTempState, removeTempState } from "../../scripts/temp-state";
import { runScript } from "./run-script";

const ARTICLES = 1000;
const ROOT = resolve(import.meta.dirname, "../..");
let dir: string;
let sample: string;

beforeAll(async () => {
  dir = await createTempState("edge-news-import-resume");
  sample = await writeImportSample(join(dir, "sample"), { articles: ARTICLES, photos: 5 });
});
afterAll(async () => {
  if (dir) await removeTempState(dir);
});

/** Runs the import and sends SIGINT to its process group after `lines` progress lines. */
function interrupted(lines: number): Promise<{ code: number | null; signal: string | null; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn(resolve(ROOT, "node_modules/.bin/tsx"), ["scripts/import.ts", sample, "--persist-to", dir], {
      cwd: ROOT,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
    });
    let output = "";
    let seen = 0;
    let sent = false;
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      seen = (output.match(/\] \d+\/\d+ bài/g) ?? []).length;
      if (!sent && seen >= lines && child.pid) {
        sent = true;
        process.kill(-child.pid, "SIGINT");
      }
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.once("error", fail);
    child.once("close", (code, signal) => done({ code, signal, output }));
  });
}

const wholeness = () =>
  withLocalPlatform(async (env) => {
    const n = (q: string) => env.DB.prepare(q).first<number>("n");
    return {
      articles: (await n("select count(*) as n from articles")) ?? 0,
      broken: await n(`select count(*) as n from articles a where
          not exists (select 1 from import_mappings m where m.kind = 'article' and m.target_id = a.id)
          or not exists (select 1 from article_revisions r where r.article_id = a.id)
          or not exists (select 1 from search_index s where s.rowid = a.id)`),
      orphanMappings: await n(
        "select count(*) as n from import_mappings m where m.kind = 'article' and not exists (select 1 from articles a where a.id = m.target_id)",
      ),
    };
  }, dir);

it("Ctrl+C leaves no half article, and the same command again finishes the rest", async () => {
  const first = await interrupted(1);
  expect(first.output).toMatch(/50\/1000 bài/);
  const partial = await wholeness();
  expect(partial.broken).toBe(0);
  expect(partial.orphanMappings).toBe(0);
  expect(partial.articles).toBeGreaterThanOrEqual(50);
  expect(partial.articles).toBeLessThan(ARTICLES);

  const again = await runScript("scripts/import.ts", [sample, "--persist-to", dir]);
  expect(again.code, again.output).toBe(0);
  expect(again.output).toContain(`Đã nhập mới ${ARTICLES - partial.articles} bài`);
  expect(await wholeness()).toEqual({ articles: ARTICLES, broken: 0, orphanMappings: 0 });
});
