import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { unstable_readConfig } from "wrangler";

export default defineConfig(async () => {
  const migrations = await readD1Migrations("./migrations");
  return {
    plugins: [
      cloudflareTest({
        wrangler: { configPath: "./wrangler.toml" },
        miniflare: {
          // SECOND_PAPER: the vars of wrangler.toml's [env.dat-mui], so a test can render the
          // second paper exactly as that deployment would be configured.
          bindings: {
            TEST_MIGRATIONS: migrations,
            SECOND_PAPER: JSON.stringify(unstable_readConfig({ config: "wrangler.toml", env: "dat-mui" }).vars),
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
      include: ["test/**/*.test.{ts,tsx}", "src/**/*.test.{ts,tsx}"],
      // Browser tests run in Node against wrangler dev (vitest.browser.config.ts),
      // operations tests in Node with the backup scripts (vitest.ops.config.ts).
      exclude: ["test/browser/**", "test/ops/**", "**/node_modules/**"],
    },
  };
});
