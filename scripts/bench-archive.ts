// `npm run bench -- --archive`: the reader's pages over `wrangler dev` against
// the 250,000-article archive of `npm run archive:generate` (its own state,
// .wrangler/archive-state), and the same kinds of page against the small demo
// paper (`npm start`'s state, seeded if empty) as a reference in the same run.
// Uncached = with an editor's session cookie, which the edge cache never serves
// or stores (the render path); cached = a plain request after a first one
// stored the page. Then the D1 size and, with --backup, the archive's backup
// and restore times with the project's own scripts. Prints tables for
// docs/performance.md.
import { execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ARCHIVE } from "./archive/shape";
import { benchEditorCookie } from "./bench/editor-cookie";
import { importSpeedLines } from "./bench-import";
import { freePort, startWranglerDev } from "./dev-server";
import { applyLocalMigrations } from "./migrate-local";
import { DEFAULT_STATE } from "./ops/default-state";
import { seedIfEmpty } from "./seed";

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 30);
// `--backup` (or BENCH_BACKUP=1) adds the backup (about 70 s at 250,000 articles) and the restore
// (a few minutes, docs/performance.md; each is stopped after BENCH_BACKUP_LIMIT_MIN, default 15).
const WITH_BACKUP = process.argv.includes("--backup") || !!process.env.BENCH_BACKUP;
const GOAL_PAGE = 50;
const GOAL_SEARCH = 150;
const D1_LIMIT = 10 * 1024 ** 3;

