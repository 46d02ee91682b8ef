// Where `--remote` writes: the D1 database id and R2 bucket of wrangler.toml
// (top level, or `--env NAME`), the credentials from the environment. Every
// missing piece is named in one Vietnamese message, before anything is sent.
import { unstable_readConfig } from "wrangler";
import type { RemoteApi } from "./remote-d1";
import type { R2Credentials } from "./remote-r2";

export const CLOUDFLARE_API = "https://api.cloudflare.com/client/v4";

export interface RemoteTarget {
  api: RemoteApi;
  databaseId: string;
  databaseName: string;
  r2: R2Credentials;
}

const isLoopback = (raw: string) => {
  try {
    return ["127.0.0.1", "localhost", "[::1]"].includes(new URL(raw).hostname);
  } catch {
    return false;
  }
};

const placeholder = (id: string | undefined) => !id || /^REPLACE_ME$|^0{8}-0{4}-0{4}-0{4}-0{12}$/.test(id);

/** The target, or the list of what is missing (in Vietnamese). */
export function remoteTarget(
  env: NodeJS.ProcessEnv,
  wranglerEnv: string | undefined,
  config: string | undefined,
): RemoteTarget | { missing: string[] } {
  const missing: string[] = [];
  const file = config ?? "wrangler.toml";
  const cfg = unstable_readConfig({ config: file, env: wranglerEnv }, { hideWarnings: true });
  const db = cfg.d1_databases.find(
    (d: { binding: string; database_id?: string; database_name: string }) => d.binding === "DB",
  );
  const bucket = cfg.r2_buckets.find((b: { binding: string; bucket_name?: string }) => b.binding === "MEDIA");
  const where = wranglerEnv ? `[env.${wranglerEnv}] của ${file}` : file;
  if (placeholder(db?.database_id))
    missing.push(`database_id của D1 "DB" trong ${where} (tạo bằng \`npx wrangler d1 create …\`)`);
  if (!bucket?.bucket_name) missing.push(`bucket_name của R2 "MEDIA" trong ${where}`);
  const token = env.CLOUDFLARE_API_TOKEN;
  const accountId = env.CLOUDFLARE_ACCOUNT_ID;
  const keyId = env.R2_ACCESS_KEY_ID;
  const secret = env.R2_SECRET_ACCESS_KEY;
  if (!token) missing.push("biến môi trường CLOUDFLARE_API_TOKEN (API token có quyền D1 Edit)");
  if (!accountId) missing.push("biến môi trường CLOUDFLARE_ACCOUNT_ID (mã tài khoản Cloudflare)");
  if (!keyId || !secret)
    missing.push(
      "biến môi trường R2_ACCESS_KEY_ID và R2_SECRET_ACCESS_KEY (khóa API của R2, quyền Object Read & Write)",
    );
  // Overrides exist for the loopback fake of the tests only: credentials never go anywhere else.
  const base = env.CLOUDFLARE_API_BASE_URL;
  const endpoint = env.R2_ENDPOINT_URL;
  if (base && !isLoopback(base)) missing.push("CLOUDFLARE_API_BASE_URL chỉ dùng được với địa chỉ loopback (bài thử)");
  if (endpoint && !isLoopback(endpoint)) missing.push("R2_ENDPOINT_URL chỉ dùng được với địa chỉ loopback (bài thử)");
  if (missing.length || !db || !bucket || !token || !accountId || !keyId || !secret) return { missing };
  return {
    api: { base: base ?? CLOUDFLARE_API, accountId, token },
    databaseId: db.database_id!,
    databaseName: db.database_name,
    r2: {
      endpoint: endpoint ?? `https://${accountId}.r2.cloudflarestorage.com`,
      bucket: bucket.bucket_name!,
      accessKeyId: keyId,
      secretAccessKey: secret,
    },
  };
}

/** The local D1 id and R2 bucket that `wrangler dev` opens (preview ones first, as wrangler does). */
export function localIds(config = "wrangler.toml"): { databaseId: string; bucket: string } {
  const cfg = unstable_readConfig({ config }, { hideWarnings: true });
  const db = cfg.d1_databases.find((d: { binding: string }) => d.binding === "DB") as
    | { preview_database_id?: string; database_id?: string; binding: string }
    | undefined;
  const bucket = cfg.r2_buckets.find((b: { binding: string }) => b.binding === "MEDIA") as
    | { preview_bucket_name?: string; bucket_name?: string; binding: string }
    | undefined;
  return {
    databaseId: db?.preview_database_id ?? db?.database_id ?? "DB",
    bucket: bucket?.preview_bucket_name ?? bucket?.bucket_name ?? "MEDIA",
  };
}
