// D1 over Cloudflare's HTTP API, for `npm run import -- … --remote`: the
// D1Database surface the importer uses (prepare/bind/all/raw/first/run, batch),
// each call one POST to
//   {base}/accounts/{account_id}/d1/database/{database_id}/query
// with the API's JSON body, `{ "sql", "params" }` or, for a batch,
// `{ "batch": [{ "sql", "params" }, …] }` (Cloudflare's OpenAPI schema,
// DatabaseQueryParams.MultipleQueries), answered with the v4 envelope
// `{ "result": [{ "results", "success", "meta" }, …], "success", "errors", "messages" }`.
// A batch is sent as one request so that, like the Worker binding's batch,
// it runs as one unit (docs/import.md "Remote" says what that rests on).
// 429, 5xx and network failures are retried with a growing pause; then, and
// on any other error, a RemoteApiError says in Vietnamese what went wrong.

import { type RetryPolicy, sendWithRetries } from "./remote-retry";
import { AllBackedStatement } from "./statement-shapes";

export interface RemoteApi extends RetryPolicy {
  /** "https://api.cloudflare.com/client/v4" (or a loopback fake in tests). */
  base: string;
  accountId: string;
  token: string;
}

/** The API refused or stayed unreachable: the import stops (the rerun resumes). */
export class RemoteApiError extends Error {
  readonly fatal = true;
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = "RemoteApiError";
  }
}

interface Envelope<T> {
  result: T | null;
  success: boolean;
  errors: { code: number; message: string }[];
  messages: unknown[];
}

interface WireResult {
  results?: Record<string, unknown>[];
  success?: boolean;
  meta?: Record<string, unknown>;
}

/** The envelope's errors, else the start of the text: what a message quotes. */
function envelopeReason(text: string): string {
  try {
    const envelope = JSON.parse(text) as Envelope<unknown>;
    const said = envelope?.errors?.map((e) => `${e.code}: ${e.message}`).join("; ");
    if (said) return said;
  } catch {
    // Not JSON (a proxy's HTML page): quoted as it is.
  }
  return text.slice(0, 200);
}

/** POST a JSON body to the v4 API; the envelope's result, or RemoteApiError. */
export async function callApi<T>(api: RemoteApi, path: string, body: unknown): Promise<T> {
  const answer = await sendWithRetries(
    () =>
      fetch(`${api.base}${path}`, {
        method: "POST",
        headers: { authorization: `Bearer ${api.token}`, "content-type": "application/json" },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(60_000),
      }),
    api,
    (_res, text) => envelopeReason(text),
  );
  if ("gaveUp" in answer)
    throw new RemoteApiError(`Cloudflare không trả lời được sau ${answer.tries} lần thử: ${answer.gaveUp}`, null);
  const { res, text } = answer;
  const reason = envelopeReason(text);
  if (res.status === 401 || res.status === 403)
    throw new RemoteApiError(
      `Cloudflare từ chối (HTTP ${res.status}: ${reason}). Kiểm tra CLOUDFLARE_API_TOKEN (cần quyền D1 Edit) và CLOUDFLARE_ACCOUNT_ID.`,
      res.status,
    );
  let envelope: Envelope<T> | null = null;
  try {
    envelope = JSON.parse(text) as Envelope<T>;
  } catch {
    envelope = null;
  }
  if (!res.ok || !envelope?.success) throw new RemoteApiError(`D1 trả lỗi (HTTP ${res.status}): ${reason}`, res.status);
  return envelope.result as T;
}

/** A bound value as JSON: D1 binds numbers, strings and null; booleans as 1/0. */
function wireValue(v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "number" || typeof v === "string") return v;
  if (typeof v === "bigint") return Number(v);
  throw new RemoteApiError(`giá trị kiểu ${typeof v} không gửi được qua API D1`, null);
}

class HttpStatement extends AllBackedStatement {
  constructor(
    private readonly db: HttpD1,
    readonly sql: string,
    readonly params: unknown[] = [],
  ) {
    super();
  }
  bind(...values: unknown[]): HttpStatement {
    return new HttpStatement(this.db, this.sql, values.map(wireValue));
  }
  async all<T>(): Promise<D1Result<T>> {
    const [result] = await this.db.send([this]);
    return result as D1Result<T>;
  }
}

export class HttpD1 {
  private readonly path: string;
  /** Requests sent, for the report. */
  requests = 0;

  constructor(
    private readonly api: RemoteApi,
    databaseId: string,
  ) {
    this.path = `/accounts/${encodeURIComponent(api.accountId)}/d1/database/${encodeURIComponent(databaseId)}/query`;
  }

  prepare(sql: string): HttpStatement {
    return new HttpStatement(this, sql);
  }

  batch<T>(statements: HttpStatement[]): Promise<D1Result<T>[]> {
    return this.send(statements) as Promise<D1Result<T>[]>;
  }

  async exec(sql: string): Promise<D1ExecResult> {
    const results = await this.send([new HttpStatement(this, sql)]);
    return { count: results.length, duration: 0 };
  }

  async send(statements: HttpStatement[]): Promise<D1Result[]> {
    if (!statements.length) return [];
    this.requests++;
    const body =
      statements.length === 1
        ? { sql: statements[0]!.sql, params: statements[0]!.params }
        : { batch: statements.map((s) => ({ sql: s.sql, params: s.params })) };
    const result = await callApi<WireResult[]>(this.api, this.path, body);
    if (!Array.isArray(result) || result.length !== statements.length)
      throw new RemoteApiError(
        `API D1 trả ${Array.isArray(result) ? result.length : "không có"} kết quả cho ${statements.length} câu lệnh`,
        null,
      );
    return result.map((r) => ({ results: r.results ?? [], success: true, meta: (r.meta ?? {}) as D1Result["meta"] }));
  }

  /** As a D1Database for the writer (it uses only the methods above). */
  asBinding(): D1Database {
    return this as unknown as D1Database;
  }
}
