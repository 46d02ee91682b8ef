// HMAC signatures for values handed to readers' browsers (form timestamps,
// vote cookies), so they cannot be forged.
import { safeEqual } from "../newsroom/tokens";

const encoder = new TextEncoder();
const keys = new Map<string, Promise<CryptoKey>>();

function key(secret: string): Promise<CryptoKey> {
  let k = keys.get(secret);
  if (!k) {
    k = crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    keys.set(secret, k);
  }
  return k;
}

export async function sign(secret: string, value: string): Promise<string> {
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", await key(secret), encoder.encode(value)));
  return [...mac.slice(0, 16)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export async function verify(secret: string, value: string, signature: string): Promise<boolean> {
  return safeEqual(await sign(secret, value), signature);
}

/** The secret for readers' forms and cookies; a fixed value only for local development. */
export const formSecret = (env: { FORM_SECRET?: string }) => env.FORM_SECRET ?? "local-dev-form-secret";
