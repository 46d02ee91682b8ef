// `npm run deploy -- staging|production [--dry-run]`: the whole path from a
// checkout to a live site, in the order that cannot leave it half-deployed:
// check the config and secrets, build and size the bundle, apply migrations
// (forward-only, so old code keeps working on the new schema), then deploy.
// --dry-run does every offline step (CI runs it) and stops before Cloudflare.
import { spawnSync } from "node:child_process";
import { unstable_readConfig } from "wrangler";
import { BUNDLE_BUDGET_BYTES, describeBundle, measureBundle, OVER_BUDGET_HINT } from "./bundle-size";

const ENVIRONMENTS = ["staging", "production"] as const;
/** Secrets the Worker falls back on fixed local values for: production must set them. */
const REQUIRED_SECRETS = ["IP_HASH_SECRET", "FORM_SECRET"];

const isEnvironment = (name: string | undefined): name is (typeof ENVIRONMENTS)[number] =>
  ENVIRONMENTS.some((e) => e === name);
const requested = process.argv[2];
if (!isEnvironment(requested)) {
  console.error(`Usage: npm run deploy -- ${ENVIRONMENTS.join("|")} [--dry-run]`);
  process.exit(2);
}
const env: string = requested;
const dryRun = process.argv.includes("--dry-run");

function wrangler(args: string[], capture = false): string {
  const run = spawnSync("wrangler", args, {
    encoding: "utf8",
    stdio: capture ? ["inherit", "pipe", "inherit"] : "inherit",
    env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
  });
  if (run.status !== 0) {
    console.error(`\`wrangler ${args.join(" ")}\` failed; nothing after this step was done.`);
    process.exit(1);
  }
  return run.stdout ?? "";
}

/** Placeholders and local values that must not reach a real deployment. */
function configProblems(): string[] {
  const config = unstable_readConfig({ config: "wrangler.toml", env });
  const problems: string[] = [];
  for (const db of config.d1_databases) {
    if (!db.database_id || /REPLACE_ME|^0{8}-/.test(db.database_id))
      problems.push(
        `D1 "${db.database_name}": database_id is a placeholder (npx wrangler d1 create ${db.database_name})`,
      );
  }
  const siteUrl = String(config.vars.SITE_URL ?? "");
  if (!siteUrl.startsWith("https://") || siteUrl.includes("REPLACE_ME"))
    problems.push(`SITE_URL "${siteUrl}" must be the public https:// address`);
  for (const route of config.routes ?? []) {
    const pattern = typeof route === "string" ? route : route.pattern;
    if (pattern.includes("REPLACE_ME")) problems.push(`route "${pattern}" is a placeholder`);
  }
  if (!config.triggers.crons?.length) problems.push("no cron triggers: weather and scheduled publishing would stop");
  return problems;
}

const problems = configProblems();
for (const p of problems) console.error(`${dryRun ? "warning" : "error"}: ${p}`);
if (problems.length && !dryRun) process.exit(1);

const bundle = await measureBundle(env);
console.log(describeBundle(env, bundle));
if (bundle.gzipBytes > BUNDLE_BUDGET_BYTES) {
  console.error(OVER_BUDGET_HINT);
  process.exit(1);
}

if (dryRun) {
  console.log(`dry run for ${env}: config read, bundle built; nothing was sent to Cloudflare.`);
  process.exit(0);
}

const listed = wrangler(["secret", "list", "--env", env, "--format", "json"], true);
const present = new Set((JSON.parse(listed) as { name: string }[]).map((s) => s.name));
const missing = REQUIRED_SECRETS.filter((s) => !present.has(s));
if (missing.length) {
  console.error(`Missing secrets: ${missing.map((s) => `npx wrangler secret put ${s} --env ${env}`).join("; ")}`);
  process.exit(1);
}

wrangler(["d1", "migrations", "apply", "DB", "--remote", "--env", env]);
wrangler(["deploy", "--env", env]);
const siteUrl = String(unstable_readConfig({ config: "wrangler.toml", env }).vars.SITE_URL);
const health = await fetch(`${siteUrl}/healthz`).catch((e: unknown) => e as Error);
console.log(
  health instanceof Response
    ? `${siteUrl}/healthz: ${health.status} ${await health.text()}`
    : `could not reach ${siteUrl}/healthz: ${health.message}`,
);
