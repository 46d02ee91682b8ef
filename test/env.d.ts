import type { D1Migration } from "@cloudflare/vitest-plugin";
import type { Env as WorkerEnv } from "../src/env";

declare global {
  namespace Cloudflare {
    interface Env extends WorkerEnv {
      TEST_MIGRATIONS: D1Migration[];
      MIGRATIONS_EMPTY_DB: D1Database;
      MIGRATIONS_DATA_DB: D1Database;
      /** JSON of the vars of wrangler.toml [env.dat-mui] (vitest.config.ts). */
      SECOND_PAPER: string;
    }
  }
}
