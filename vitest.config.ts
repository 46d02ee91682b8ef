import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

export default defineConfig(async () => {
  const migrations = await readD1Migrations("./migrations");
  return {
    plugins: [
      cloudflareTest({
        wrangler: { configPath: "./wrangler.toml" },
        miniflare: {
          bindings: { TEST_MIGRATIONS: migrations },
          // Empty databases for test/migrations.test.ts, which applies the migrations itself.
          d1Databases: { MIGRATIONS_EMPTY_DB: "migrations-empty", MIGRATIONS_DATA_DB: "migrations-data" },
        },
      }),
    ],
    test: {
      setupFiles: ["./test/setup/apply-migrations.ts"],
      include: ["test/**/*.test.{ts,tsx}", "src/**/*.test.{ts,tsx}"],
      // Browser tests run in Node against wrangler dev (vitest.browser.config.ts),
      // operations tests in Node with the backup scripts (vitest.ops.config.ts).
      exclude: ["test/browser/**", "test/ops/**", "**/node_modules/**"],
    },
  };
});
