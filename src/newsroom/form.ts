import type { Context } from "hono";
import type { AppEnv } from "../env";

/** A submitted form as plain strings (files are read separately); repeated fields keep the last value. */
export async function formStrings(c: Context<AppEnv>): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === "string") out[k] = v.normalize("NFC");
  return out;
}

export { parseId } from "../http/ids";
