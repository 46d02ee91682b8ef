// Runs the wrangler CLI for the backup and restore scripts and turns its
// failures into errors that carry wrangler's own explanation.
import { spawnSync } from "node:child_process";

export interface WranglerRun {
  /** Show wrangler's output live (long remote exports show progress); default captured. */
  live?: boolean;
}

/** Runs `wrangler ...args`; returns stdout, throws with wrangler's message on a non-zero exit. */
export function runWrangler(args: string[], options: WranglerRun = {}): string {
  const run = spawnSync("wrangler", args, {
    stdio: options.live ? ["ignore", "inherit", "inherit"] : ["ignore", "pipe", "pipe"],
    encoding: "utf8",
    // CI=1: no interactive confirmation (local migrations); metrics off, as everywhere here.
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "1" },
    maxBuffer: 1024 * 1024 * 1024,
  });
  if (run.error) throw new Error(`wrangler ${args.slice(0, 2).join(" ")}: ${run.error.message}`);
  if (run.status !== 0) {
    const said = [jsonErrorText(run.stdout ?? ""), run.stderr?.trim(), run.stdout?.trim()].find((s) => s) ?? "";
    throw new Error(`wrangler ${args.slice(0, 2).join(" ")} thất bại (mã ${run.status})${said ? `:\n${said}` : ""}`);
  }
  return run.stdout ?? "";
}

/** `wrangler d1 execute --json` reports errors as {"error": {"text": ...}} on stdout. */
function jsonErrorText(stdout: string): string | undefined {
  try {
    const parsed = JSON.parse(stdout) as { error?: { text?: string } };
    return parsed.error?.text;
  } catch {
    return undefined;
  }
}

/** Rows of one statement run with `wrangler d1 execute --json --command`. */
export function wranglerQuery<T>(args: string[], sql: string): T[] {
  const out = runWrangler(["d1", "execute", "DB", ...args, "--json", "--command", sql]);
  const parsed = JSON.parse(out) as { results?: T[] }[];
  return parsed[0]?.results ?? [];
}
