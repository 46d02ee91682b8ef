// Hashing, signing, random tokens and comparisons through WebCrypto, written
// once for every part of the Worker.
const encoder = new TextEncoder();

/** Lower-case hex of bytes. */
export const toHex = (bytes: Uint8Array): string => [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");

/** Hex of `byteCount` random bytes: tokens, generated names. */
export const randomHex = (byteCount: number): string => toHex(crypto.getRandomValues(new Uint8Array(byteCount)));

/** An opaque random token (256 bits), URL- and cookie-safe. */
export function randomToken(): string {
  return randomHex(32);
}

/** Hex SHA-256 of text; `bytes` keeps only the first so many bytes (a short hash). */
export async function sha256Hex(text: string, bytes?: number): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(text)));
  return toHex(bytes === undefined ? digest : digest.slice(0, bytes));
}

const hmacKeys = new Map<string, Promise<CryptoKey>>();

function hmacKey(secret: string): Promise<CryptoKey> {
  let key = hmacKeys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    hmacKeys.set(secret, key);
  }
  return key;
}

/** Hex HMAC-SHA256 of `value`, truncated to `bytes` bytes. */
export async function hmacSha256Hex(secret: string, value: string, bytes = 32): Promise<string> {
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", await hmacKey(secret), encoder.encode(value)));
  return toHex(mac.slice(0, bytes));
}

/** Constant-time comparison of bytes, so timing does not reveal how much of a guess was right. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/** Constant-time comparison of secrets given as text. */
export function safeEqual(a: string, b: string): boolean {
  return bytesEqual(encoder.encode(a), encoder.encode(b));
}
