// Which tables a backup holds, and how many rows of each a dump contains.
//
// `wrangler d1 export` refuses a database with FTS5 virtual tables, so the
// backup exports the real tables only, as data. Left out: the search index
// (virtual tables and their shadow tables; restore rebuilds it from the
// articles), D1's and SQLite's own tables (`_cf_*`, `sqlite_*`),
// `d1_migrations` (restore re-applies the migrations, which records them) and
// article_months (its triggers refill it from the articles).
import { unstable_splitSqlQuery } from "wrangler";

export interface SchemaRow {
  name: string;
  type: string;
  sql: string | null;
}

/** Lists sqlite_master's tables; the same statement runs locally and on remote D1. */
export const SCHEMA_QUERY = "select name, type, sql from sqlite_master where type = 'table' order by name";

// The tables SQLite creates for each FTS5 table (https://sqlite.org/fts5.html, "shadow tables").
const FTS5_SHADOW_SUFFIXES = ["_data", "_idx", "_content", "_docsize", "_config"];

/**
 * Summaries that triggers rebuild while the data loads (migrations/0016): in a
 * dump they would collide with the rows the triggers already wrote.
 */
const DERIVED_TABLES = ["article_months"];

export function tablesToBackUp(rows: SchemaRow[]): string[] {
  const virtual = rows.filter((r) => /^\s*create\s+virtual\s+table/i.test(r.sql ?? "")).map((r) => r.name);
  const shadow = new Set(virtual.flatMap((v) => FTS5_SHADOW_SUFFIXES.map((s) => v + s)));
  return rows
    .filter((r) => r.type === "table" && !virtual.includes(r.name) && !shadow.has(r.name))
    .map((r) => r.name)
    .filter((name) => !name.startsWith("_cf_") && !name.startsWith("sqlite_") && name !== "d1_migrations")
    .filter((name) => !DERIVED_TABLES.includes(name))
    .sort();
}

const INSERT_TARGET = /^\s*insert\s+into\s+("(?:[^"]|"")+"|`[^`]+`|\[[^\]]+\]|[A-Za-z_][A-Za-z0-9_]*)/i;

function unquote(name: string): string {
  if (name.startsWith('"')) return name.slice(1, -1).replace(/""/g, '"');
  if (name.startsWith("`") || name.startsWith("[")) return name.slice(1, -1);
  return name;
}

/**
 * Rows per table in a data dump, split into statements the way
 * `wrangler d1 execute --file` splits it. A statement for a table that is not
 * in `tables` means the dump is not what was asked for: an error.
 */
export function countDumpRows(dump: string, tables: string[]): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(tables.map((t) => [t, 0]));
  for (const statement of unstable_splitSqlQuery(dump)) {
    const match = INSERT_TARGET.exec(statement);
    if (!match) continue;
    const table = unquote(match[1]!);
    if (!(table in counts)) throw new Error(`bản xuất dữ liệu có bảng không được yêu cầu: ${table}`);
    counts[table]! += 1;
  }
  return counts;
}
