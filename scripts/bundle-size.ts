// Builds the Worker exactly as `wrangler deploy` would (--dry-run, nothing is
// uploaded) and reports its compressed size, which is what Cloudflare's limit
// counts: 3 MB on the Workers Free plan, 10 MB on Paid. We hold ourselves to
// 1 MB so cold starts stay quick.
import { spawnSync } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export const BUNDLE_BUDGET_BYTES = 1024 * 1024;

export interface BundleReport {
  bytes: number;
  gzipBytes: number;
}

export async function measureBundle(env: string): Promise<BundleReport> {
  const out = await mkdtemp(join(tmpdir(), "edge-news-bundle-"));
  try {
    const build = spawnSync("wrangler", ["deploy", "--dry-run", "--outdir", out, "--env", env], {
      encoding: "utf8",
      env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
    });
    if (build.status !== 0) throw new Error(`wrangler deploy --dry-run failed:\n${build.stderr || build.stdout}`);
    let bytes = 0;
    let gzipBytes = 0;
    for (const name of await readdir(out)) {
      // Source maps are not uploaded unless upload_source_maps is set.
      if (!/\.(m?js|wasm)$/.test(name)) continue;
      const data = await readFile(join(out, name));
      bytes += data.length;
      gzipBytes += gzipSync(data, { level: 9 }).length;
    }
    if (!bytes) throw new Error("the dry run wrote no Worker modules");
    return { bytes, gzipBytes };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const env = process.argv[2] ?? "production";
  const { bytes, gzipBytes } = await measureBundle(env);
  console.log(
    `Worker bundle (${env}): ${kib(bytes)}, ${kib(gzipBytes)} gzip; budget ${kib(BUNDLE_BUDGET_BYTES)} gzip (Free plan limit 3 MiB, Paid 10 MiB).`,
  );
  if (gzipBytes > BUNDLE_BUDGET_BYTES) {
    console.error(
      "Over budget: find what grew with `npx wrangler deploy --dry-run --outdir dist --metafile` and esbuild's analyzer.",
    );
    process.exit(1);
  }
}
