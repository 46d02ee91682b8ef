// HMAC signatures for values handed to readers' browsers (form timestamps,
// vote cookies), so they cannot be forged.
import { hmacSha256Hex, safeEqual } from "../platform/crypto";

/** A 128-bit signature: short enough for a cookie, far beyond guessing. */
export function sign(secret: string, value: string): Promise<string> {
  return hmacSha256Hex(secret, value, 16);
}

export async function verify(secret: string, value: string, signature: string): Promise<boolean> {
  return safeEqual(await sign(secret, value), signature);
}

/** The secret for readers' forms and cookies; a fixed value only for local development. */
export const formSecret = (env: { FORM_SECRET?: string }) => env.FORM_SECRET ?? "local-dev-form-secret";
