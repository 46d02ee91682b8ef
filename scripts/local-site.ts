// A throwaway copy of the site for browser tests and audits: a fresh local
// state (migrations, the demo paper, a known newsroom editor and admin) served by
// `wrangler dev` on the caller's port, so neither the developer's
// .wrangler/state nor another running copy is touched.
import { spawn, spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getPlatformProxy } from "wrangler";
import { openDatabase } from "../src/db/client";
import { insertUser } from "../src/db/users";
import type { Env } from "../src/env";
import { hashPassword } from "../src/platform/passwords";
import { isPhotoMotif, renderDemoPhoto } from "./demo/photos";
import { seedDemoContent } from "./demo/seed-content";

export const TEST_EDITOR = { email: "bien-tap@dongbang.local", password: "mat-khau-kiem-thu-123" };
/** An admin for the people and accounts screens; like the editor, not asked to change its password. */
export const TEST_ADMIN = { email: "quan-tri@dongbang.local", password: "mat-khau-quan-tri-123" };

export interface LocalSite {
  baseUrl: string;
  stop(): Promise<void>;
}

const wranglerEnv = { ...process.env, WRANGLER_SEND_METRICS: "false" };

async function seed(state: string): Promise<void> {
  // CI=1: wrangler applies local migrations without asking.
  const migrate = spawnSync("wrangler", ["d1", "migrations", "apply", "DB", "--local", "--persist-to", state], {
    env: { ...wranglerEnv, CI: "1" },
    encoding: "utf8",
  });
  if (migrate.status !== 0) throw new Error(`wrangler d1 migrations apply failed\n${migrate.stderr}${migrate.stdout}`);
  // wrangler dev --persist-to keeps its files under <dir>/v3.
  const proxy = await getPlatformProxy<Env>({ configPath: "wrangler.toml", persist: { path: join(state, "v3") } });
  try {
    // Smaller photos than `npm start` draws: seeding is on every run's clock.
    await seedDemoContent(proxy.env.DB, proxy.env.MEDIA, (motif, n) => {
      if (!isPhotoMotif(motif)) throw new Error(`demo photo motif not drawn: ${motif}`);
      return renderDemoPhoto(motif, n, 1200, 675);
    });
    await insertUser(openDatabase(proxy.env.DB), {
      email: TEST_EDITOR.email,
      name: "Biên tập kiểm thử",
      role: "editor",
      password: await hashPassword(TEST_EDITOR.password),
    });
    await insertUser(openDatabase(proxy.env.DB), {
      email: TEST_ADMIN.email,
      name: "Quản trị kiểm thử",
      role: "admin",
      password: await hashPassword(TEST_ADMIN.password),
    });
  } finally {
    await proxy.dispose();
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2000) })).ok;
  } catch {
    return false;
  }
}

export async function startLocalSite(port: number): Promise<LocalSite> {
  const baseUrl = `http://localhost:${port}`;
  // Whatever already answers there would be tested instead.
  if (await answers(`${baseUrl}/`)) throw new Error(`port ${port} is already in use`);
  const state = await mkdtemp(join(tmpdir(), "edge-news-site-"));
  try {
    await seed(state);
  } catch (error) {
    await rm(state, { recursive: true, force: true });
    throw error;
  }
  // Its own process group, so stopping it takes workerd along.
  const dev = spawn(
    "wrangler",
    [
      "dev",
      "--port",
      String(port),
      "--ip",
      "localhost",
      "--persist-to",
      state,
      "--var",
      `SITE_URL:${baseUrl}`,
      "--log-level",
      "warn",
    ],
    {
      // CI cleared, as before this module existed: only the migrations need its no-questions mode.
      env: { ...wranglerEnv, CI: "" },
      stdio: "ignore",
      detached: true,
    },
  );
  const exited = new Promise<void>((resolve) => dev.once("exit", () => resolve()));
  let running = true;
  void exited.then(() => {
    running = false;
  });
  // Detached, wrangler would outlive a caller that exits without stop() (an
  // error, Ctrl-C: wrangler's own signal handlers call process.exit).
  const onExit = () => {
    // No time for a graceful stop here; SIGKILL also keeps it from writing after the rm.
    try {
      process.kill(-dev.pid!, "SIGKILL");
    } catch {
      /* gone */
    }
    rmSync(state, { recursive: true, force: true });
  };
  process.once("exit", onExit);
  const stop = async () => {
    process.off("exit", onExit);
    if (running) {
      try {
        process.kill(-dev.pid!, "SIGTERM");
      } catch {
        dev.kill("SIGTERM");
      }
      const kill = setTimeout(() => {
        try {
          process.kill(-dev.pid!, "SIGKILL");
        } catch {
          /* gone */
        }
      }, 10_000);
      await exited;
      clearTimeout(kill);
    }
    await rm(state, { recursive: true, force: true });
  };
  for (let i = 0; !(await answers(`${baseUrl}/`)); i++) {
    if (!running || i > 240) {
      await stop();
      throw new Error(`wrangler dev did not start on port ${port}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return { baseUrl, stop };
}

// `tsx scripts/local-site.ts [port]`: a test copy that stays up until Ctrl-C,
// for BROWSER_TEST_URL / AUDIT_URL while writing a test or fixing a page.
if (import.meta.url === `file://${process.argv[1]}`) {
  // Exiting stops wrangler and deletes the state (the "exit" hook above).
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(0));
  const site = await startLocalSite(Number(process.argv[2] ?? 8791));
  console.log(`${site.baseUrl} (biên tập: ${TEST_EDITOR.email} / ${TEST_EDITOR.password})`);
}
