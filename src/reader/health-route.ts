import { Hono } from "hono";
import { NO_STORE } from "../edge/policy";
import type { AppEnv } from "../env";
import { withTimeout } from "../platform/timeout";

/** Answers within this or counts as down: a health check must not hang the checker. */
const PROBE_TIMEOUT_MS = 2000;

interface Probe {
  ok: boolean;
  ms: number;
  error?: string;
}

async function probe(run: () => Promise<unknown>): Promise<Probe> {
  const started = Date.now();
  try {
    await withTimeout(run(), PROBE_TIMEOUT_MS);
    return { ok: true, ms: Date.now() - started };
  } catch (err) {
    // The binding's message only: it names no data and helps the on-call engineer.
    return { ok: false, ms: Date.now() - started, error: err instanceof Error ? err.message.slice(0, 200) : "error" };
  }
}

/**
 * `/healthz` for uptime monitors: one trivial D1 query and one R2 HEAD (of a
 * key that need not exist), never cached, 503 when either fails.
 */
export const healthRoutes = new Hono<AppEnv>();

healthRoutes.get("/", async (c) => {
  const [d1, r2] = await Promise.all([
    probe(() => c.env.DB.prepare("select 1").first()),
    probe(() => c.env.MEDIA.head("healthz")),
  ]);
  const ok = d1.ok && r2.ok;
  return c.json(
    { status: ok ? "ok" : "degraded", d1, r2, version: c.env.CF_VERSION_METADATA?.id ?? "local" },
    ok ? 200 : 503,
    { "cache-control": NO_STORE },
  );
});
