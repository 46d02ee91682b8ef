// A snapshot of the site for the load test: the Worker built once as
// `wrangler deploy` would, with copies of wrangler.toml, public/,
// migrations/ and .dev.vars beside it. `wrangler dev` watches the Worker's sources, its
// config and the assets directory and restarts the Worker when any of them
// changes, dropping requests in flight; served from the snapshot, the run
// measures one version of the site however much the working tree moves.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";

export interface FrozenSite {
  /** The copied wrangler.toml; its relative paths now point into the snapshot. */
  config: string;
  /** The built entry module. */
  script: string;
}

export function freezeSite(dir: string): FrozenSite {
  mkdirSync(dir, { recursive: true });
  const outdir = join(dir, "worker");
  const run = spawnSync("wrangler", ["deploy", "--dry-run", "--outdir", outdir], {
    encoding: "utf8",
    env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
  });
  if (run.status !== 0)
    throw new Error(`wrangler deploy --dry-run failed (exit ${run.status})\n${run.stderr}${run.stdout}`);
  cpSync("wrangler.toml", join(dir, "wrangler.toml"));
  cpSync("public", join(dir, "public"), { recursive: true });
  // The schema that goes with this build, applied to the test's state from here.
  cpSync("migrations", join(dir, "migrations"), { recursive: true });
  // Local secrets, if any, so the snapshot hashes and signs as the checks expect.
  if (existsSync(".dev.vars")) cpSync(".dev.vars", join(dir, ".dev.vars"));
  return { config: join(dir, "wrangler.toml"), script: join(outdir, "index.js") };
}
