import type { Context } from "hono";
import type { AppEnv } from "../env";

/**
 * 301 from a renamed section's old address to `path`, keeping the light
 * edition's prefix and the query (`?page=2`).
 */
export function redirectRenamed(c: Context<AppEnv>, path: string): Response {
  const search = new URL(c.req.url).search;
  return c.redirect(`${c.var.lite ? "/lite" : ""}${path}${search}`, 301);
}
