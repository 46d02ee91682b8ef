// PBKDF2-SHA256 through WebCrypto. The parameters are stored with each hash
// so they can be raised later (a login with old parameters is re-hashed).
// 100,000 iterations is also the most Cloudflare's WebCrypto accepts.
import { bytesEqual } from "./crypto";

export const PBKDF2_ITERATIONS = 100_000;
const KEY_BITS = 256;
const encoder = new TextEncoder();

export interface PasswordHash {
  hash: string;
  salt: string;
  iterations: number;
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string): Uint8Array<ArrayBuffer> => Uint8Array.from(atob(text), (ch) => ch.charCodeAt(0));

async function derive(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(password.normalize("NFC")), "PBKDF2", false, [
    "deriveBits",
  ]);
  const bits = await crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt, iterations }, key, KEY_BITS);
  return new Uint8Array(bits);
}

export async function hashPassword(password: string): Promise<PasswordHash> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return {
    hash: toBase64(await derive(password, salt, PBKDF2_ITERATIONS)),
    salt: toBase64(salt),
    iterations: PBKDF2_ITERATIONS,
  };
}

/** Compares in constant time, so timing does not reveal how much of a guess was right. */
export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const expected = fromBase64(stored.hash);
  const actual = await derive(password, fromBase64(stored.salt), stored.iterations);
  return bytesEqual(actual, expected);
}

export const needsRehash = (stored: PasswordHash) => stored.iterations < PBKDF2_ITERATIONS;

export const MIN_PASSWORD_LENGTH = 10;

/** A Vietnamese reason when a new password is too weak, else null. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Mật khẩu cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`;
  if (password.length > 200) return "Mật khẩu quá dài (tối đa 200 ký tự).";
  return null;
}

/** Letters and digits that cannot be mistaken for one another when read aloud or copied by hand (no i, l, o, 0, 1). */
const TEMPORARY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/**
 * A temporary password an admin hands to someone: four groups of four from a
 * 31-character alphabet ("k7dq-m3xa-9tfw-hp2e", about 79 bits), drawn without
 * modulo bias. Shown once, stored only as its hash.
 */
export function generateTemporaryPassword(): string {
  const chars: string[] = [];
  const limit = 256 - (256 % TEMPORARY_ALPHABET.length);
  while (chars.length < 16) {
    for (const b of crypto.getRandomValues(new Uint8Array(32))) {
      if (b < limit && chars.length < 16) chars.push(TEMPORARY_ALPHABET[b % TEMPORARY_ALPHABET.length]!);
    }
  }
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join("")).join("-");
}
