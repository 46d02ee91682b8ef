import { spawnSync } from "node:child_process";

/**
 * `wrangler d1 migrations apply --local`: applies only what is new, so it is
 * safe to repeat. With `persistTo`, a separate local state (benchmarks, load
 * test) is migrated quietly; its output is shown only if it fails. `config`
 * names another wrangler.toml (the load test's snapshot, with its migrations).
 */
export function applyLocalMigrations(persistTo?: string, config?: string): void {
  if (!persistTo) console.log("• Áp dụng migration cho D1 cục bộ…");
  const args = [
    "d1",
    "migrations",
    "apply",
    "DB",
    "--local",
    ...(persistTo ? ["--persist-to", persistTo] : []),
    ...(config ? ["--config", config] : []),
  ];
  // CI=1: wrangler applies local migrations without asking for confirmation.
  const run = spawnSync("wrangler", args, {
    stdio: persistTo ? "pipe" : "inherit",
    encoding: "utf8",
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "1" },
  });
  if (run.status !== 0)
    throw new Error(`wrangler d1 migrations apply failed (exit ${run.status})\n${run.stderr ?? ""}${run.stdout ?? ""}`);
}
