// Every list query's plan, on the real D1 with the real migrations: no full
// scan of a table that grows with the archive (docs/performance.md, "Archive").
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../src/db/client";
import { LIST_QUERIES, LIST_QUERIES_EXEMPT } from "../src/db/list-queries";

declare global {
  /** Vite's import.meta.glob, as this file uses it (vite/client's types would bring the DOM's). */
  interface ImportMeta {
    glob(pattern: string, options: { eager: true }): Record<string, unknown>;
  }
}

/** Tables that stay small whatever the archive's size: a scan of them is fine. */
const SMALL_TABLES = new Set(["sections", "authors", "users", "static_pages", "site_settings", "cache_versions"]);

interface Captured {
  sql: string;
  params: unknown[];
}

/** A D1 binding that records every statement prepared through it, with its parameters. */
function recordingD1(d1: D1Database, seen: Captured[]): D1Database {
  return new Proxy(d1, {
    get(target, prop) {
      if (prop === "prepare") {
        return (query: string) => {
          const entry: Captured = { sql: query, params: [] };
          seen.push(entry);
          const stmt = target.prepare(query);
          return new Proxy(stmt, {
            get(s, p) {
              if (p === "bind") {
                return (...args: unknown[]) => {
                  entry.params = args;
                  return s.bind(...args);
                };
              }
              const v = Reflect.get(s, p, s);
              return typeof v === "function" ? v.bind(s) : v;
            },
          });
        };
      }
      const v = Reflect.get(target, prop, target);
      return typeof v === "function" ? v.bind(target) : v;
    },
  });
}

async function tableNames(): Promise<Set<string>> {
  const { results } = await env.DB.prepare("select name from sqlite_master where type = 'table'").all<{
    name: string;
  }>();
  return new Set(results.map((r) => r.name));
}

/**
 * Full scans in a plan: `SCAN t` of a real, growing table without an index, or
 * `SCAN t USING INDEX` whose order is not the one asked for (the plan sorts in a
 * temp B-tree, so every row is read before the first is returned). An ordered
 * index walk under a LIMIT stops early; a covering index for count(*) without a
 * filter is allowed (the newsroom's total: linear, but over the narrow index).
 */
function fullScans(plan: string[], tables: Set<string>): string[] {
  const sortsAll = plan.includes("USE TEMP B-TREE FOR ORDER BY");
  return plan.filter((line) => {
    const m = /^SCAN (\S+)(?: AS \S+)?(.*)$/.exec(line);
    if (!m) return false;
    const [, table, rest = ""] = m;
    if (!tables.has(table!) || SMALL_TABLES.has(table!)) return false;
    if (/VIRTUAL TABLE INDEX/.test(rest)) return false;
    if (/USING COVERING INDEX/.test(rest) && plan.length === 1) return false;
    if (/USING (COVERING )?INDEX/.test(rest)) return sortsAll;
    return true;
  });
}

describe("list query plans", () => {
  it("cover every exported list function of the query modules", () => {
    const modules = import.meta.glob("../src/db/*.ts", { eager: true });
    expect(Object.keys(modules).length).toBeGreaterThan(20);
    const listed = new Set([...LIST_QUERIES.map((q) => q.fn), ...Object.keys(LIST_QUERIES_EXEMPT)]);
    const missing: string[] = [];
    for (const [path, mod] of Object.entries(modules)) {
      for (const [name, value] of Object.entries(mod as Record<string, unknown>)) {
        if (typeof value === "function" && /^(list|search|count|picker)[A-Z]/.test(name) && !listed.has(name)) {
          missing.push(`${path}: ${name}`);
        }
      }
    }
    expect(missing, "add them to LIST_QUERIES (src/db/list-queries.ts) or exempt them with a reason").toEqual([]);
  });

  it("never scan a growing table without an index", async () => {
    const tables = await tableNames();
    const problems: string[] = [];
    let statements = 0;
    for (const query of LIST_QUERIES) {
      const seen: Captured[] = [];
      let onIndex = false;
      const db = openDatabase(recordingD1(env.DB, seen));
      await query.run({ db, now: new Date(), sectionId: 1, authorId: 1, tagId: 1, articleId: 1 });
      expect(seen.length, `${query.fn} (${query.use}) sent no SQL`).toBeGreaterThan(0);
      for (const { sql, params } of seen) {
        statements++;
        const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
          .bind(...params)
          .all<{ detail: string }>();
        const plan = results.map((r) => r.detail);
        const scans = fullScans(plan, tables).filter(
          (line) => !query.reads || !new RegExp(`^SCAN ${query.reads.table}\\b`).test(line),
        );
        if (query.index && plan.some((line) => new RegExp(`INDEX ${query.index}\\b`).test(line))) onIndex = true;
        if (scans.length)
          problems.push(`${query.fn} (${query.use}): ${scans.join("; ")}\n  ${sql}\n  ${plan.join(" | ")}`);
      }
      if (query.index && !onIndex) problems.push(`${query.fn} (${query.use}): its plan does not use ${query.index}`);
    }
    expect(statements).toBeGreaterThanOrEqual(LIST_QUERIES.length);
    expect(problems, problems.join("\n\n")).toEqual([]);
  });

  it("flags a full scan (the check itself works)", async () => {
    const { results } = await env.DB.prepare("EXPLAIN QUERY PLAN select * from articles where lead = ?")
      .bind("x")
      .all<{ detail: string }>();
    expect(
      fullScans(
        results.map((r) => r.detail),
        await tableNames(),
      ),
    ).toEqual(["SCAN articles"]);
  });
});
