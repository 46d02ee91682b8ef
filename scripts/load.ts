// `npm run load`: a minute of mixed reading (autocannon, 100 connections)
// while 20 writers post comments and poll votes through the reader forms,
// against a snapshot of the site served locally on its own port (8790) with
// its own temporary state and the demo paper. Then checks in D1 that no
// accepted write was lost or doubled. Exits non-zero on any 5xx or lost
// write. See docs/performance.md, "Load test".
import { mkdtemp } from "node:fs/promises";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { seedDemoPaper } from "./demo/seed-node";
import type { DevServer } from "./dev-server";
import { freezeSite } from "./frozen-site";
import { LOAD_PORT, parseLoadOptions } from "./load/options";
import { type ReadResult, runReaders } from "./load/read-mix";
import { report } from "./load/report";
import { serveFrozenSite } from "./load/site-server";
import { readTargets } from "./load/targets";
import { checkWrites } from "./load/verify";
import { warmUp } from "./load/warm-up";
import { runWriters, type WriteLog } from "./load/writers";
import { withLocalPlatform } from "./local-platform";
import { applyLocalMigrations } from "./migrate-local";
import { removeTempState } from "./temp-state";

process.env.WRANGLER_SEND_METRICS = "false";
const options = parseLoadOptions(process.argv.slice(2), process.env);
const baseUrl = `http://localhost:${LOAD_PORT}`;

console.log("• Building a snapshot of the site and a temporary local state (migrations, demo paper)…");
const state = await mkdtemp(join(tmpdir(), "edge-news-load-"));
let dev: DevServer | undefined;
// Ctrl-C: stop the server (and its workerd processes) before leaving.
process.once("SIGINT", () => void (dev?.stop() ?? Promise.resolve()).then(() => process.exit(130)));

let ok = false;
try {
  const frozen = freezeSite(join(state, "site"));
  applyLocalMigrations(state, frozen.config);
  const targets = await withLocalPlatform(
    async (env) => {
      await seedDemoPaper(env);
      return readTargets(env);
    },
    state,
    frozen.config,
  );
  dev = await serveFrozenSite(frozen, LOAD_PORT, state);
  const warm = await warmUp(baseUrl, targets);
  console.log(`• Warmed the edge cache: ${warm.requests} pages and photo variants in ${warm.seconds.toFixed(0)} s`);
  for (const f of warm.failed.slice(0, 10)) console.log(`  failed: ${f}`);
  console.log(
    `• ${baseUrl}: ${options.durationS} s, ${options.connections} reading connections, ${options.writers} writers…`,
  );
  const loadBefore = loadavg()[0]!;
  let results: [ReadResult, WriteLog];
  try {
    results = await Promise.all([
      runReaders(baseUrl, targets, options.connections, options.durationS),
      runWriters(baseUrl, targets, options.writers, options.durationS),
    ]);
  } finally {
    // Stopped before the check, so D1 is read after the last write settled.
    await dev.stop();
  }
  const [reads, writes] = results;
  // Other work on the machine slows the local Worker; say how busy it was.
  console.log(
    `\nMachine: ${availableParallelism()} CPUs, load average ${loadBefore.toFixed(1)} before the run, ${loadavg()[0]!.toFixed(1)} after`,
  );
  const check = await withLocalPlatform((env) => checkWrites(env, targets, writes), state, frozen.config);
  ok = report(options, baseUrl, warm, reads, writes, check).ok;
} finally {
  if (ok && !options.keepState) await removeTempState(state);
  else console.log(`\nState (D1, R2, cache) and the snapshot kept in ${state}`);
}
process.exit(ok ? 0 : 1);
