// Photo variants at the edge. A variant is made from an immutable original
// (R2 keys never change content), so its cache key needs no content version:
// the photo's key, size and format name it for good.
import type { Context } from "hono";
import type { AppEnv } from "../env";
import { edgeCache } from "./cache";

/** The cache entry of one variant: `name` is the photo's key with its size and format. */
const entryFor = (name: string) => new Request(`https://media.internal/${name}`);

/** A variant made before in this data centre, if any. A failing Cache API is a miss. */
export function storedVariant(name: string): Promise<Response | undefined> {
  return edgeCache()
    .match(entryFor(name))
    .catch(() => undefined);
}

/** Keeps a freshly made variant after the response has gone out. */
export function storeVariant(c: Context<AppEnv>, name: string, res: Response): void {
  c.executionCtx.waitUntil(
    edgeCache()
      .put(entryFor(name), res.clone())
      .catch(() => undefined),
  );
}
