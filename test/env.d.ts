import type { D1Migration } from "@cloudflare/vitest-plugin";

// Bindings that only the tests have (vitest.config.ts), on top of the Worker's
// own (src/worker-configuration.d.ts, src/env.ts).
declare global {
  namespace Cloudflare {
    interface Env {
      TEST_MIGRATIONS: D1Migration[];
      MIGRATIONS_EMPTY_DB: D1Database;
      MIGRATIONS_DATA_DB: D1Database;
      /** JSON of the vars of wrangler.toml [env.dat-mui] (vitest.config.ts). */
      SECOND_PAPER: string;
      /** JSON: each wrangler.toml environment ("" = top level) -> its crons (vitest.config.ts). */
      WRANGLER_CRONS: string;
    }
  }
}
