// Counting article views without a D1 write per view: each view is recorded
// with probability 1/VIEW_SAMPLE_RATE and a weight of VIEW_SAMPLE_RATE (default
// 1 in 10), in waitUntil after the response. Sampling keeps writes to a tenth
// on a busy night while the ranking of a list of five stays right; hourly rows
// let "last 24 hours" and "last 7 days" be simple sums.
import type { Context } from "hono";
import { recordViews } from "../db/views";
import type { AppEnv } from "../env";
import { describeError, log } from "../platform/log";

export function countView(c: Context<AppEnv>, articleId: number): void {
  const rate = Math.max(1, Math.min(1000, Math.floor(Number(c.env.VIEW_SAMPLE_RATE ?? 10)) || 10));
  if (Math.random() * rate >= 1) return;
  c.executionCtx.waitUntil(
    recordViews(c.var.db, articleId, new Date(), rate).catch((err) => {
      log("error", "view not counted", { error: describeError(err) });
    }),
  );
}
