// Runs one of the project's scripts the way a person does (`npm run backup`
// is `tsx scripts/backup.ts`), so tests see its real exit code and output.
import { spawn } from "node:child_process";
import { resolve } from "node:path";

export interface ScriptResult {
  code: number | null;
  output: string;
}

const ROOT = resolve(import.meta.dirname, "../..");
const TSX = resolve(ROOT, "node_modules/.bin/tsx");

export function runScript(
  script: string,
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<ScriptResult> {
  return new Promise((done, fail) => {
    const child = spawn(TSX, [resolve(ROOT, script), ...args], {
      cwd: options.cwd ?? ROOT,
      // stdin is not a terminal, as in CI: nothing may wait for an answer.
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        WRANGLER_SEND_METRICS: "false",
        PATH: `${resolve(ROOT, "node_modules/.bin")}:${process.env.PATH}`,
        ...options.env,
      },
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("error", fail);
    child.once("close", (code) => done({ code, output }));
  });
}
