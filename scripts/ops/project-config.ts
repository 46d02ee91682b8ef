// The DB and MEDIA bindings as wrangler reads them from wrangler.toml (for an
// environment, with `--env`), so the scripts never parse the config themselves.
import { unstable_readConfig } from "wrangler";

export const CONFIG_PATH = "wrangler.toml";

export interface ProjectBindings {
  name: string;
  compatibilityDate: string;
  accountId?: string;
  db: { database_name: string; database_id: string; preview_database_id?: string; migrations_table?: string };
  bucket: string;
}

// The part of wrangler's Config read here (its own type comes from a package
// that is not installed on its own, so TypeScript sees `any`).
interface ReadConfig {
  name?: string;
  compatibility_date?: string;
  account_id?: string;
  d1_databases: {
    binding: string;
    database_name?: string;
    database_id?: string;
    preview_database_id?: string;
    migrations_table?: string;
  }[];
  r2_buckets: { binding: string; bucket_name?: string }[];
}

export function projectBindings(env?: string): ProjectBindings {
  const config: ReadConfig = unstable_readConfig(
    { config: CONFIG_PATH, ...(env ? { env } : {}) },
    { hideWarnings: true },
  );
  const db = config.d1_databases.find((d) => d.binding === "DB");
  const media = config.r2_buckets.find((b) => b.binding === "MEDIA");
  const where = env ? `[env.${env}] của ${CONFIG_PATH}` : CONFIG_PATH;
  if (!db?.database_name || !db.database_id)
    throw new Error(`${where} không khai báo D1 "DB" (database_name, database_id)`);
  if (!media?.bucket_name) throw new Error(`${where} không khai báo R2 "MEDIA"`);
  return {
    name: config.name ?? "edge-news",
    compatibilityDate: config.compatibility_date ?? "2026-04-01",
    ...(config.account_id ? { accountId: config.account_id } : {}),
    db: {
      database_name: db.database_name,
      database_id: db.database_id,
      ...(db.preview_database_id ? { preview_database_id: db.preview_database_id } : {}),
      ...(db.migrations_table ? { migrations_table: db.migrations_table } : {}),
    },
    bucket: media.bucket_name,
  };
}
