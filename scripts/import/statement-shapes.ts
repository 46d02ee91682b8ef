// What D1's prepared statement offers besides `all()`: `run()`, `raw()` and
// `first()`, derived from `all()` the way the Worker binding defines them.
// The importer's own statements (the HTTP API's in remote-d1.ts, the batch
// group's in batch-group.ts) only say how `all()` is sent.

export abstract class AllBackedStatement {
  abstract all<T>(): Promise<D1Result<T>>;

  run<T>(): Promise<D1Result<T>> {
    return this.all<T>();
  }

  /** Rows as arrays, in column order (as drizzle maps a batch's rows, d1ToRawMapping). */
  async raw<T extends unknown[]>(): Promise<T[]> {
    return ((await this.all<Record<string, unknown>>()).results ?? []).map((row) => Object.values(row) as T);
  }

  async first<T>(column?: string): Promise<T | null> {
    const row = (await this.all<Record<string, unknown>>()).results?.[0];
    if (!row) return null;
    return (column === undefined ? row : (row[column] ?? null)) as T;
  }
}
