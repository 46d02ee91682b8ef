// `npm start`: everything a fresh clone needs to show the site with demo
// content. Idempotent: run it again and it only starts the server.
import { spawn } from "node:child_process";
import { applyLocalMigrations } from "./migrate-local";
import { printDemoLogin, seedIfEmpty } from "./seed";

const port = Number(process.env.PORT ?? 8787);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`PORT không hợp lệ: ${process.env.PORT}`);
  process.exit(1);
}
const env = { ...process.env, WRANGLER_SEND_METRICS: "false" };

applyLocalMigrations();
await seedIfEmpty();

console.log(`\n  Trang web: http://localhost:${port}`);
await printDemoLogin();
console.log("");
const dev = spawn(
  "wrangler",
  ["dev", "--port", String(port), "--ip", "localhost", "--var", `SITE_URL:http://localhost:${port}`],
  { stdio: "inherit", env },
);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => dev.kill(signal));
dev.on("exit", (code) => process.exit(code ?? 0));
