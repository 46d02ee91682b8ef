// What `npm run audit` prints from a Lighthouse result: the four category
// scores, the lab metrics, and every audit that cost points.
import type { Result } from "lighthouse";

export const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
/** Below this a category is a bug in the site, not noise. */
export const PASS_SCORE = 95;
/** An article's largest paint (its hero photo) in Lighthouse's simulated phone. */
export const LCP_BUDGET_MS = 1000;

export interface PageSummary {
  name: string;
  url: string;
  scores: Record<(typeof CATEGORIES)[number], number>;
  metrics: { fcp: string; lcp: string; tbt: string; cls: string; bytes: string };
  lost: string[];
  /** Lighthouse's measure of the host CPU (a fast desktop is above 1000). */
  benchmarkIndex: number;
  /** Largest Contentful Paint in the simulated phone, ms: the median run's, and every run's in order. */
  lcpMs: number;
  lcpRunsMs: number[];
}

const display = (lhr: Result, id: string) => lhr.audits[id]?.displayValue ?? "?";

const lcpOf = (lhr: Result) => Math.round(lhr.audits["largest-contentful-paint"]?.numericValue ?? Number.NaN);

export function summarise(name: string, lhr: Result, runs: Result[] = [lhr]): PageSummary {
  const scores = Object.fromEntries(
    CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]),
  ) as PageSummary["scores"];
  const bytes = lhr.audits["total-byte-weight"]?.numericValue;
  // Audits that count towards a category score and did not fully pass.
  const weighted = new Set(
    CATEGORIES.flatMap((c) => (lhr.categories[c]?.auditRefs ?? []).filter((r) => r.weight > 0).map((r) => r.id)),
  );
  const lost = Object.values(lhr.audits)
    .filter(
      (a) =>
        weighted.has(a.id) &&
        a.score !== null &&
        a.score < 1 &&
        a.scoreDisplayMode !== "notApplicable" &&
        a.scoreDisplayMode !== "informative",
    )
    .map(
      (a) => `${a.id} (${Math.round((a.score ?? 0) * 100)}): ${a.title}${a.displayValue ? ` - ${a.displayValue}` : ""}`,
    );
  return {
    name,
    url: lhr.finalDisplayedUrl,
    scores,
    lost,
    benchmarkIndex: Math.round(lhr.environment.benchmarkIndex),
    lcpMs: lcpOf(lhr),
    lcpRunsMs: runs.map(lcpOf),
    metrics: {
      fcp: display(lhr, "first-contentful-paint"),
      lcp: display(lhr, "largest-contentful-paint"),
      tbt: display(lhr, "total-blocking-time"),
      cls: display(lhr, "cumulative-layout-shift"),
      bytes: bytes === undefined ? "?" : `${(bytes / 1024).toFixed(1)} KiB`,
    },
  };
}

export function table(pages: PageSummary[]): string {
  const rows = pages.map(
    (p) =>
      `| ${p.name} | ${CATEGORIES.map((c) => p.scores[c]).join(" | ")} | ${p.metrics.fcp} | ${p.lcpMs} ms | ${p.metrics.tbt} | ${p.metrics.cls} | ${p.metrics.bytes} |`,
  );
  return [
    "| page | performance | accessibility | best practices | SEO | FCP | LCP | TBT | CLS | total bytes |",
    "|---|---|---|---|---|---|---|---|---|---|",
    ...rows,
  ].join("\n");
}

/** "LCP 1,105 ms in the median run; 5 runs 945, 1,074, 1,105, 1,160, 1,213 ms, median 1,105 ms" */
export function lcpLine(p: PageSummary): string {
  const sorted = [...p.lcpRunsMs].sort((a, b) => a - b);
  const n = (ms: number) => ms.toLocaleString("en");
  return `LCP ${n(p.lcpMs)} ms in the median run; ${sorted.length} runs ${sorted.map(n).join(", ")} ms, median ${n(medianOf(sorted))} ms`;
}

export const medianOf = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
