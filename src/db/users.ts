import { and, desc, eq, lt, sql } from "drizzle-orm";
import type { Session, User } from "../model/records";
import type { UserRole } from "../model/statuses";
import type { PasswordHash } from "../platform/passwords";
import { runBatch } from "./batch";
import type { Database } from "./client";
import { loginFailures, sessions, users } from "./schema";

export async function getUserByEmail(db: Database, email: string): Promise<User | null> {
  const [row] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).limit(1);
  return row ?? null;
}

export async function getUserById(db: Database, id: number): Promise<User | null> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row ?? null;
}

export function listUsers(db: Database): Promise<User[]> {
  return db.select().from(users).orderBy(users.name);
}

export async function countUsers(db: Database): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)` }).from(users);
  return row?.n ?? 0;
}

export async function insertUser(
  db: Database,
  u: {
    email: string;
    name: string;
    role: UserRole;
    authorId?: number | null;
    password: PasswordHash;
    /** The password was chosen by someone else: the user must choose their own at sign-in. */
    mustChangePassword?: boolean;
  },
): Promise<number> {
  const [row] = await db
    .insert(users)
    .values({
      email: u.email.trim().toLowerCase(),
      name: u.name.trim(),
      role: u.role,
      authorId: u.authorId ?? null,
      passwordHash: u.password.hash,
      passwordSalt: u.password.salt,
      passwordIterations: u.password.iterations,
      mustChangePassword: u.mustChangePassword ?? false,
    })
    .returning({ id: users.id });
  if (!row) throw new Error("user insert returned no id");
  return row.id;
}

/** A new hash; `mustChange` marks a password someone else chose (a reset), false clears the mark. */
export async function setUserPassword(db: Database, id: number, p: PasswordHash, mustChange = false): Promise<void> {
  await db
    .update(users)
    .set({
      passwordHash: p.hash,
      passwordSalt: p.salt,
      passwordIterations: p.iterations,
      mustChangePassword: mustChange,
    })
    .where(eq(users.id, id));
}

/** Re-hashing the same password with stronger parameters: the must-change mark stays as it was. */
export async function rehashUserPassword(db: Database, id: number, p: PasswordHash): Promise<void> {
  await db
    .update(users)
    .set({ passwordHash: p.hash, passwordSalt: p.salt, passwordIterations: p.iterations })
    .where(eq(users.id, id));
}

export async function setUserRole(db: Database, id: number, role: UserRole, disabled: boolean): Promise<void> {
  await db.update(users).set({ role, disabled }).where(eq(users.id, id));
}

/** The author (byline) an account files under, or none. */
export async function setUserAuthor(db: Database, id: number, authorId: number | null): Promise<void> {
  await db.update(users).set({ authorId }).where(eq(users.id, id));
}

// Sessions

export async function insertSession(db: Database, s: Session): Promise<void> {
  await db.insert(sessions).values(s);
}

export async function getSessionWithUser(db: Database, id: string): Promise<{ session: Session; user: User } | null> {
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id))
    .limit(1);
  return row ?? null;
}

/** A user's sessions, the most recently used first (expired ones included: the caller knows the rules). */
export function listUserSessions(db: Database, userId: number): Promise<Session[]> {
  return db.select().from(sessions).where(eq(sessions.userId, userId)).orderBy(desc(sessions.lastSeenAt));
}

export async function touchSession(db: Database, id: string, at: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
}

export async function deleteSession(db: Database, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id));
}

export async function deleteUserSessions(db: Database, userId: number, exceptId?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(
      exceptId ? and(eq(sessions.userId, userId), sql`${sessions.id} != ${exceptId}`) : eq(sessions.userId, userId),
    );
}

export async function deleteExpiredSessions(db: Database, now: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}

// Login throttling

/** A throttle key's count and the start of its window, if it has any. */
export async function failuresOf(db: Database, key: string): Promise<{ count: number; windowStart: Date } | null> {
  const [row] = await db
    .select({ count: loginFailures.count, windowStart: loginFailures.windowStart })
    .from(loginFailures)
    .where(eq(loginFailures.key, key))
    .limit(1);
  return row ?? null;
}

/**
 * Takes one try for a run of tries (one client against one account), in one
 * statement so tries sent at once cannot all slip through: the count goes up
 * and the run's window restarts now, unless the run is paused (its last try
 * plus `delays[count]`, or the last delay for higher counts, is still ahead),
 * and then nothing changes and the answer is false. A run whose last try is
 * not newer than `forgetBefore` starts again at 1.
 */
export async function takeRunTry(
  db: Database,
  key: string,
  now: Date,
  forgetBefore: Date,
  delays: readonly number[],
): Promise<boolean> {
  const t = now.getTime();
  const last = delays[delays.length - 1] ?? 0;
  const delay = sql.join(
    [sql`case count`, ...delays.map((ms, count) => sql`when ${count} then ${ms}`), sql`else ${last} end`],
    sql` `,
  );
  const rows = await db.all<{ count: number }>(sql`
    insert into login_failures (key, count, window_start) values (${key}, 1, ${t})
    on conflict (key) do update set
      count = case when window_start > ${forgetBefore.getTime()} then count + 1 else 1 end,
      window_start = ${t}
    where window_start <= ${forgetBefore.getTime()} or window_start + (${delay}) <= ${t}
    returning count`);
  return rows.length > 0;
}

/**
 * Takes one try for a key limited to `limit` tries in a window of time: false,
 * and nothing changes, when the window (newer than `since`) is full. One
 * statement, so tries sent at once cannot all slip through.
 */
export async function takeWindowTry(
  db: Database,
  key: string,
  now: Date,
  since: Date,
  limit: number,
): Promise<boolean> {
  const rows = await db.all<{ count: number }>(sql`
    insert into login_failures (key, count, window_start) values (${key}, 1, ${now.getTime()})
    on conflict (key) do update set
      count = case when window_start > ${since.getTime()} then count + 1 else 1 end,
      window_start = case when window_start > ${since.getTime()} then window_start else ${now.getTime()} end
    where window_start <= ${since.getTime()} or count < ${limit}
    returning count`);
  return rows.length > 0;
}

/** Gives back a try taken with takeWindowTry (the password was right, or another limit refused it). */
export async function returnWindowTry(db: Database, key: string): Promise<void> {
  await db.run(sql`update login_failures set count = max(count - 1, 0) where key = ${key}`);
}

export async function clearFailures(db: Database, key: string): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.key, key));
}

/** A run of wrong passwords with no new one for this long starts again from nothing (src/newsroom/throttle.ts). */
export const FAILURE_MEMORY_MS = 24 * 3600_000;
/** How long an ended session stays on the sessions page before it is forgotten. */
export const ENDED_SESSION_MEMORY_MS = 30 * 24 * 3600_000;

/**
 * Forgets what signing in no longer needs: failure counts older than
 * FAILURE_MEMORY_MS, and sessions ended more than ENDED_SESSION_MEMORY_MS
 * ago, so the tables do not grow for ever. One batch.
 */
export async function pruneSignInRecords(db: Database, now: Date): Promise<void> {
  await runBatch(db, [
    db.delete(loginFailures).where(lt(loginFailures.windowStart, new Date(now.getTime() - FAILURE_MEMORY_MS))),
    db.delete(sessions).where(lt(sessions.expiresAt, new Date(now.getTime() - ENDED_SESSION_MEMORY_MS))),
  ]);
}
