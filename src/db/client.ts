import { drizzle } from "drizzle-orm/d1";
import * as schema from "./schema";

export type Database = ReturnType<typeof openDatabase>;

export function openDatabase(d1: D1Database) {
  return drizzle(d1, { schema });
}

/**
 * A Database opened on first use. Building drizzle's map of the schema costs
 * about as much as serving a whole cached page, and a cache HIT inside the
 * version memo window never queries at all.
 */
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
