// One D1 batch is one transaction. drizzle's own batch() cannot take raw SQL
// with parameters (and maps joined rows by column name), so multi-statement
// writes are built as drizzle queries and sent through D1's batch directly.

import type { SQLWrapper } from "drizzle-orm";
import { SQLiteAsyncDialect } from "drizzle-orm/sqlite-core";
import type { Database } from "./client";

const dialect = new SQLiteAsyncDialect();

export function toStatement(db: Database, query: SQLWrapper): D1PreparedStatement {
  const { sql, params } = dialect.sqlToQuery(query.getSQL());
  return db.$client.prepare(sql).bind(...params);
}

export function runBatch(db: Database, queries: SQLWrapper[]): Promise<D1Result[]> {
  return db.$client.batch(queries.map((q) => toStatement(db, q)));
}
