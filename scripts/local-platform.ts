// Opens the same local D1/R2 state that `wrangler dev` uses (.wrangler/state),
// for Node-side scripts such as the demo seed.
import { getPlatformProxy } from "wrangler";
import type { Env } from "../src/env";

export async function withLocalPlatform<T>(fn: (env: Env) => Promise<T>): Promise<T> {
  const proxy = await getPlatformProxy<Env>({ configPath: "wrangler.toml", persist: true });
  try {
    return await fn(proxy.env);
  } finally {
    await proxy.dispose();
  }
}
