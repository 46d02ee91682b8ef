import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

export default defineConfig(async () => {
  const migrations = await readD1Migrations("./migrations");
  return {
    plugins: [
      cloudflareTest({
        wrangler: { configPath: "./wrangler.toml" },
        miniflare: { bindings: { TEST_MIGRATIONS: migrations } },
      }),
    ],
    test: {
      setupFiles: ["./test/setup/apply-migrations.ts"],
      include: ["test/**/*.test.{ts,tsx}", "src/**/*.test.{ts,tsx}"],
      // Browser tests run in Node against wrangler dev (vitest.browser.config.ts).
      exclude: ["test/browser/**", "**/node_modules/**"],
    },
  };
});
