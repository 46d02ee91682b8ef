// axe-core, injected into the page as a script file. Pages send a strict CSP
// (script-src 'self'), so only contexts made with `bypassCSP: true` can run it.
import { createRequire } from "node:module";
import type { AxeResults } from "axe-core";
import type { Page } from "playwright-core";

const AXE_SCRIPT = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/**
 * Every rule axe runs by default (WCAG 2.x A/AA and best practices) plus
 * WCAG 2.2's target size (off by default in axe; readers tap on phones).
 * One line per failing element.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE_SCRIPT });
  const result = await page.evaluate(() =>
    (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe.run(document, {
      rules: { "target-size": { enabled: true } },
      resultTypes: ["violations"],
    }),
  );
  return result.violations.flatMap((v) =>
    v.nodes.map(
      (n) => `${v.id} (${v.impact}): ${v.help} at ${n.target.join(" ")}: ${n.failureSummary?.replace(/\s+/g, " ")}`,
    ),
  );
}
