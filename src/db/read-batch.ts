// Reads that travel together: a page's queries (site chrome, the article, its
// related reading) sent as one D1 batch, one round trip instead of one each
// (issue 20: an article MISS waited for ten). Each loader describes its
// queries and how to turn their rows into its value; the route decides what
// goes together. A D1 batch is one implicit transaction, so the reads also
// see one consistent state of the database.
import { Column, fillPlaceholders, getTableColumns, is, SQL, sql, Table } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { type Database, openDatabase } from "./client";

type Query = BatchItem<"sqlite">;
type Results<Q extends readonly Query[]> = { -readonly [K in keyof Q]: Awaited<Q[K]> };

/** What drizzle's own batch uses of a query: its SQL and parameters, and how its rows are decoded. */
interface Prepared {
  getQuery(): { sql: string; params: unknown[] };
  mapResult(result: unknown, isFromBatch?: boolean): unknown;
  /** The D1 statement drizzle prepared on the query's own database. */
  stmt: D1PreparedStatement;
}

interface Part {
  prepared: Prepared;
  /** Values of the query's placeholders (sql.placeholder). */
  values: Record<string, unknown>;
  /** Prepared on the request's database (true) or a template's, built once (false). */
  own: boolean;
}

/** Some queries and what their results make: one loader's part of a batch. */
export interface Reads<T> {
  readonly parts: readonly Part[];
  decode(results: readonly unknown[]): T;
}

const prepare = (query: Query) => (query as unknown as { prepare(): Prepared }).prepare();

export function reads<const Q extends readonly Query[], T>(queries: Q, decode: (results: Results<Q>) => T): Reads<T> {
  return {
    parts: queries.map((q) => ({ prepared: prepare(q), values: {}, own: true })),
    decode: decode as (results: readonly unknown[]) => T,
  };
}

/**
 * Reads whose SQL is built once per isolate: what changes from one call to
 * the next is a drizzle placeholder (`sql.placeholder("id")`), filled from
 * `values` per call. Building an article's ten queries costs about 1 ms of
 * CPU each time; the SQL itself never changes. Only the text is kept, never
 * rows: nothing read from D1 outlives the request.
 */
export function template<const Q extends readonly Query[], T>(
  build: (db: Database) => Q,
  decode: (results: Results<Q>) => T,
): (values: Record<string, unknown>) => Reads<T> {
  let prepared: Prepared[] | undefined;
  return (values) => {
    prepared ??= build(templateDb).map(prepare);
    return {
      parts: prepared.map((p) => ({ prepared: p, values, own: false })),
      decode: decode as (r: readonly unknown[]) => T,
    };
  };
}

/** Builds SQL only: a template's queries are sent through the request's own database. */
const templateDb = openDatabase({
  prepare: () => ({ bind: () => undefined }),
} as unknown as D1Database);

/** The same queries, their value made into another. */
export function mapReads<T, U>(r: Reads<T>, f: (value: T) => U): Reads<U> {
  return { parts: r.parts, decode: (results) => f(r.decode(results)) };
}

type Values<R extends readonly Reads<unknown>[]> = {
  -readonly [K in keyof R]: R[K] extends Reads<infer T> ? T : never;
};

/** Runs every loader's queries in one D1 batch: one round trip. */
export async function readTogether<const R extends readonly Reads<unknown>[]>(
  db: Database,
  ...list: R
): Promise<Values<R>> {
  const parts = list.flatMap((r) => r.parts);
  const statements = parts.map(({ prepared, values, own }) => {
    const query = prepared.getQuery();
    const params = fillPlaceholders(query.params, values);
    // As drizzle's own batch does: the statement drizzle prepared, else one on the request's database.
    return (own ? prepared.stmt : db.$client.prepare(query.sql)).bind(...params);
  });
  const results = statements.length ? await db.$client.batch(statements) : [];
  // Decoded as drizzle's own batch does (its rows come as objects, in column order).
  const rows = results.map((result, i) => parts[i]!.prepared.mapResult(result, true));
  let at = 0;
  return list.map((r) => {
    const mine = rows.slice(at, at + r.parts.length);
    at += r.parts.length;
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
