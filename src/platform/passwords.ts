// PBKDF2-SHA256 through WebCrypto. The parameters are stored with each hash
// so they can be raised later (a login with old parameters is re-hashed).
// 100,000 iterations is also the most Cloudflare's WebCrypto accepts.
import { COMMON_PASSWORDS_FRONT_CODED } from "./common-passwords";
import { bytesEqual } from "./crypto";
import { foldForPasswordCheck } from "./password-fold";

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

/** The bundled list of common passwords, decoded from its front-coded form (scripts/common-passwords/build.ts). */
export function commonPasswordList(): string[] {
  const words: string[] = [];
  let previous = "";
  for (const line of COMMON_PASSWORDS_FRONT_CODED.split("\n")) {
    previous = previous.slice(0, line.charCodeAt(0) - 48) + line.slice(1);
    words.push(previous);
  }
  return words;
}

let common: ReadonlySet<string> | null = null;
/** Decoded only when a password is first set in this isolate (a few times a year per account). */
const commonPasswords = () => {
  common ??= new Set(commonPasswordList());
  return common;
};

/** Rows of keys and runs of letters or digits: a password inside one of them (either way) is a walk, not a secret. */
const RUNS = [
  "abcdefghijklmnopqrstuvwxyz",
  "01234567890",
  "qwertyuiop",
  "asdfghjkl",
  "zxcvbnm",
  "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
];
const isRun = (p: string) => RUNS.some((run) => run.includes(p) || [...run].reverse().join("").includes(p));

/** Digits, symbols and spaces added before or after a common word ("matkhau@2024", "123anhyeuem"). */
const DECORATION = /^[^\p{L}]{0,6}$/u;

/** True when the folded password is a common one, bare or decorated, or a common one said twice or more. */
function isCommon(folded: string): boolean {
  const list = commonPasswords();
  const candidates = new Set([folded, folded.replace(/[\s._-]+/g, "")]);
  for (const p of [...candidates]) {
    // "matkhaumatkhau", "abc123abc123": a word repeated.
    for (let size = 1; size <= p.length / 2; size++) {
      if (p.length % size === 0 && p.slice(0, size).repeat(p.length / size) === p) candidates.add(p.slice(0, size));
    }
  }
  for (const p of candidates) {
    if (list.has(p)) return true;
    // A common word of 4 or more characters, with digits or symbols before or after it.
    for (let cut = 1; cut < p.length; cut++) {
      const head = p.slice(0, cut);
      const tail = p.slice(cut);
      if (head.length >= 4 && list.has(head) && DECORATION.test(tail)) return true;
      if (tail.length >= 4 && list.has(tail) && DECORATION.test(head)) return true;
    }
  }
  return false;
}

/** The parts of an account's e-mail and name a password must not contain, folded; short parts are left out. */
function personalParts(who: { email?: string; name?: string }): string[] {
  const parts = new Set<string>();
  const email = foldForPasswordCheck(who.email ?? "").trim();
  const local = email.split("@")[0] ?? "";
  if (email.includes("@")) parts.add(email);
  if (local.length >= 3) parts.add(local);
  for (const piece of local.split(/[^\p{L}\p{N}]+/u)) if (piece.length >= 4) parts.add(piece);
  const name = foldForPasswordCheck(who.name ?? "").trim();
  const words = name.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (words.join("").length >= 3) parts.add(words.join(""));
  for (const word of words) if (word.length >= 4) parts.add(word);
  return [...parts];
}

/**
 * A Vietnamese reason when a new password is too weak, else null. `who` is
 * the account's e-mail and name: a password may not contain them.
 */
export function passwordProblem(password: string, who: { email?: string; name?: string } = {}): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Mật khẩu cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`;
  if (password.length > 200) return "Mật khẩu quá dài (tối đa 200 ký tự).";
  const folded = foldForPasswordCheck(password);
  if (new Set(folded).size < 5)
    return "Mật khẩu này chỉ lặp lại vài ký tự (như “aaaaaaaaaa”), rất dễ đoán. Hãy chọn mật khẩu khác.";
  const compact = folded.replace(/[\s._-]+/g, "");
  if (isRun(compact))
    return "Mật khẩu này là một dãy phím hoặc dãy số liền nhau (như “1234567890”, “qwertyuiop”), rất dễ đoán. Hãy chọn mật khẩu khác.";
  const own = personalParts(who).find((part) => folded.includes(part) || compact.includes(part));
  if (own) return `Mật khẩu không được chứa email hoặc tên của bạn (“${own}”): kẻ gian thử những thứ này đầu tiên.`;
  if (isCommon(folded))
    return "Mật khẩu này nằm trong danh sách mật khẩu phổ biến mà kẻ gian thử đầu tiên (kể cả khi thêm số hay ký hiệu vào trước hoặc sau). Hãy chọn mật khẩu khác, ví dụ một câu ngắn gồm vài từ.";
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
