// Loads a backup's data.sql into a (staging) local D1 without ever holding
// the dump in memory: `wrangler d1 execute --file` reads the whole file and
// sends 1.5 million INSERTs as one batch, which did not finish in 21 minutes
// for the 250,000-article archive (docs/performance.md).
//
// The file is read twice, as a stream. The first pass splits it into
// statements and notes where each table's INSERTs are (byte ranges); the
// second loads table by table, parents before children (D1 enforces foreign
// keys and only offers `PRAGMA defer_foreign_keys`, which lasts one
// transaction), in batches of a few thousand statements, each batch one
// transaction. The load as a whole is not one transaction: it goes into a
// throwaway staging state that is swapped in only when every step passed.
import { createReadStream } from "node:fs";

/** The statements of a byte range of a SQL file, with their byte offsets. */
export interface DumpStatement {
  sql: string;
  start: number;
  end: number;
}

const QUOTE = 0x27; // '
const DQUOTE = 0x22; // "
const SEMI = 0x3b; // ;
const DASH = 0x2d; // -
const NL = 0x0a;

/**
 * Splits a SQL file into statements at `;` outside quotes and `--` comments,
 * as a stream. Byte-wise: no byte of a UTF-8 multi-byte character is ASCII,
 * so quotes and semicolons are found without decoding. Text with newlines
 * (miniflare writes them as `replace('…\n…','\n',char(10))`, other dumps may
 * not) and with doubled quotes stays inside its statement.
 */
export async function* readStatements(
  path: string,
  start = 0,
  end?: number,
  /** Decode only a statement's first bytes (enough to see its table). */
  headOnly = false,
): AsyncGenerator<DumpStatement> {
  let state: "code" | "single" | "double" | "comment" = "code";
  let pending: Buffer[] = [];
  let pendingStart = start;
  let offset = start;
  const stream = createReadStream(path, { start, ...(end !== undefined ? { end: end - 1 } : {}) });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let from = 0;
    let i = 0;
    while (i < chunk.length) {
      if (state === "single" || state === "double") {
        const close = chunk.indexOf(state === "single" ? QUOTE : DQUOTE, i);
        if (close < 0) {
          i = chunk.length;
          break;
        }
        // A doubled quote closes and reopens: the same state afterwards.
        state = "code";
        i = close + 1;
        continue;
      }
      if (state === "comment") {
        const nl = chunk.indexOf(NL, i);
        if (nl < 0) {
          i = chunk.length;
          break;
        }
        state = "code";
        i = nl + 1;
        continue;
      }
      const b = chunk[i]!;
      if (b === QUOTE) state = "single";
      else if (b === DQUOTE) state = "double";
      else if (b === DASH && chunk[i + 1] === DASH) state = "comment";
      else if (b === SEMI) {
        let sql: string;
        if (!pending.length) sql = chunk.toString("utf8", from, headOnly ? Math.min(i + 1, from + 400) : i + 1);
        else {
          pending.push(chunk.subarray(from, i + 1));
          const whole = Buffer.concat(pending);
          sql = whole.toString("utf8", 0, headOnly ? Math.min(whole.length, 400) : whole.length);
        }
        sql = sql.trim();
        const stmtEnd = offset + i + 1;
        if (sql !== ";") yield { sql, start: pendingStart, end: stmtEnd };
        pending = [];
        from = i + 1;
        pendingStart = stmtEnd;
      }
      i++;
    }
    if (from < chunk.length) pending.push(chunk.subarray(from));
    offset += chunk.length;
  }
  const rest = Buffer.concat(pending).toString("utf8").trim();
  // A last statement without its `;` (wrangler accepts one).
  if (rest && !/^(--[^\n]*\n?\s*)*$/.test(rest)) yield { sql: rest, start: pendingStart, end: offset };
}

const INSERT_TARGET = /^\s*insert\s+into\s+("(?:[^"]|"")+"|`[^`]+`|\[[^\]]+\]|[A-Za-z_][A-Za-z0-9_]*)/i;
// Dumps begin with it; here the order of the tables does its work.
const DEFER_PRAGMA = /^\s*pragma\s+defer_foreign_keys\s*=\s*(true|on|1)\s*;?\s*$/i;

function unquote(name: string): string {
  if (name.startsWith('"')) return name.slice(1, -1).replace(/""/g, '"');
  if (name.startsWith("`") || name.startsWith("[")) return name.slice(1, -1);
  return name;
}

