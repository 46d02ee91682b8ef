// Starts the site for browser tests: a fresh local state (migrations, demo
// content with drawn photos, a known newsroom account), then `wrangler dev`.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { getPlatformProxy } from "wrangler";
import { seedDemoContent } from "../../scripts/demo/seed-content";
import { isPhotoMotif, renderDemoPhoto } from "../../scripts/demo/photos";
import { openDatabase } from "../../src/db/client";
import { insertUser } from "../../src/db/users";
import { hashPassword } from "../../src/newsroom/passwords";
import type { Env } from "../../src/env";

export const BROWSER_PORT = 8788;
export const EDITOR = { email: "bien-tap@dongbang.local", password: "mat-khau-kiem-thu-123" };

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    editor: { email: string; password: string };
  }
}

let dev: ChildProcess | undefined;
let state: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  state = await mkdtemp(join(tmpdir(), "edge-news-browser-"));
  const env = { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "1" };
  const migrate = spawnSync("wrangler", ["d1", "migrations", "apply", "DB", "--local", "--persist-to", state], { env, encoding: "utf8" });
  if (migrate.status !== 0) throw new Error(migrate.stderr || migrate.stdout);

  const proxy = await getPlatformProxy<Env>({ configPath: "wrangler.toml", persist: { path: join(state, "v3") } });
  try {
    await seedDemoContent(proxy.env.DB, proxy.env.MEDIA, (motif, seed) => {
      if (!isPhotoMotif(motif)) throw new Error(motif);
      return renderDemoPhoto(motif, seed, 1200, 675);
    });
    await insertUser(openDatabase(proxy.env.DB), { email: EDITOR.email, name: "Biên tập kiểm thử", role: "editor", password: await hashPassword(EDITOR.password) });
  } finally {
    await proxy.dispose();
  }

  dev = spawn("wrangler", ["dev", "--port", String(BROWSER_PORT), "--ip", "localhost", "--persist-to", state, "--var", `SITE_URL:http://localhost:${BROWSER_PORT}`, "--log-level", "warn"], {
    env: { ...env, CI: "" }, stdio: "ignore", detached: true,
  });
  const baseUrl = `http://localhost:${BROWSER_PORT}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(baseUrl + "/")).ok) break;
    } catch { /* starting */ }
    if (i > 120) throw new Error("wrangler dev did not start");
    await new Promise((r) => setTimeout(r, 500));
  }
  project.provide("baseUrl", baseUrl);
  project.provide("editor", EDITOR);
}

export async function teardown(): Promise<void> {
  if (dev?.pid) {
    try { process.kill(-dev.pid, "SIGTERM"); } catch { dev.kill("SIGTERM"); }
  }
  if (state) await rm(state, { recursive: true, force: true });
}
