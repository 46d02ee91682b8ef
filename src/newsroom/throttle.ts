// Login throttling. Wrong passwords slow down the client that types them, for
// the account it types them against, never the account itself: an attacker
// elsewhere cannot lock its owner out (issue 21). Two counters:
//
// - the pair (account, client): four wrong passwords are free, then each one
//   makes this client wait longer before its next try against this account:
//   1, 2, 4, 8, then 15 minutes. The run is forgotten 24 hours after its last
//   failure, or when this client signs in to this account.
// - the client: 20 wrong passwords in 15 minutes across any accounts pause
//   that client's logins until the 15 minutes are over (someone guessing
//   across the newsroom's e-mails).
//
// Each try is taken before the password is checked, in one statement per
// counter, so guesses sent all at once get no more through than guesses sent
// one by one; a right password gives its try back. A paused client is told
// the truth: how long to wait, and that it is this device that waits. Keys
// never hold a raw IP address.

import type { Database } from "../db/client";
import { clearFailures, FAILURE_MEMORY_MS, failuresOf, returnWindowTry, takeRunTry, takeWindowTry } from "../db/users";
import { clientHash } from "../http/client";

export const CLIENT_WINDOW_MS = 15 * 60 * 1000;
export const CLIENT_LIMIT = 20;

/** Wrong passwords a client may type against one account before it has to wait. */
export const PAIR_FREE_FAILURES = 4;
export const PAIR_MAX_DELAY_MS = 15 * 60 * 1000;
/** A run of failures with no new one for this long starts again from nothing (the cron prunes older counts). */
export const PAIR_MEMORY_MS = FAILURE_MEMORY_MS;

export interface ThrottleKeys {
  /** This client against this account. */
  pair: string;
  /** This client, whatever account it tries. */
  client: string;
}

export async function clientKey(req: Request, env: { IP_HASH_SECRET?: string }): Promise<string> {
  return `ip:${await clientHash(req, env)}`;
}

export async function throttleKeys(
  email: string,
  req: Request,
  env: { IP_HASH_SECRET?: string },
): Promise<ThrottleKeys> {
  const client = await clientKey(req, env);
  return { pair: `pair:${email.trim().toLowerCase()}|${client.slice(3)}`, client };
}

/** How long a client waits after its `failures`-th wrong password in a row against one account. */
export function pairDelayMs(failures: number): number {
  if (failures <= PAIR_FREE_FAILURES) return 0;
  return Math.min(PAIR_MAX_DELAY_MS, 60_000 * 2 ** (failures - PAIR_FREE_FAILURES - 1));
}

/** Milliseconds this client must still wait before trying this account again; 0 when it may try now. */
export async function waitBeforeLogin(db: Database, keys: ThrottleKeys, now = new Date()): Promise<number> {
  const [pair, client] = await Promise.all([failuresOf(db, keys.pair), failuresOf(db, keys.client)]);
  const t = now.getTime();
  let until = 0;
  // For a pair, the window starts at its latest failure.
  if (pair && pair.windowStart.getTime() > t - PAIR_MEMORY_MS) {
    until = pair.windowStart.getTime() + pairDelayMs(pair.count);
  }
  if (client && client.count >= CLIENT_LIMIT && client.windowStart.getTime() > t - CLIENT_WINDOW_MS) {
    until = Math.max(until, client.windowStart.getTime() + CLIENT_WINDOW_MS);
  }
  return Math.max(0, until - t);
}

/** pairDelayMs for each count up to the longest delay (the last one holds for higher counts). */
const PAIR_DELAYS: readonly number[] = Array.from({ length: PAIR_FREE_FAILURES + 6 }, (_, n) => pairDelayMs(n));

/**
 * Takes one try for this client against this account, before the password is
 * checked. Answers 0 to go on, or how long the client must wait first (then
 * nothing was counted).
 */
export async function takeLoginTry(db: Database, keys: ThrottleKeys, now = new Date()): Promise<number> {
  const t = now.getTime();
  const refused = async () => Math.max(1000, await waitBeforeLogin(db, keys, now));
  if (!(await takeWindowTry(db, keys.client, now, new Date(t - CLIENT_WINDOW_MS), CLIENT_LIMIT))) return refused();
  if (!(await takeRunTry(db, keys.pair, now, new Date(t - PAIR_MEMORY_MS), PAIR_DELAYS))) {
    await returnWindowTry(db, keys.client);
    return refused();
  }
  return 0;
}

/** A right password ends this client's run against this account and gives the client its try back. */
export async function noteSuccess(db: Database, keys: ThrottleKeys): Promise<void> {
  await Promise.all([clearFailures(db, keys.pair), returnWindowTry(db, keys.client)]);
}

/** "2 phút", "45 giây": a wait, rounded up, in Vietnamese. */
export function waitText(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return seconds < 60 ? `${seconds} giây` : `${Math.ceil(seconds / 60)} phút`;
}

/** The truth for a paused client: it is this device that waits, and for how long. */
export const throttledMessage = (ms: number) =>
  `Thiết bị này đã nhập sai mật khẩu nhiều lần nên tạm thời không đăng nhập được. Vui lòng thử lại sau ${waitText(ms)}.`;
