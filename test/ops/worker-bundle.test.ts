// The Worker's budget (issue 20): the production build, as `wrangler deploy`
// would upload it, at most 250 KB (250,000 bytes) gzipped, measured the way
// wrangler itself reports it. CI also checks it in `npm run deploy --
// production --dry-run`; this runs it with the other budgets in `npm test`.
import { describe, expect, it } from "vitest";
import { BUNDLE_BUDGET_BYTES, describeBundle, measureBundle } from "../../scripts/bundle-size";

describe("the production Worker bundle", async () => {
  const report = await measureBundle("production");

  it("stays within 250,000 bytes gzipped", () => {
    console.log(describeBundle("production", report));
    expect(BUNDLE_BUDGET_BYTES).toBe(250_000);
    expect(report.gzipBytes).toBeLessThanOrEqual(BUNDLE_BUDGET_BYTES);
  });

  it("is measured as wrangler reports it", () => {
    // Wrangler prints KiB with two decimals; ours must round to the same.
    expect(report.wranglerGzipKiB).not.toBeNull();
    expect(Math.abs(report.gzipBytes / 1024 - (report.wranglerGzipKiB ?? 0))).toBeLessThanOrEqual(0.01);
  });
});
