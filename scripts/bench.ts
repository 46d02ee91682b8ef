// `npm run bench`: sizes and speed of the local Worker (wrangler dev, local
// D1/R2/Cache), then its cached pages against two reference Workers started
// in the same run (scripts/bench/ratios.ts). Prints tables; copy the numbers
// into docs/performance.md, "Benchmark". BENCH_LOAD_SECONDS (default 10) sets
// each autocannon run's length, BENCH_SAMPLES the sequential requests.
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { benchMiss } from "./bench/miss";
import { benchRatios } from "./bench/ratios";
import { benchSearch } from "./bench-search";
import { describeBundle, measureBundle } from "./bundle-size";
import { freePort, startWranglerDev } from "./dev-server";
import { applyLocalMigrations } from "./migrate-local";
import { seedIfEmpty } from "./seed";

const PORT = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : await freePort();
const BASE = `http://localhost:${PORT}`;
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 500);
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 10);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function timed(url: string): Promise<number> {
  const start = performance.now();
  const res = await fetch(url);
  await res.arrayBuffer();
  return performance.now() - start;
}

async function latency(url: string | ((i: number) => string)): Promise<{ p50: number; p99: number }> {
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) times.push(await timed(typeof url === "string" ? url : url(i)));
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

async function load(url: string, connections: number) {
  const result = await autocannon({ url, connections, duration: LOAD_SECONDS });
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

// `npm run bench -- --archive`: the 250,000-article archive instead (scripts/bench-archive.ts).
if (process.argv.includes("--archive")) {
  await import("./bench-archive");
  process.exit(0);
}
const started = Date.now();
applyLocalMigrations();
await seedIfEmpty();
const dev = await startWranglerDev({ port: PORT });
try {
  const home = await (await fetch(`${BASE}/`)).text();
  const article = home.match(/href="(\/[a-z0-9-]+\/[a-z0-9-]+-\d+\.html)"/)?.[1];
  if (!article) throw new Error("no article link on the home page");
  const section = `/${article.split("/")[1]}`;

  console.log("\nPage sizes (HTML with inline CSS)");
  console.log("| page | raw | gzip | brotli |\n|---|---|---|---|");
  for (const [name, path] of [
    ["home", "/"],
    ["section", section],
    ["article", article],
  ] as const) {
    const html = Buffer.from(await (await fetch(BASE + path)).text());
    const br = brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    console.log(`| ${name} | ${kb(html.length)} | ${kb(gzipSync(html, { level: 9 }).length)} | ${kb(br)} |`);
  }

  const page = await (await fetch(BASE + article)).text();
  const photos = [...page.matchAll(/<img src="([^"]+)"/g)].map((m) => m[1]!);
  let photoBytes = 0;
  for (const src of photos)
    photoBytes += (await (await fetch(BASE + src, { headers: { accept: "image/avif,image/webp,*/*" } })).arrayBuffer())
      .byteLength;
  const htmlGzip = gzipSync(Buffer.from(page), { level: 9 }).length;
  console.log(
    `\nArticle on a phone: HTML ${kb(htmlGzip)} gzip + ${photos.length} photos ${kb(photoBytes)} (src variants, AVIF) = ${kb(htmlGzip + photoBytes)}`,
  );

  await fetch(BASE + article); // stored
  const favicon = home.match(/href="(\/_\/[^"]+)"/)?.[1] ?? "/";
  const baseline = await latency(BASE + favicon);
  const hit = await latency(BASE + article);
  console.log(`\nServer time over loopback, ${SAMPLES} sequential requests each (ms)`);
  console.log("| | p50 | p99 |\n|---|---|---|");
  console.log(
    `| static file (wrangler dev's own overhead) | ${baseline.p50.toFixed(2)} | ${baseline.p99.toFixed(2)} |`,
  );
  console.log(`| article, cache HIT | ${hit.p50.toFixed(2)} | ${hit.p99.toFixed(2)} |`);

  // A real MISS every time: the first request for each of SAMPLES copies of a
  // demo article, on a server of its own (scripts/bench/miss.ts), asked in
  // turn with an editor's render of the article (BYPASS: no lookup, no store;
  // how issue 20 measured "28 ms today") and with the floor reference Worker:
  // the same page's bytes from one or two local D1 reads and one cache write.
  const miss = await benchMiss(SAMPLES);
  const row = (what: string, l: { p50: number; p99: number }) =>
    console.log(`| ${what} | ${l.p50.toFixed(2)} | ${l.p99.toFixed(2)} |`);
  console.log(`\nThe article MISS, ${SAMPLES} of each asked in turn on one server (ms)`);
  console.log("| | p50 | p99 |\n|---|---|---|");
  row("static file (wrangler dev's own overhead)", miss.baseline);
  row(`article, MISS (the first request for each of ${SAMPLES} copies of ${miss.article})`, miss.miss);
  row("article rendered for an editor (BYPASS: no lookup, no store)", miss.bypass);
  row("floor reference: the page's bytes from one D1 read, one Cache API write", miss.floorOne);
  row("floor reference: a version read, then the page's bytes, one Cache API write", miss.floorTwo);

  console.log(`\nLoad on the article (autocannon, ${LOAD_SECONDS} s each)`);
  console.log("| connections | requests/s | p99 ms | errors |\n|---|---|---|---|");
  for (const connections of [10, 50]) {
    const r = await load(BASE + article, connections);
    console.log(`| ${connections} | ${r.rps.toFixed(0)} | ${r.p99} | ${r.errors} |`);
  }

  // The production build, measured as CI and `npm run bundle:size` measure it.
  console.log(`\n${describeBundle("production", await measureBundle("production"))}`);

  const tag = page.match(/href="(\/chu-de\/[a-z0-9-]+)"/)?.[1];
  if (!tag) throw new Error("no tag link on the article page");
  await benchRatios(BASE, { article, home: "/", section, tag });
} finally {
  await dev.stop();
}
// BENCH_SKIP_SEARCH=1 skips the 10,000-article search part (it takes minutes).
if (!process.env.BENCH_SKIP_SEARCH) await benchSearch();
console.log(`\nnpm run bench took ${Math.round((Date.now() - started) / 1000)} s`);
