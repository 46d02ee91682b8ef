// The wall check (`npm run walls`, .dependency-cruiser.cjs) is itself tested:
// a copy of the source tree gets one deliberately wrong import per rule, and
// the check must name that rule for that file. The real tree must pass clean.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const repo = resolve(__dirname, "../..");
const cli = join(repo, "node_modules/dependency-cruiser/bin/dependency-cruiser.mjs");

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

function cruise(cwd: string): Violation[] {
  let out: string;
  try {
    out = execFileSync(process.execPath, [cli, "src", "worker", "--config", ".dependency-cruiser.cjs", "-T", "json"], {
      cwd,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (err) {
    // A run with violations exits non-zero; its JSON report is still on stdout.
    out = (err as { stdout: string }).stdout;
  }
  return (JSON.parse(out) as { summary: { violations: Violation[] } }).summary.violations;
}

/** One wrong import per rule: the file to add, its code, the rule it must break. */
const PROBES: { file: string; code: string; rule?: string }[] = [
  { file: "src/model/probe-a.ts", code: 'import { b } from "./probe-b";\nexport const a = b;\n', rule: "no-cycles" },
  // The other half of the cycle: the check reports a cycle once, from its first file.
  { file: "src/model/probe-b.ts", code: 'import { a } from "./probe-a";\nexport const b = () => a;\n' },
  { file: "src/vi/probe.ts", code: 'export * from "../../scripts/seed";\n', rule: "src-not-tools" },
  { file: "src/seo/probe.ts", code: 'export * from "../db/articles";\n', rule: "libraries-stay-below" },
  {
    file: "src/site/probe.ts",
    code: 'import { createApp } from "../app";\nexport const app = createApp;\n',
    rule: "libraries-stay-below",
  },
  {
    file: "src/weather/probe.ts",
    code: 'import { AppEnv } from "../env";\nexport type E = AppEnv;\n',
    rule: "libraries-read-env-types-only",
  },
  { file: "src/platform/probe.ts", code: 'export * from "../vi/slug";\n', rule: "platform-knows-nothing" },
  { file: "src/views/Probe.tsx", code: 'export * from "../db/articles";\n', rule: "views-are-pure" },
  { file: "src/views/admin/Probe.tsx", code: 'export * from "../../newsroom/csrf";\n', rule: "views-are-pure" },
  { file: "src/db/probe.ts", code: 'export * from "../edge/policy";\n', rule: "queries-stay-queries" },
  { file: "src/edge/probe.ts", code: 'export { sql } from "drizzle-orm";\n', rule: "caching-knows-no-content" },
  {
    file: "src/edge/probe-kinds.ts",
    code: 'export * from "../model/content-scopes";\n',
    rule: "caching-knows-no-content",
  },
  {
    file: "src/reader/probe.ts",
    code: 'export * from "../newsroom/csrf";\n',
    rule: "readers-never-reach-the-newsroom",
  },
  { file: "src/http/probe.ts", code: 'export * from "../reader/errors";\n', rule: "http-is-generic" },
  { file: "src/editor/probe.ts", code: 'export * from "../db/articles";\n', rule: "editor-is-browser-code" },
  {
    file: "src/editor/probe-zod.ts",
    code: 'export { parseBody } from "../content/blocks";\n',
    rule: "editor-ships-no-zod",
  },
  { file: "src/newsroom/probe.ts", code: 'export * from "../editor/blocks";\n', rule: "nothing-imports-the-editor" },
];

const copies: string[] = [];

function copyOfTree(): string {
  const dir = mkdtempSync(join(tmpdir(), "walls-"));
  copies.push(dir);
  for (const part of ["src", "worker", "scripts", "tsconfig.json", ".dependency-cruiser.cjs"]) {
    cpSync(join(repo, part), join(dir, part), { recursive: true });
  }
  symlinkSync(join(repo, "node_modules"), join(dir, "node_modules"));
  return dir;
}

afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

describe("the walls between the rooms", () => {
  it("hold in the real tree", () => {
    expect(cruise(repo)).toEqual([]);
  });

  it("catch a deliberately wrong import for every rule", () => {
    const dir = copyOfTree();
    for (const probe of PROBES) writeFileSync(join(dir, probe.file), probe.code);
    const found = cruise(dir);
    for (const probe of PROBES) {
      if (!probe.rule) continue;
      expect(
        found.some((v) => v.from === probe.file && v.rule.name === probe.rule),
        `${probe.file} breaks ${probe.rule}`,
      ).toBe(true);
    }
    // Nothing but the probes is wrong.
    const probeFiles = new Set(PROBES.map((p) => p.file));
    expect(found.filter((v) => !probeFiles.has(v.from))).toEqual([]);
  });
});
