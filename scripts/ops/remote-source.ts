// Backing up the remote (Cloudflare) database and bucket. Needs a wrangler
// login or CLOUDFLARE_API_TOKEN (and CLOUDFLARE_ACCOUNT_ID for a token).
//
// D1: `wrangler d1 export --remote --table ... --no-schema` (the export
// refuses FTS5 virtual tables, so only the real tables are named; D1 does not
// serve queries while it exports). R2: wrangler has no "list objects"
// command, so the bucket is listed through getPlatformProxy with the MEDIA
// binding marked `remote: true`, in a throwaway config that holds only that
// binding (wrangler.toml itself must keep R2 local for `wrangler dev`).
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getPlatformProxy } from "wrangler";
import type { BackupSource } from "./backup-source";
import type { MediaObject } from "./manifest";
import { listAllMedia } from "./media-list";
import { type ProjectBindings, projectBindings } from "./project-config";
import { runWrangler, wranglerQuery } from "./wrangler-cli";

// `wrangler d1 create` prints a UUID; wrangler.toml holds placeholders
// (all zeros for local development, REPLACE_ME for environments) until then.
const REAL_DATABASE_ID = /^(?!0{8}-)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function withRemoteSource<T>(
  env: string | undefined,
  fn: (source: BackupSource) => Promise<T>,
): Promise<T> {
  const project = projectBindings(env);
  if (!REAL_DATABASE_ID.test(project.db.database_id)) {
    throw new Error(
      `database_id của D1 "DB"${env ? ` trong [env.${env}]` : ""} chưa phải id thật ("${project.db.database_id}"): điền id từ \`wrangler d1 create\` vào wrangler.toml (README, "Deploy")`,
    );
  }
  const remote = ["--remote", ...(env ? ["--env", env] : [])];
  return fn({
    describe: {
      kind: "remote",
      env: env ?? null,
      database: project.db.database_name,
      databaseId: project.db.database_id,
      bucket: project.bucket,
    },
    async query<T>(sql: string) {
      return wranglerQuery<T>(remote, sql);
    },
    async exportData(tables, file) {
      runWrangler(
        [
          "d1",
          "export",
          "DB",
          ...remote,
          "--no-schema",
          ...tables.flatMap((t) => ["--table", t]),
          "--output",
          file,
          "--skip-confirmation",
        ],
        { live: true },
      );
    },
    async listMedia() {
      return { bucket: project.bucket, objects: await listRemoteBucket(project) };
    },
  });
}

async function listRemoteBucket(project: ProjectBindings): Promise<MediaObject[]> {
  const dir = await mkdtemp(join(tmpdir(), "edge-news-r2-list-"));
  try {
    const configPath = join(dir, "wrangler.json");
    await writeFile(
      configPath,
      JSON.stringify({
        name: project.name,
        compatibility_date: project.compatibilityDate,
        ...(project.accountId ? { account_id: project.accountId } : {}),
        r2_buckets: [{ binding: "MEDIA", bucket_name: project.bucket, remote: true }],
      }),
    );
    const proxy = await getPlatformProxy<{ MEDIA: R2Bucket }>({ configPath, persist: false, remoteBindings: true });
    try {
      return await listAllMedia(proxy.env.MEDIA);
    } finally {
      await proxy.dispose();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
