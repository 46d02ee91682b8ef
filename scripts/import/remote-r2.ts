// R2 through its S3-compatible API, for `npm run import -- … --remote`: the
// one R2Bucket method the importer uses, `put`, as
//   PUT https://{account_id}.r2.cloudflarestorage.com/{bucket}/{key}
// signed with AWS Signature Version 4 (region "auto", service "s3"; R2's
// access key id and secret from an R2 API token). Signing is the public
// algorithm, written here with node:crypto (no new package). 429/5xx and
// network failures are retried; S3 XML errors (<Error><Code>…) are read
// into a Vietnamese message.
import { createHash, createHmac } from "node:crypto";
import { RemoteApiError } from "./remote-d1";
import { type RetryPolicy, sendWithRetries } from "./remote-retry";

export interface R2Credentials extends RetryPolicy {
  /** "https://<account_id>.r2.cloudflarestorage.com" (or a loopback fake in tests). */
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
}

const sha256Hex = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");
const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data).digest();

/** RFC 3986 encoding of one path segment, as SigV4 wants it (S3: encoded once). */
const encodeSegment = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * The headers of a SigV4-signed request (Authorization, x-amz-date,
 * x-amz-content-sha256), for a path and query already in canonical form.
 */
export function signV4(input: {
  method: string;
  url: URL;
  headers: Record<string, string>;
  payloadHash: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  service: string;
  now: Date;
}): Record<string, string> {
  const amzDate = input.now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
  const day = amzDate.slice(0, 8);
  const headers: Record<string, string> = {
    ...Object.fromEntries(Object.entries(input.headers).map(([k, v]) => [k.toLowerCase(), v.trim()])),
    host: input.url.host,
    "x-amz-content-sha256": input.payloadHash,
    "x-amz-date": amzDate,
  };
  const names = Object.keys(headers).sort();
  const query = [...input.url.searchParams]
    .map(([k, v]) => `${encodeSegment(k)}=${encodeSegment(v)}`)
    .sort()
    .join("&");
  const canonical = [
    input.method,
    input.url.pathname,
    query,
    names.map((n) => `${n}:${headers[n]}\n`).join(""),
    names.join(";"),
    input.payloadHash,
  ].join("\n");
  const scope = `${day}/${input.region}/${input.service}/aws4_request`;
  const toSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256Hex(canonical)].join("\n");
  const key = hmac(hmac(hmac(hmac(`AWS4${input.secretAccessKey}`, day), input.region), input.service), "aws4_request");
  const signature = createHmac("sha256", key).update(toSign).digest("hex");
  const { host: _host, ...sent } = headers;
  return {
    ...sent,
    authorization: `AWS4-HMAC-SHA256 Credential=${input.accessKeyId}/${scope}, SignedHeaders=${names.join(";")}, Signature=${signature}`,
  };
}

/** "<Code>NoSuchBucket</Code>…<Message>…</Message>" -> "NoSuchBucket: …". */
const s3Error = (xml: string) => {
  const code = /<Code>([^<]*)<\/Code>/.exec(xml)?.[1];
  const message = /<Message>([^<]*)<\/Message>/.exec(xml)?.[1];
  return code ? `${code}${message ? `: ${message}` : ""}` : xml.slice(0, 200);
};

export class S3R2 {
  /** Objects put, for the report. */
  puts = 0;
  constructor(private readonly r2: R2Credentials) {}

  async put(
    key: string,
    value: Uint8Array | ArrayBuffer | string,
    options?: { httpMetadata?: { contentType?: string } },
  ): Promise<{ key: string }> {
    const body = typeof value === "string" ? new TextEncoder().encode(value) : new Uint8Array(value);
    const url = new URL(
      `${this.r2.endpoint.replace(/\/$/, "")}/${encodeSegment(this.r2.bucket)}/${key.split("/").map(encodeSegment).join("/")}`,
    );
    const contentType = options?.httpMetadata?.contentType ?? "application/octet-stream";
    const answer = await sendWithRetries(
      () => {
        const headers = signV4({
          method: "PUT",
          url,
          headers: { "content-type": contentType },
          payloadHash: sha256Hex(body),
          accessKeyId: this.r2.accessKeyId,
          secretAccessKey: this.r2.secretAccessKey,
          region: "auto",
          service: "s3",
          now: new Date(),
        });
        return fetch(url, { method: "PUT", headers, body, signal: AbortSignal.timeout(60_000) });
      },
      this.r2,
      (_res, text) => s3Error(text),
    );
    if ("gaveUp" in answer)
      throw new RemoteApiError(`R2 không nhận ${key} sau ${answer.tries} lần thử: ${answer.gaveUp}`, null);
    const { res, text } = answer;
    if (res.ok) {
      this.puts++;
      return { key };
    }
    if (res.status === 401 || res.status === 403)
      throw new RemoteApiError(
        `R2 từ chối (HTTP ${res.status}: ${s3Error(text)}). Kiểm tra R2_ACCESS_KEY_ID và R2_SECRET_ACCESS_KEY (khóa API của R2, quyền Object Read & Write).`,
        res.status,
      );
    throw new RemoteApiError(`R2 trả lỗi khi lưu ${key} (HTTP ${res.status}): ${s3Error(text)}`, res.status);
  }

  asBinding(): R2Bucket {
    return this as unknown as R2Bucket;
  }
}
