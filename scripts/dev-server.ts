// Starts `wrangler dev` for scripts that measure the site (bench) and stops
// it again, with its whole process group (wrangler runs workerd as a child).
import { spawn } from "node:child_process";
import { createServer } from "node:net";

export interface DevServerOptions {
  port: number;
  /** A separate local state (`--persist-to`); default .wrangler/state. */
  persistTo?: string;
  /** `--var NAME:value` overrides, e.g. SITE_URL for the chosen port. */
  vars?: Record<string, string>;
  /** Another Worker's wrangler config (`--config`), e.g. the bench's reference Workers; default wrangler.toml. */
  config?: string;
  /** The path that must answer 200 once the Worker is up; default "/". */
  readyPath?: string;
}

export interface DevServer {
  url: string;
  /** Ends the server and waits for it, so the local state is no longer in use. */
  stop(): Promise<void>;
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2000) })).ok;
  } catch {
    return false;
  }
}

/** One try at starting; null if wrangler exited before answering. */
async function launch(url: string, ready: string, args: string[]): Promise<DevServer | null> {
  const child = spawn("wrangler", args, {
    stdio: "ignore",
    env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
    detached: true,
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let running = true;
  void exited.then(() => {
    running = false;
  });

  const stop = async () => {
    if (!running) return;
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      child.kill("SIGTERM");
    }
    const timeout = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        /* gone */
      }
    }, 10_000);
    await exited;
    clearTimeout(timeout);
  };

  for (let i = 0; i < 240; i++) {
    if (!running) return null;
    if (await answers(url + ready)) return { url, stop };
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error("wrangler dev did not start within 2 minutes");
}

/** A port nobody listens on now (other runs share the machine: never a fixed one). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "localhost", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startWranglerDev(options: DevServerOptions): Promise<DevServer> {
  const url = `http://localhost:${options.port}`;
  const ready = options.readyPath ?? "/";
  // Something already on the port would answer the readiness check and be measured instead.
  if (await answers(url + ready)) throw new Error(`port ${options.port} is already in use`);
  const args = ["dev", "--port", String(options.port), "--ip", "localhost", "--log-level", "warn"];
  if (options.config) args.push("--config", options.config);
  if (options.persistTo) args.push("--persist-to", options.persistTo);
  for (const [name, value] of Object.entries(options.vars ?? {})) args.push("--var", `${name}:${value}`);
  // wrangler picks its devtools port by probing from 9229; another wrangler
  // starting at the same moment can take it first, and then ours exits. Try again.
  for (let attempt = 1; attempt <= 3; attempt++) {
    const server = await launch(url, ready, args);
    if (server) return server;
  }
  throw new Error("wrangler dev exited before answering, three times");
}
