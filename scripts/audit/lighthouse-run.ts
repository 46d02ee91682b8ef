// Lighthouse 12 with its default config (the mobile preset: a mid-range phone,
// simulated slow 4G and 4x CPU slowdown) in Debian's Chromium, one browser for
// every page.
import { launch } from "chrome-launcher";
import lighthouse, { type Artifacts, type Result } from "lighthouse";
import { computeMedianRun } from "lighthouse/core/lib/median-run.js";

export const CHROME_PATH = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const CHROME_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"];

export interface PageReport {
  lhr: Result;
  /** The trace and network log, for what the largest paint waited for (./lcp-path.ts). */
  artifacts: Artifacts;
  html: string;
  json: string;
  /** Every run's result, the median one included. */
  runs: Result[];
}

export type Audit = (url: string, runs: number) => Promise<PageReport>;

export async function withLighthouse<T>(fn: (audit: Audit) => Promise<T>): Promise<T> {
  const chrome = await launch({ chromePath: CHROME_PATH, chromeFlags: CHROME_FLAGS, logLevel: "silent" });
  const once = async (url: string): Promise<Omit<PageReport, "runs">> => {
    const result = await lighthouse(url, { port: chrome.port, output: ["json", "html"], logLevel: "error" });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    if (result.lhr.runtimeError)
      throw new Error(`Lighthouse could not audit ${url}: ${result.lhr.runtimeError.message}`);
    const [json, html] = result.report as string[];
    return { lhr: result.lhr, artifacts: result.artifacts, json: json!, html: html! };
  };
  try {
    return await fn(async (url, runs) => {
      const reports: Omit<PageReport, "runs">[] = [];
      for (let i = 0; i < runs; i++) reports.push(await once(url));
      // Lighthouse's own advice against run-to-run noise: keep the median run (by FCP and TTI).
      const median = computeMedianRun(reports.map((r) => r.lhr));
      return { ...reports.find((r) => r.lhr === median)!, runs: reports.map((r) => r.lhr) };
    });
  } finally {
    chrome.kill();
  }
}
