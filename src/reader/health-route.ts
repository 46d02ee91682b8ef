import { type Context, Hono } from "hono";
import { NO_STORE } from "../edge/policy";
import type { AppEnv } from "../env";
import { safeEqual, sha256Hex } from "../platform/crypto";
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

const probes = (c: Context<AppEnv>): Promise<[Probe, Probe]> =>
  Promise.all([probe(() => c.env.DB.prepare("select 1").first()), probe(() => c.env.MEDIA.head("healthz"))]);

/**
 * The public's answers reuse one round of probes per isolate for this long:
 * anyone can ask /healthz as often as they like, and each round is billed as
 * a D1 read and an R2 operation. A monitor polling every 30 s or more sees
 * every change; the operators' requests always probe afresh. The results are
 * kept, never the promise: a Worker must not wait on another request's I/O.
 */
const PUBLIC_REUSE_MS = 5000;
let shared: { db: D1Database; media: R2Bucket; at: number; result: [Probe, Probe] } | undefined;

async function publicProbes(c: Context<AppEnv>): Promise<[Probe, Probe]> {
  const { DB: db, MEDIA: media } = c.env;
  if (shared?.db === db && shared.media === media && Date.now() - shared.at < PUBLIC_REUSE_MS) return shared.result;
  const result = await probes(c);
  shared = { db, media, at: Date.now(), result };
  return result;
}

/** What an operator's request proves: no credentials (the public), the operators' secret, or a wrong one. */
type Caller = "public" | "operator" | "refused";

/**
 * `Authorization: Bearer <HEALTHZ_SECRET>` marks the operators' monitor.
 * Another scheme (a monitor sending Basic credentials for some proxy) is not
 * ours and is ignored: the public answer. Compared as SHA-256 digests in
 * constant time, so neither the timing nor the length of a guess tells
 * anything. Without the secret set, no one gets the details: a forgotten
 * secret hides them rather than showing them.
 */
async function callerOf(c: Context<AppEnv>): Promise<Caller> {
  const header = c.req.header("authorization")?.trim();
  if (!header || !/^Bearer(\s|$)/i.test(header)) return "public";
  const secret = c.env.HEALTHZ_SECRET;
  const sent = /^Bearer +(\S{1,512})$/i.exec(header)?.[1];
  if (!secret || !sent) return "refused";
  const [a, b] = await Promise.all([sha256Hex(sent), sha256Hex(secret)]);
  return safeEqual(a, b) ? "operator" : "refused";
}

/**
 * `/healthz` for uptime monitors: one trivial D1 query and one R2 HEAD (of a
 * key that need not exist), never cached, 503 when either fails. The public
 * gets the status alone (`{"status":"ok"}` or `{"status":"degraded"}`);
 * which part failed, the timings and the deployment id are for the operators
 * (docs/operations.md, "Health, logs and read replication").
 */
export const healthRoutes = new Hono<AppEnv>();

healthRoutes.get("/", async (c) => {
  const caller = await callerOf(c);
  if (caller === "refused") {
    // Before any probe: a wrong secret costs no D1 or R2 call.
    return c.json(
      {
        error:
          "Mã kiểm tra (Authorization: Bearer) không đúng. Bỏ tiêu đề này để xem trạng thái, hoặc dùng đúng HEALTHZ_SECRET để xem chi tiết.",
      },
      401,
      { "cache-control": NO_STORE, "www-authenticate": 'Bearer realm="healthz"' },
    );
  }
  const [d1, r2] = caller === "public" ? await publicProbes(c) : await probes(c);
  const ok = d1.ok && r2.ok;
  const status = ok ? "ok" : "degraded";
  const body =
    caller === "operator" ? { status, d1, r2, version: c.env.CF_VERSION_METADATA?.id ?? "local" } : { status };
  return c.json(body, ok ? 200 : 503, { "cache-control": NO_STORE });
});
