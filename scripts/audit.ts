// `npm run audit`: Lighthouse (mobile preset) on the home page, a section and
// an article of the local Worker. Starts its own copy of the site (a fresh
// temp state with the demo paper, port AUDIT_PORT, default 8791), or audits
// a running one at AUDIT_URL. Each page is audited AUDIT_RUNS times (default
// 3) and the median run kept. Reports go to reports/lighthouse/ (git-ignored);
// exits 1 when any category scores below 95.
import { mkdir, writeFile } from "node:fs/promises";
import { availableParallelism, loadavg } from "node:os";
import { join } from "node:path";
import { serveBaselinePage } from "./audit/baseline-page";
import { withLighthouse } from "./audit/lighthouse-run";
import { CATEGORIES, PASS_SCORE, summarise, table, type PageSummary } from "./audit/summary";
import { startLocalSite, type LocalSite } from "./local-site";

const REPORTS = "reports/lighthouse";
const RUNS = Number(process.env.AUDIT_RUNS ?? 3);

async function pagesToAudit(base: string): Promise<[string, string][]> {
  const home = await (await fetch(base + "/")).text();
  const article = /href="(\/[a-z0-9-]+\/[a-z0-9-]+-\d+\.html)"/.exec(home)?.[1];
  if (!article) throw new Error(`no article link on ${base}/`);
  return [["home", "/"], ["section", `/${article.split("/")[1]}`], ["article", article]];
}

let site: LocalSite | undefined;
const base = process.env.AUDIT_URL?.replace(/\/$/, "") ?? (site = await startLocalSite(Number(process.env.AUDIT_PORT ?? 8791))).baseUrl;
try {
  await mkdir(REPORTS, { recursive: true });
  const pages = await pagesToAudit(base);
  // Readers mostly get pages from the edge cache: audit the cached page, not the first render.
  for (const [, path] of pages) for (let i = 0; i < 2; i++) await (await fetch(base + path)).arrayBuffer();

  const baselinePage = await serveBaselinePage();
  const { results, baseline } = await withLighthouse(async (audit) => {
    console.log(`Lighthouse (${RUNS}x): an almost empty page, to measure this machine`);
    const baseline = summarise("(empty page)", (await audit(baselinePage.url, RUNS)).lhr);
    const out: PageSummary[] = [];
    for (const [name, path] of pages) {
      console.log(`Lighthouse (${RUNS}x): ${base}${path}`);
      const report = await audit(base + path, RUNS);
      await writeFile(join(REPORTS, `${name}.report.json`), report.json);
      await writeFile(join(REPORTS, `${name}.report.html`), report.html);
      out.push(summarise(name, report.lhr));
    }
    return { results: out, baseline };
  }).finally(() => baselinePage.close());

  console.log(`\n${table([...results, baseline])}\n`);
  const busy = loadavg()[0]! > availableParallelism();
  console.log(`Host: ${availableParallelism()} CPUs, load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}, Lighthouse benchmarkIndex ${[...results, baseline].map((p) => p.benchmarkIndex).join(", ")}`);
  if (busy || baseline.scores.performance < 100) {
    console.log("  The machine is busy or slow: main-thread times include waiting for a CPU, so TBT and performance are lower than the pages deserve (compare the empty page). Rerun on an idle machine for numbers to publish.");
  }
  console.log("");
  for (const p of results) {
    if (p.lost.length) console.log(`${p.name} (${p.url}) lost points on:\n${p.lost.map((l) => `  - ${l}`).join("\n")}`);
  }
  console.log(`Reports: ${REPORTS}/`);
  const failing = results.filter((p) => CATEGORIES.some((c) => p.scores[c] < PASS_SCORE));
  if (failing.length) {
    console.error(`Below ${PASS_SCORE}: ${failing.map((p) => p.name).join(", ")}`);
    process.exitCode = 1;
  }
} finally {
  await site?.stop();
}
