// Reads that travel together: a page's queries (site chrome, the article, its
// related reading) sent as one D1 batch, one round trip instead of one each
// (issue 20: a MISS waited for ten). Each loader describes its queries and
// how to turn their rows into its value; the route decides what goes
// together. A D1 batch is one implicit transaction, so the reads also see one
// consistent state of the database.
import { Column, getTableColumns, is, SQL, sql, Table } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Database } from "./client";

type Query = BatchItem<"sqlite">;
type Results<Q extends readonly Query[]> = { -readonly [K in keyof Q]: Awaited<Q[K]> };

/** Some queries and what their results make: one loader's part of a batch. */
export interface Reads<T> {
  readonly queries: readonly Query[];
  decode(results: readonly unknown[]): T;
}

export function reads<const Q extends readonly Query[], T>(queries: Q, decode: (results: Results<Q>) => T): Reads<T> {
  return { queries, decode: decode as (results: readonly unknown[]) => T };
}

/** The same queries, their value made into another. */
export function mapReads<T, U>(r: Reads<T>, f: (value: T) => U): Reads<U> {
  return { queries: r.queries, decode: (results) => f(r.decode(results)) };
}

type Values<R extends readonly Reads<unknown>[]> = {
  -readonly [K in keyof R]: R[K] extends Reads<infer T> ? T : never;
};

/** Runs every loader's queries in one D1 batch: one round trip. */
export async function readTogether<const R extends readonly Reads<unknown>[]>(
  db: Database,
  ...list: R
): Promise<Values<R>> {
  const all = list.flatMap((r) => r.queries);
  const results: readonly unknown[] = all.length ? await db.batch(all as unknown as [Query, ...Query[]]) : [];
  let at = 0;
  return list.map((r) => {
    const mine = results.slice(at, at + r.queries.length);
    at += r.queries.length;
    return r.decode(mine);
  }) as Values<R>;
}

/** One loader on its own, still one round trip for all its queries. */
export async function readOnce<T>(db: Database, r: Reads<T>): Promise<T> {
  const [value] = await readTogether(db, r);
  return value;
}

/**
 * A selection whose every column has its own name in the result. D1 returns
 * a batch's rows as objects keyed by column name, so two joined columns with
 * the same name (articles.id and images.id, sections.slug and articles.slug)
 * would overwrite each other; aliased, each keeps its place. Values are still
 * decoded by their column (dates, booleans). A nested table (a left join's
 * `hero: images`) comes back as an object of nulls when nothing joined:
 * `joined()` turns it into null, as drizzle does outside a batch.
 */
export function distinct<F extends Record<string, unknown>>(fields: F): F {
  let n = 0;
  const alias = (selection: Record<string, unknown>): Record<string, unknown> =>
    Object.fromEntries(
      Object.entries(selection).map(([name, field]) => {
        if (is(field, Column)) return [name, sql`${field}`.mapWith(field).as(`c${n++}`)];
        if (is(field, Table)) return [name, alias(getTableColumns(field))];
        if (is(field, SQL) || is(field, SQL.Aliased) || field === null || typeof field !== "object")
          return [name, field];
        return [name, alias(field as Record<string, unknown>)];
      }),
    );
  return alias(fields) as F;
}

/** A left-joined table's columns, or null when the join found no row (its key is null). */
export function joined<T extends { id: unknown }>(row: T | null): T | null {
  return row && row.id !== null ? row : null;
}
