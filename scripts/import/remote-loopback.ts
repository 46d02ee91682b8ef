// Cloudflare's D1 HTTP API and R2's S3 API, answered on loopback by a small
// Worker in Miniflare over a REAL local D1 and R2 (the same state files
// `wrangler dev --persist-to DIR` uses), so the SQL of `--remote` really runs.
// Tests start it as the fake of production (test/ops/import-remote.test.ts),
// and the local import writes through it too (withLoopbackBindings): one HTTP
// request per batch instead of wrangler's platform proxy, which makes every
// prepare() and bind() a synchronous round trip (13 times slower, docs/import.md "Speed");
// the wire format is the real one: JSON envelopes `{result, success, errors,
// messages}`, S3 XML errors. Optional faults answer 429 or 500 for a while
// after a number of D1 requests, as a busy API does.

import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { convertV4MiniflareOptions, Miniflare } from "miniflare";
import { localIds } from "./remote-config";
import { HttpD1 } from "./remote-d1";
import { S3R2 } from "./remote-r2";

export interface LoopbackOptions {
  /** State root as with `--persist-to` (files under <root>/v3). */
  persistTo: string;
  token: string;
  accountId: string;
  databaseId: string;
  bucket: string;
  accessKeyId: string;
  /** After this many D1 requests, answer `status` to the next `times` ones. */
  fault?: { after: number; status: 429 | 500; times: number };
  /** Local ids as in wrangler.toml (what `wrangler dev` opens). */
  localDatabaseId?: string;
  localBucket?: string;
}

const WORKER = /* js */ `
let d1Requests = 0;
let faultsGiven = 0;
const json = (status, body, headers = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
const fail = (status, code, message, headers) =>
  json(status, { result: null, success: false, errors: [{ code, message }], messages: [] }, headers);
const s3Fail = (status, code, message) =>
  new Response('<?xml version="1.0" encoding="UTF-8"?><Error><Code>' + code + "</Code><Message>" + message + "</Message></Error>", {
    status,
    headers: { "content-type": "application/xml" },
  });
const hex = (buf) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, "0")).join("");

async function d1(request, env, account, database) {
  if (request.headers.get("authorization") !== "Bearer " + env.TOKEN) return fail(401, 10000, "Authentication error");
  if (account !== env.ACCOUNT || database !== env.DATABASE) return fail(404, 7404, "The database " + database + " could not be found");
  d1Requests++;
  const fault = env.FAULT ? JSON.parse(env.FAULT) : null;
  if (fault && d1Requests > fault.after && faultsGiven < fault.times) {
    faultsGiven++;
    return fault.status === 429
      ? fail(429, 971, "Please wait and consider throttling your request speed", { "retry-after": "0" })
      : fail(500, 7500, "Internal error");
  }
  let body;
  try {
    body = await request.json();
  } catch {
    return fail(400, 7400, "The request is malformed: body is not JSON");
  }
  const queries = Array.isArray(body?.batch) ? body.batch : typeof body?.sql === "string" ? [body] : null;
  if (!queries || !queries.length) return fail(400, 7400, "The request is malformed: sql or batch is required");
  try {
    const statements = queries.map((q) => env.DB.prepare(q.sql).bind(...(q.params ?? [])));
    const results = await env.DB.batch(statements);
    return json(200, {
      result: results.map((r) => ({ results: r.results ?? [], success: r.success, meta: r.meta })),
      success: true,
      errors: [],
      messages: [],
    });
  } catch (error) {
    return fail(400, 7500, String(error?.message ?? error));
  }
}

async function s3(request, env, key) {
  if (request.method !== "PUT") return s3Fail(405, "MethodNotAllowed", "Only PUT in this fake");
  const auth = request.headers.get("authorization") ?? "";
  if (!auth.startsWith("AWS4-HMAC-SHA256 Credential=" + env.R2_KEY + "/"))
    return s3Fail(403, "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.");
  if (!/SignedHeaders=[^,]*host[^,]*x-amz-content-sha256;x-amz-date, Signature=[0-9a-f]{64}$/.test(auth) || !request.headers.get("x-amz-date"))
    return s3Fail(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.");
  const bytes = await request.arrayBuffer();
  if (hex(await crypto.subtle.digest("SHA-256", bytes)) !== request.headers.get("x-amz-content-sha256"))
    return s3Fail(400, "XAmzContentSHA256Mismatch", "The provided 'x-amz-content-sha256' header does not match what was computed.");
  const object = await env.MEDIA.put(key, bytes, { httpMetadata: { contentType: request.headers.get("content-type") ?? undefined } });
  return new Response(null, { status: 200, headers: { etag: '"' + object.etag + '"' } });
}

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    const api = /^\\/client\\/v4\\/accounts\\/([^/]+)\\/d1\\/database\\/([^/]+)\\/query$/.exec(url.pathname);
    if (api && request.method === "POST") return d1(request, env, decodeURIComponent(api[1]), decodeURIComponent(api[2]));
    const prefix = "/" + env.BUCKET + "/";
    if (url.pathname.startsWith(prefix)) return s3(request, env, decodeURIComponent(url.pathname.slice(prefix.length)));
    if (url.pathname.startsWith("/client/v4/")) return fail(404, 7000, "No route for that URI");
    return s3Fail(404, "NoSuchBucket", "The specified bucket does not exist.");
  },
};
`;

