// `npm run bench -- --archive`: the reader's pages over `wrangler dev` against
// the 250,000-article archive of `npm run archive:generate` (its own state,
// .wrangler/archive-state). Uncached = with an editor's session cookie, which
// the edge cache never serves or stores (the render path); cached = a plain
// request after a first one stored the page. Prints tables for docs/performance.md.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { EDITOR_SESSION_COOKIE } from "../src/edge/policy";
import { ARCHIVE } from "./archive/shape";
import { importSpeedLines } from "./bench-import";
import { startWranglerDev } from "./dev-server";

const PORT = Number(process.env.BENCH_PORT ?? 8798);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 40);
const GOAL_PAGE = 50;
const GOAL_SEARCH = 150;
const D1_LIMIT = 10 * 1024 ** 3;

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function timed(url: string, init?: RequestInit): Promise<{ ms: number; status: number; bytes: number }> {
  const start = performance.now();
  const res = await fetch(url, { redirect: "manual", ...init });
  const body = await res.arrayBuffer();
  return { ms: performance.now() - start, status: res.status, bytes: body.byteLength };
}

async function measure(url: string, init?: RequestInit) {
  const times: number[] = [];
  let last = { ms: 0, status: 0, bytes: 0 };
  for (let i = 0; i < SAMPLES; i++) {
    last = await timed(url, init);
    times.push(last.ms);
  }
  times.sort((a, b) => a - b);
  return { p50: pct(times, 50), p95: pct(times, 95), status: last.status, bytes: last.bytes };
}

const dbDir = join(ARCHIVE.state, "v3", "d1", "miniflare-D1DatabaseObject");
if (!existsSync(dbDir)) throw new Error(`no archive at ${ARCHIVE.state}: run \`npm run archive:generate\` first`);
const dbFile = join(dbDir, readdirSync(dbDir).find((f) => f.endsWith(".sqlite") && f !== "metadata.sqlite")!);
const sqlite = (q: string) => execFileSync("sqlite3", [dbFile, q], { encoding: "utf8" }).trim();

// Cursors for deep pages: the article after which a section's page 5,000 starts.
const deepPage = 5000;
const firstSection = ARCHIVE.sections[0]!.slug;
const sectionCount = Number(sqlite("select count(*) from articles where section_id = 1 and status = 'published'"));
const deepReachable = Math.min(deepPage, Math.floor(sectionCount / 20));
const deepCursor = sqlite(
  `select id from articles where section_id = 1 and status = 'published' order by published_at desc, id desc limit 1 offset ${(deepReachable - 1) * 20 - 1}`,
);
const oneArticle = sqlite(
  "select a.id || '|' || a.slug || '|' || s.slug from articles a join sections s on s.id = a.section_id where a.id = 123457",
);
const [artId, artSlug, artSection] = oneArticle.split("|");

const dev = await startWranglerDev({ port: PORT, persistTo: ARCHIVE.state });
const base = dev.url;
const rows: string[] = [];
let worstPage = 0;
let worstSearch = 0;
try {
  const pages: [string, string, "page" | "search" | "file"][] = [
    ["home", "/", "page"],
    [`section, page 1 (/${firstSection})`, `/${firstSection}`, "page"],
    [`section, page ${deepReachable} (keyset)`, `/${firstSection}?truoc=${deepCursor}`, "page"],
    ["tag, common (chu-de-1, 5,000 articles)", "/chu-de/chu-de-1", "page"],
    ["tag, rarer (chu-de-1500, 250 articles)", "/chu-de/chu-de-1500", "page"],
    ["author", "/tac-gia/phong-vien-7", "page"],
    ["article", `/${artSection}/${artSlug}-${artId}.html`, "page"],
    ["search, common, toned (biển)", `/tim-kiem?q=${encodeURIComponent("biển")}`, "search"],
    ["search, common, toneless (bien)", "/tim-kiem?q=bien", "search"],
    ["search, rare, toned (kỳ lân)", `/tim-kiem?q=${encodeURIComponent("kỳ lân")}`, "search"],
    ["search, rare, toneless (ky lan)", `/tim-kiem?q=${encodeURIComponent("ky lan")}`, "search"],
    ["RSS", "/rss.xml", "file"],
    ["sitemap index", "/sitemap.xml", "file"],
  ];
  // Every sitemap the index names.
  const index = await (await fetch(`${base}/sitemap.xml`)).text();
  const maps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  let maxUrls = 0;
  let maxBytes = 0;
  for (const path of maps) {
    const xml = await (await fetch(base + path)).text();
    maxUrls = Math.max(maxUrls, (xml.match(/<url>/g) ?? []).length);
    maxBytes = Math.max(maxBytes, Buffer.byteLength(xml));
  }
  const sitemapSample = [...new Set([maps[0], maps[Math.floor(maps.length / 2)], maps.at(-1)])].filter(
    Boolean,
  ) as string[];
  for (const p of sitemapSample) pages.push([`sitemap ${p}`, p, "file"]);

  rows.push("| page | status | uncached p50 | uncached p95 | cached p50 | cached p95 |", "|---|---|---|---|---|---|");
  for (const [name, path, kind] of pages) {
    const url = base + path;
    const miss = await measure(url, { headers: { cookie: `${EDITOR_SESSION_COOKIE}=bench` } });
    await fetch(url);
    const hit = await measure(url);
    if (kind === "page") worstPage = Math.max(worstPage, miss.p95);
    if (kind === "search") worstSearch = Math.max(worstSearch, miss.p95);
    rows.push(
      `| ${name} | ${miss.status} | ${miss.p50.toFixed(1)} | ${miss.p95.toFixed(1)} | ${hit.p50.toFixed(1)} | ${hit.p95.toFixed(1)} |`,
    );
    console.log(rows.at(-1));
  }
  rows.push(
    "",
    `Sitemaps: ${maps.length} files under /sitemap.xml; the largest has ${maxUrls} URLs and ${(maxBytes / 1024 / 1024).toFixed(2)} MB (limits 50,000 and 50 MB).`,
  );
} finally {
  await dev.stop();
}

const bytes = statSync(dbFile).size;
const perYear = bytes / ARCHIVE.years;
rows.push(
  `D1 database: ${(bytes / 1024 ** 2).toFixed(0)} MB for ${ARCHIVE.articles.toLocaleString("en")} articles over ${ARCHIVE.years} years: ` +
    `${(perYear / 1024 ** 2).toFixed(0)} MB per year of publishing; the 10 GB limit is reached after ${(D1_LIMIT / perYear).toFixed(0)} years.`,
  `Goals: uncached page p95 <= ${GOAL_PAGE} ms: worst ${worstPage.toFixed(1)} ms (${worstPage <= GOAL_PAGE ? "met" : "NOT met"}); ` +
    `search p95 <= ${GOAL_SEARCH} ms: worst ${worstSearch.toFixed(1)} ms (${worstSearch <= GOAL_SEARCH ? "met" : "NOT met"}).`,
);
rows.push(...(await importSpeedLines())); // import speed: scripts/bench-import.ts
console.log(`\nArchive bench, ${SAMPLES} sequential requests each (ms)\n${rows.join("\n")}`);