type Kind = "page" | "search" | "file";
interface Page {
  /** The row's name: the same for both states. */
  name: string;
  path: string | null;
  kind: Kind;
}
interface Timing {
  p50: number;
  p95: number;
  status: number;
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function measure(url: string, init?: RequestInit): Promise<Timing> {
  const times: number[] = [];
  let status = 0;
  for (let i = 0; i < SAMPLES; i++) {
    const start = performance.now();
    const res = await fetch(url, { redirect: "manual", ...init });
    await res.arrayBuffer();
    times.push(performance.now() - start);
    status = res.status;
  }
  times.sort((a, b) => a - b);
  return { p50: pct(times, 50), p95: pct(times, 95), status };
}

function d1File(state: string): string {
  const dir = join(state, "v3", "d1", "miniflare-D1DatabaseObject");
  const file = existsSync(dir) && readdirSync(dir).find((f) => f.endsWith(".sqlite") && f !== "metadata.sqlite");
  if (!file) throw new Error(`no D1 database in ${state}`);
  return join(dir, file);
}

const sqliteOf = (file: string) => (q: string) => execFileSync("sqlite3", [file, q], { encoding: "utf8" }).trim();

const SEARCHES: [string, string][] = [
  ["search, common, toned (biển)", "biển"],
  ["search, common, toneless (bien)", "bien"],
  ["search, rare, toned (kỳ lân)", "kỳ lân"],
  ["search, rare, toneless (ky lan)", "ky lan"],
];
const search = (q: string) => `/tim-kiem?q=${encodeURIComponent(q)}`;
const NOW_MS = "cast(strftime('%s', 'now') as integer) * 1000";
const published = `status = 'published' and published_at <= ${NOW_MS}`;
const publishedA = `a.status = 'published' and a.published_at <= ${NOW_MS}`;

/**
 * The rows, as paths of one state: its section with most articles (page 1 and
 * a deep keyset page), its largest and smallest tag, its busiest author, an
 * article, the searches, RSS and sitemaps. `notes` says which ones were taken.
 */
function pagesOf(file: string, archive: boolean, notes: string[]): Page[] {
  const sql = sqliteOf(file);
  const section = sql(
    `select s.id || '|' || s.slug from sections s join articles a on a.section_id = s.id where ${publishedA}
      group by s.id order by count(*) desc, s.id limit 1`,
  ).split("|");
  const [sectionId, sectionSlug] = section;
  const sectionCount = Number(sql(`select count(*) from articles where section_id = ${sectionId} and ${published}`));
  // Page 5,000 of the archive's biggest section; the small paper's last page.
  const deep = Math.min(archive ? 5000 : Number.POSITIVE_INFINITY, Math.ceil(sectionCount / 20));
  const cursor =
    deep > 1
      ? sql(
          `select id from articles where section_id = ${sectionId} and ${published}
            order by published_at desc, id desc limit 1 offset ${(deep - 1) * 20 - 1}`,
        )
      : "";
  const tagBy = (order: string) =>
    sql(
      `select t.slug || '|' || count(*) from tags t join article_tags x on x.tag_id = t.id
        group by t.id order by count(*) ${order}, t.id limit 1`,
    ).split("|");
  const [bigTag, bigTagN] = tagBy("desc");
  const [smallTag, smallTagN] = tagBy("asc");
  const author = sql(
    `select au.slug from authors au join articles a on a.author_id = au.id group by au.id order by count(*) desc, au.id limit 1`,
  );
  // The archive's fixed article (mid-archive, three tags, one common); the small paper's newest.
  const article = sql(
    `select '/' || s.slug || '/' || a.slug || '-' || a.id || '.html' from articles a join sections s on s.id = a.section_id
      where ${publishedA} ${archive ? "and a.id = 123457" : ""}
      order by a.published_at desc limit 1`,
  );
  notes.push(
    `section /${sectionSlug} (${sectionCount} articles, deep page ${deep}); tags ${bigTag} (${bigTagN}) and ${smallTag} (${smallTagN}); author ${author}; article ${article}`,
  );
  return [
    { name: "home", path: "/", kind: "page" },
    { name: "section, page 1", path: `/${sectionSlug}`, kind: "page" },
    {
      name: "section, deepest keyset page (archive: 5,000)",
      path: cursor ? `/${sectionSlug}?truoc=${cursor}` : null,
      kind: "page",
    },
    { name: "tag, largest", path: `/chu-de/${bigTag}`, kind: "page" },
    { name: "tag, smallest", path: `/chu-de/${smallTag}`, kind: "page" },
    { name: "author", path: `/tac-gia/${author}`, kind: "page" },
    { name: "article", path: article, kind: "page" },
    ...SEARCHES.map(([name, q]): Page => ({ name, path: search(q), kind: "search" })),
    { name: "RSS", path: "/rss.xml", kind: "file" },
    { name: "sitemap index", path: "/sitemap.xml", kind: "file" },
  ];
}

/** Every sitemap the index names: the news, pages and tags ones and three months; checks the size limits. */
async function sitemapsOf(base: string, notes: string[]): Promise<Page[]> {
  const index = await (await fetch(`${base}/sitemap.xml`)).text();
  const maps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  let maxUrls = 0;
  let maxBytes = 0;
  for (const path of maps) {
    const xml = await (await fetch(base + path)).text();
    maxUrls = Math.max(maxUrls, (xml.match(/<url>/g) ?? []).length);
    maxBytes = Math.max(maxBytes, Buffer.byteLength(xml));
  }
  const months = maps.filter((p) => /articles-\d{4}-\d{2}\.xml$/.test(p));
  notes.push(
    `${maps.length} sitemaps under /sitemap.xml (months ${months.at(-1)?.slice(19, 26)} to ${months[0]?.slice(19, 26)}); ` +
      `the largest has ${maxUrls} URLs and ${(maxBytes / 1024 / 1024).toFixed(2)} MB (limits 50,000 and 50 MB)`,
  );
  // A paper with one month of articles has one month sitemap: timed once.
  const seen = new Set<string>();
  const at = (p: string | undefined) => (p && !seen.has(p) && seen.add(p) ? p : null);
  return [
    { name: "sitemap news.xml", path: at(maps.find((p) => p.endsWith("/news.xml"))), kind: "file" },
    { name: "sitemap pages.xml", path: at(maps.find((p) => p.endsWith("/pages.xml"))), kind: "file" },
    { name: "sitemap tags.xml", path: at(maps.find((p) => p.endsWith("/tags.xml"))), kind: "file" },
    { name: "sitemap, newest month", path: at(months[0]), kind: "file" },
    { name: "sitemap, middle month", path: at(months[Math.floor(months.length / 2)]), kind: "file" },
    { name: "sitemap, oldest month", path: at(months.at(-1)), kind: "file" },
  ];
}

/** Serves one state and times its pages, uncached then cached. */
async function timeState(
  label: string,
  state: string | undefined,
  pages: Page[],
  notes: string[],
): Promise<{ timings: Map<string, { miss: Timing; hit: Timing }>; sitemaps: Page[] }> {
  const port = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : await freePort();
  const dev = await startWranglerDev({ port, ...(state ? { persistTo: state } : {}) });
  const timings = new Map<string, { miss: Timing; hit: Timing }>();
  try {
    const sitemaps = await sitemapsOf(dev.url, notes);
    for (const page of [...pages, ...sitemaps]) {
      if (!page.path) continue;
      const url = dev.url + page.path;
      const miss = await measure(url, { headers: { cookie: await benchEditorCookie() } });
      await fetch(url);
      const hit = await measure(url);
      timings.set(page.name, { miss, hit });
      console.log(
        `${label} | ${page.name} | ${miss.status} | ${miss.p50.toFixed(1)} / ${miss.p95.toFixed(1)} | ${hit.p50.toFixed(1)} / ${hit.p95.toFixed(1)}`,
      );
    }
    return { timings, sitemaps };
  } finally {
    await dev.stop();
  }
}

/**
 * Seconds a project script takes, or null when it is still running after
 * `limitMs` (then it is stopped with its whole process group: wrangler and
 * workerd too). Throws with its output when it fails.
 */
async function timedScript(script: string, args: string[], limitMs: number): Promise<number | null> {
  const start = performance.now();
  const child = spawn("npx", ["tsx", script, ...args], {
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "1" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const timer = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), limitMs);
  const [code, signal] = (await once(child, "exit")) as [number | null, string | null];
  clearTimeout(timer);
  if (signal === "SIGKILL") return null;
  if (code !== 0) throw new Error(`${script} failed\n${output}`);
  return (performance.now() - start) / 1000;
}

// --- main -----------------------------------------------------------------

if (!existsSync(join(ARCHIVE.state, "v3", "d1")))
  throw new Error(`no archive at ${ARCHIVE.state}: run \`npm run archive:generate\` first`);
const archiveFile = d1File(ARCHIVE.state);
applyLocalMigrations();
await seedIfEmpty();
const smallFile = d1File(DEFAULT_STATE);

const archiveNotes: string[] = [];
const smallNotes: string[] = [];
const archivePages = pagesOf(archiveFile, true, archiveNotes);
const smallPages = pagesOf(smallFile, false, smallNotes);
const archive = await timeState("archive", ARCHIVE.state, archivePages, archiveNotes);
const small = await timeState("small", undefined, smallPages, smallNotes);

const cell = (m: { miss: Timing; hit: Timing } | undefined, which: "miss" | "hit") =>
  m ? `${m[which].p50.toFixed(1)} / ${m[which].p95.toFixed(1)}` : "—";
const rows = [
  "| page | archive uncached p50 / p95 | archive cached p50 / p95 | small uncached p50 / p95 | small cached p50 / p95 |",
  "| --- | --- | --- | --- | --- |",
];
let worstPage = 0;
let worstSearch = 0;
for (const page of [...archivePages, ...archive.sitemaps]) {
  const a = archive.timings.get(page.name);
  const s = small.timings.get(page.name);
  if (a && page.kind !== "search") worstPage = Math.max(worstPage, a.miss.p95);
  if (a && page.kind === "search") worstSearch = Math.max(worstSearch, a.miss.p95);
  const bad = a && a.miss.status !== 200 ? ` (HTTP ${a.miss.status})` : "";
  rows.push(`| ${page.name}${bad} | ${cell(a, "miss")} | ${cell(a, "hit")} | ${cell(s, "miss")} | ${cell(s, "hit")} |`);
}
rows.push("", `Archive: ${archiveNotes.join("; ")}.`, `Small demo paper: ${smallNotes.join("; ")}.`);

const bytes = statSync(archiveFile).size;
const perYear = bytes / ARCHIVE.years;
rows.push(
  "",
  `D1 database: ${(bytes / 1024 ** 2).toFixed(0)} MB for ${ARCHIVE.articles.toLocaleString("en")} articles over ${ARCHIVE.years} years: ` +
    `${(perYear / 1024 ** 2).toFixed(0)} MB per year of publishing; the 10 GB limit is reached after ${(D1_LIMIT / perYear).toFixed(0)} years.`,
);

if (WITH_BACKUP) {
  const LIMIT_MS = Number(process.env.BENCH_BACKUP_LIMIT_MIN ?? 15) * 60_000;
  // The local path of the project's scripts (the remote one needs Cloudflare):
  // `npm run backup -- --persist-to` the archive, `npm run restore -- --persist-to` a throwaway state.
  const work = mkdtempSync(join(tmpdir(), "archive-backup-"));
  try {
    const backupSeconds = await timedScript(
      "scripts/backup.ts",
      ["--persist-to", ARCHIVE.state, "--out-dir", work],
      LIMIT_MS,
    );
    const dir = readdirSync(work).find((f) => !f.endsWith(".partial"));
    const dataBytes = dir ? statSync(join(work, dir, "data.sql")).size : 0;
    const restoreSeconds = dir
      ? await timedScript("scripts/restore.ts", [join(work, dir), "--persist-to", join(work, "restored")], LIMIT_MS)
      : null;
    const took = (t: number | null) =>
      t === null ? `not finished after ${LIMIT_MS / 60_000} min (stopped)` : `${t.toFixed(0)} s`;
    rows.push(
      `Backup (\`npm run backup -- --persist-to ${ARCHIVE.state}\`, the local path): ${took(backupSeconds)}, ` +
        `data.sql ${(dataBytes / 1024 ** 2).toFixed(0)} MiB; restore into a new local state (\`npm run restore -- <dir> --persist-to DIR\`, ` +
        `search index rebuilt): ${took(restoreSeconds)}.`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

rows.push(
  `Goals (archive, uncached): page p95 <= ${GOAL_PAGE} ms: worst ${worstPage.toFixed(1)} ms (${worstPage <= GOAL_PAGE ? "met" : "NOT met"}); ` +
    `search p95 <= ${GOAL_SEARCH} ms: worst ${worstSearch.toFixed(1)} ms (${worstSearch <= GOAL_SEARCH ? "met" : "NOT met"}).`,
);
rows.push(...(await importSpeedLines())); // import speed: scripts/bench-import.ts
console.log(`\nArchive bench, ${SAMPLES} sequential requests each (ms)\n${rows.join("\n")}`);