/** Starts the loopback API; `base` is the v4 API base, `endpoint` the S3 endpoint. */
export async function startLoopbackApi(o: LoopbackOptions): Promise<{
  base: string;
  endpoint: string;
  stop: () => Promise<void>;
}> {
  const mf = new Miniflare(
    convertV4MiniflareOptions({
      modules: true,
      script: WORKER,
      compatibilityDate: "2025-01-01",
      host: "127.0.0.1",
      port: 0,
      d1Databases: { DB: o.localDatabaseId ?? "00000000-0000-0000-0000-000000000000" },
      r2Buckets: { MEDIA: o.localBucket ?? "edge-news-media" },
      // As `wrangler d1 execute --local --persist-to`: the files `wrangler dev` opens.
      resourcePersistencePath: join(o.persistTo, "v3"),
      bindings: {
        TOKEN: o.token,
        ACCOUNT: o.accountId,
        DATABASE: o.databaseId,
        BUCKET: o.bucket,
        R2_KEY: o.accessKeyId,
        FAULT: o.fault ? JSON.stringify(o.fault) : "",
      },
    }),
  );
  const url = await mf.ready;
  const origin = url.origin;
  return { base: `${origin}/client/v4`, endpoint: origin, stop: () => mf.dispose() };
}

/**
 * Runs `fn` with D1 and R2 bindings over the local state at `persistTo`
 * (as `wrangler dev --persist-to`; .wrangler/state by default) through the
 * loopback API: what `npm run import` uses without --remote.
 */
export async function withLoopbackBindings<T>(
  persistTo: string | undefined,
  fn: (env: { DB: D1Database; MEDIA: R2Bucket }) => Promise<T>,
): Promise<T> {
  const ids = localIds();
  const secret = randomBytes(16).toString("hex");
  const names = { token: secret, accountId: "local", databaseId: "local", bucket: "local", accessKeyId: "local" };
  const api = await startLoopbackApi({
    persistTo: persistTo ?? ".wrangler/state",
    ...names,
    localDatabaseId: ids.databaseId,
    localBucket: ids.bucket,
  });
  try {
    const DB = new HttpD1({ base: api.base, accountId: names.accountId, token: secret }, names.databaseId);
    const MEDIA = new S3R2({
      endpoint: api.endpoint,
      bucket: names.bucket,
      accessKeyId: names.accessKeyId,
      secretAccessKey: secret,
    });
    return await fn({ DB: DB.asBinding(), MEDIA: MEDIA.asBinding() });
  } finally {
    await api.stop();
  }
}
