// Article forms posted after their session ended, kept for the sign-in that
// follows (src/newsroom/article-recovery.tsx). Anyone can post a form without
// a session, so what one client and everyone together may keep is capped,
// and every stash is short-lived and used once.
import { and, count, eq, lt } from "drizzle-orm";
import type { SignInStash } from "../model/records";
import type { Database } from "./client";
import { signInStashes } from "./schema";

export const STASH_LIMITS = {
  /** How long a stash waits for its sign-in. */
  ttlMs: 30 * 60 * 1000,
  /** Live stashes one client (hashed IP) may hold; the oldest gives way. */
  perClient: 3,
  /** Live stashes in all: past this, nothing more is kept until some expire. */
  total: 500,
} as const;

/**
 * Keeps a stash unless too many are live. Expired stashes are swept first;
 * a client at its cap loses its oldest one. False: not kept.
 */
export async function putStash(db: Database, stash: SignInStash): Promise<boolean> {
  await db.delete(signInStashes).where(lt(signInStashes.expiresAt, stash.createdAt));
  const mine = await db
    .select({ id: signInStashes.id })
    .from(signInStashes)
    .where(eq(signInStashes.client, stash.client))
    .orderBy(signInStashes.createdAt);
  for (const old of mine.slice(0, Math.max(0, mine.length - STASH_LIMITS.perClient + 1))) {
    await db.delete(signInStashes).where(eq(signInStashes.id, old.id));
  }
  const [all] = await db.select({ n: count() }).from(signInStashes);
  if ((all?.n ?? 0) >= STASH_LIMITS.total) return false;
  await db.insert(signInStashes).values(stash);
  return true;
}

/** Takes (reads and deletes) a live stash whose cookie matches; null if absent, expired or not this browser's. */
export async function takeStash(db: Database, id: string, cookieHash: string, now: Date): Promise<SignInStash | null> {
  const [row] = await db
    .delete(signInStashes)
    .where(and(eq(signInStashes.id, id), eq(signInStashes.cookieHash, cookieHash)))
    .returning();
  return row && row.expiresAt.getTime() > now.getTime() ? row : null;
}
