import { spawnSync } from "node:child_process";

/** `wrangler d1 migrations apply --local`: applies only what is new, so it is safe to repeat. */
export function applyLocalMigrations(): void {
  console.log("• Áp dụng migration cho D1 cục bộ…");
  // CI=1: wrangler applies local migrations without asking for confirmation.
  const run = spawnSync("wrangler", ["d1", "migrations", "apply", "DB", "--local"], {
    stdio: "inherit",
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "1" },
  });
  if (run.status !== 0) throw new Error(`wrangler d1 migrations apply failed (exit ${run.status})`);
}