/** Where each table's INSERTs are in the file: contiguous byte ranges, in file order. */
export interface DumpLayout {
  ranges: Map<string, { start: number; end: number }[]>;
  rows: Map<string, number>;
}

/** First pass: which table each statement writes; anything but INSERTs (and the pragma) is refused. */
export async function scanDump(path: string): Promise<DumpLayout> {
  const ranges = new Map<string, { start: number; end: number }[]>();
  const rows = new Map<string, number>();
  let last: { start: number; end: number } | undefined;
  let lastTable: string | undefined;
  for await (const s of readStatements(path, 0, undefined, true)) {
    const match = INSERT_TARGET.exec(s.sql);
    if (!match) {
      if (DEFER_PRAGMA.test(s.sql)) continue;
      throw new Error(`data.sql có câu lệnh không phải INSERT: ${s.sql.slice(0, 120)}`);
    }
    const table = unquote(match[1]!);
    rows.set(table, (rows.get(table) ?? 0) + 1);
    if (table === lastTable && last) {
      last.end = s.end;
    } else {
      last = { start: s.start, end: s.end };
      lastTable = table;
      const list = ranges.get(table) ?? [];
      list.push(last);
      ranges.set(table, list);
    }
  }
  return { ranges, rows };
}

/**
 * Tables in an order where every table comes after the tables it references
 * (`edges`: table → tables it references), alphabetical among equals. A
 * reference to itself is left to the row order; a cycle cannot be loaded
 * without one transaction and is an error.
 */
export function parentsFirst(tables: string[], edges: Map<string, Set<string>>): string[] {
  const wanted = new Set(tables);
  const order: string[] = [];
  const done = new Set<string>();
  const left = [...tables].sort();
  while (left.length) {
    const i = left.findIndex((t) => [...(edges.get(t) ?? [])].every((p) => p === t || done.has(p) || !wanted.has(p)));
    if (i < 0) throw new Error(`khóa ngoại vòng tròn giữa các bảng ${left.join(", ")}: không nạp từng phần được`);
    const [t] = left.splice(i, 1);
    order.push(t!);
    done.add(t!);
  }
  return order;
}

/** What the loader needs of a D1 binding (the loopback one, or getPlatformProxy's). */
export interface BatchDb {
  prepare(sql: string): D1PreparedStatement;
  batch(statements: D1PreparedStatement[]): Promise<unknown>;
}

const quoteId = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Reads each table's foreign keys from the database (after the migrations). */
export async function foreignKeys(db: BatchDb, tables: string[]): Promise<Map<string, Set<string>>> {
  const edges = new Map<string, Set<string>>();
  for (const t of tables) {
    const [result] = (await db.batch([db.prepare(`pragma foreign_key_list(${quoteId(t)})`)])) as D1Result<{
      table: string;
    }>[];
    edges.set(t, new Set((result?.results ?? []).map((r) => r.table)));
  }
  return edges;
}

export interface LoadOptions {
  /** Statements per batch (one request, one transaction). */
  batchStatements?: number;
  /** And at most this much SQL per batch. */
  batchBytes?: number;
  onTable?: (table: string, rows: number, seconds: number) => void;
}

/** Loads the dump's INSERTs into `db`, parents first, in batches. Returns rows per table. */
export async function loadDump(db: BatchDb, path: string, options: LoadOptions = {}): Promise<Map<string, number>> {
  const maxStatements = options.batchStatements ?? 2000;
  const maxBytes = options.batchBytes ?? 8 * 1024 * 1024;
  const layout = await scanDump(path);
  const tables = [...layout.ranges.keys()];
  const order = parentsFirst(tables, await foreignKeys(db, tables));
  for (const table of order) {
    const started = Date.now();
    let batch: D1PreparedStatement[] = [];
    let bytes = 0;
    const flush = async () => {
      if (!batch.length) return;
      await db.batch(batch);
      batch = [];
      bytes = 0;
    };
    for (const range of layout.ranges.get(table)!) {
      for await (const s of readStatements(path, range.start, range.end)) {
        if (DEFER_PRAGMA.test(s.sql)) continue;
        batch.push(db.prepare(s.sql));
        bytes += s.sql.length;
        if (batch.length >= maxStatements || bytes >= maxBytes) await flush();
      }
    }
    await flush();
    options.onTable?.(table, layout.rows.get(table) ?? 0, (Date.now() - started) / 1000);
  }
  return layout.rows;
}
