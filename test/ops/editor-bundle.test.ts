// The newsroom editor's budget (issue 18): its built bundle, as committed in
// public/_/ and named in src/site/asset-urls.ts, at most 150 KB gzipped. gzip
// at level 9 over a fixed file gives the same size on every machine.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { ASSET_URLS } from "../../src/site/asset-urls";

const EDITOR_BUDGET = 150 * 1024;

describe("the editor bundle", () => {
  const file = resolve(__dirname, "../..", `public${ASSET_URLS["editor.js"]}`);
  const code = readFileSync(file);

  it("stays within 150 KB gzipped", () => {
    const size = gzipSync(code, { level: 9 }).length;
    console.log(`editor bundle: ${code.length} bytes, ${size} bytes gzipped`);
    expect(size).toBeLessThanOrEqual(EDITOR_BUDGET);
  });

  it("carries no validation library (the server validates)", () => {
    expect(code.toString("utf8")).not.toMatch(/ZodError|\$ZodType/);
  });
});
