import { drizzle } from "drizzle-orm/d1";

export type Database = ReturnType<typeof openDatabase>;

/**
 * Queries are built from the tables in ./schema, never through drizzle's
 * relational API (`db.query.*`), so no schema is handed in: building its map
 * cost every request that queried about a third of a millisecond of CPU.
 */
export function openDatabase(d1: D1Database) {
  return drizzle(d1);
}

/** A Database opened on first use: a cache HIT inside the version memo window never queries at all. */
export function openDatabaseLazily(open: () => D1Database): Database {
  let db: Database | undefined;
  return new Proxy({} as Database, {
    get(_target, prop) {
      db ??= openDatabase(open());
      const value = Reflect.get(db, prop, db);
      return typeof value === "function" ? value.bind(db) : value;
    },
  });
}

/**
 * Scopes bumped through each D1 handle (a request's session, a cron run's
 * tracked binding) and not yet taken: whoever opened the handle purges them
 * from a cache in front of the Worker once its work is done (the d1Session
 * middleware, the cron runner). Keyed weakly: a handle nobody takes from is
 * simply forgotten.
 */
const bumped = new WeakMap<object, Set<string>>();

/** Notes scopes a committed write bumped through `db` (writeContent, src/db/versions.ts). */
export function recordBumped(db: Database, scopes: string[]): void {
  if (!scopes.length) return;
  const client = db.$client as object;
  const set = bumped.get(client) ?? new Set<string>();
  bumped.set(client, set);
  for (const s of scopes) set.add(s);
}

/** The scopes bumped through this D1 handle since the last call, sorted; forgets them. */
export function takeBumped(client: object): string[] {
  const set = bumped.get(client);
  bumped.delete(client);
  return set ? [...set].sort() : [];
}

/**
 * A D1 binding of its own for one piece of work (a cron job) that opens its
 * databases itself: the same database, a handle whose bumps can be taken.
 */
export function trackedD1(d1: D1Database): D1Database {
  return new Proxy(d1, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
