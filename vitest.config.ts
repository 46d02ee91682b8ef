import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { experimental_readRawConfig, unstable_readConfig } from "wrangler";

/** Each environment of wrangler.toml ("" = top level) -> the crons it deploys, as wrangler resolves them. */
function cronsByEnvironment(): Record<string, string[]> {
  const environments = [
    "",
    ...Object.keys(experimental_readRawConfig({ config: "wrangler.toml" }).rawConfig.env ?? {}),
  ];
  return Object.fromEntries(
    environments.map((env) => [
      env,
      unstable_readConfig({ config: "wrangler.toml", env: env || undefined }).triggers.crons ?? [],
    ]),
  );
}

export default defineConfig(async () => {
  const migrations = await readD1Migrations("./migrations");
  return {
    plugins: [
      cloudflareTest({
        wrangler: { configPath: "./wrangler.toml" },
        miniflare: {
          // SECOND_PAPER: the vars of wrangler.toml's [env.dat-mui], so a test can render the
          // second paper exactly as that deployment would be configured. WRANGLER_CRONS: what
          // test/registries.test.ts checks against the job table.
          bindings: {
            TEST_MIGRATIONS: migrations,
            SECOND_PAPER: JSON.stringify(unstable_readConfig({ config: "wrangler.toml", env: "dat-mui" }).vars),
            WRANGLER_CRONS: JSON.stringify(cronsByEnvironment()),
          },
          // Empty databases for test/migrations.test.ts, which applies the migrations itself.
          d1Databases: { MIGRATIONS_EMPTY_DB: "migrations-empty", MIGRATIONS_DATA_DB: "migrations-data" },
        },
      }),
    ],
    test: {
      // The Worker logs one JSON line per request for Workers Logs
      // (src/http/request-log.ts); thousands of them in test output (most
      // tests' 4xx are on purpose) bury what failed. 5xx lines and every other
      // log still print.
      onConsoleLog: (log: string) => !/^\{"level":"(info|warn)","msg":"request"/.test(log),
      setupFiles: ["./test/setup/apply-migrations.ts"],
      include: ["test/**/*.test.{ts,tsx}"],
      // Browser tests run in Node against wrangler dev (vitest.browser.config.ts);
      // the wall check and the operations tests run in Node (vitest.ops.config.ts).
      exclude: ["test/browser/**", "test/ops/**", "test/walls/**", "test/wordpress/**", "**/node_modules/**"],
    },
  };
});
