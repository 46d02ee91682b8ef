// Login throttling per account and per client: a few wrong passwords, then a
// pause. Keys never hold a raw IP address.

import type { Database } from "../db/client";
import { clearFailures, recentFailures, recordFailure } from "../db/users";
import { clientHash } from "../http/client";

export const WINDOW_MS = 15 * 60 * 1000;
export const ACCOUNT_LIMIT = 5;
export const IP_LIMIT = 20;

export const THROTTLED_MESSAGE = "Bạn đã đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.";

export async function clientKey(req: Request, env: { IP_HASH_SECRET?: string }): Promise<string> {
  return `ip:${await clientHash(req, env)}`;
}

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;

export async function isThrottled(
  db: Database,
  keys: { account: string; client: string },
  now = new Date(),
): Promise<boolean> {
  const since = new Date(now.getTime() - WINDOW_MS);
  const [account, client] = await Promise.all([
    recentFailures(db, keys.account, since),
    recentFailures(db, keys.client, since),
  ]);
  return account >= ACCOUNT_LIMIT || client >= IP_LIMIT;
}

export async function noteFailure(
  db: Database,
  keys: { account: string; client: string },
  now = new Date(),
): Promise<void> {
  const since = new Date(now.getTime() - WINDOW_MS);
  await Promise.all([recordFailure(db, keys.account, now, since), recordFailure(db, keys.client, now, since)]);
}

export async function noteSuccess(db: Database, keys: { account: string }): Promise<void> {
  await clearFailures(db, keys.account);
}
