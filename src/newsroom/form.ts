import type { Context } from "hono";
import type { AppEnv } from "../env";

/** A submitted form as plain strings (files are read separately); repeated fields keep the last value. */
export async function formStrings(c: Context<AppEnv>): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === "string") out[k] = v.normalize("NFC");
  return out;
}

/** A positive integer id from a string, or null. */
export function parseId(raw: string | undefined): number | null {
  if (!raw || !/^[1-9][0-9]{0,9}$/.test(raw)) return null;
  const n = Number(raw);
  return n <= 2_147_483_647 ? n : null;
}
