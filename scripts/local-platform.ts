// Opens the same local D1/R2 state that `wrangler dev` uses (.wrangler/state,
// or a separate state passed as `persistTo`, as with `wrangler dev --persist-to`),
// for Node-side scripts such as the demo seed. `config` names another
// wrangler.toml (and so its .dev.vars), e.g. the load test's snapshot.
import { join } from "node:path";
import { getPlatformProxy } from "wrangler";
import type { Env } from "../src/env";

export async function withLocalPlatform<T>(
  fn: (env: Env) => Promise<T>,
  persistTo?: string,
  config = "wrangler.toml",
): Promise<T> {
  // wrangler's --persist-to keeps its files under <dir>/v3.
  const persist = persistTo ? { path: join(persistTo, "v3") } : true;
  const proxy = await getPlatformProxy<Env>({ configPath: config, persist });
  try {
    return await fn(proxy.env);
  } finally {
    await proxy.dispose();
  }
}
