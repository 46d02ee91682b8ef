// Cron triggers (wrangler.toml) -> jobs. A job that fails is logged and never
// throws out of scheduled(); the next run tries again.

import { openDatabase } from "../db/client";
import { pruneViews } from "../db/views";
import type { Env } from "../env";
import { describeError } from "../http/request-log";
import { publishScheduled } from "./publish-scheduled";
import { pruneWeatherHistory, refreshWeather } from "./weather";

/** "Đọc nhiều" looks back 7 days; older hourly counts go. */
function pruneViewCounts(env: Env, now: Date): Promise<void> {
  return pruneViews(openDatabase(env.DB), new Date(now.getTime() - 8 * 24 * 3600_000));
}

export const CRON_PUBLISH = "* * * * *";
export const CRON_WEATHER = "*/30 * * * *";

export async function runScheduled(cron: string, env: Env, scheduledTime: number): Promise<void> {
  const now = new Date(scheduledTime);
  const jobs: Record<string, (() => Promise<unknown>)[]> = {
    [CRON_PUBLISH]: [() => publishScheduled(env, now)],
    [CRON_WEATHER]: [
      () => refreshWeather(env, now),
      () => pruneWeatherHistory(env, now),
      () => pruneViewCounts(env, now),
    ],
  };
  for (const job of jobs[cron] ?? []) {
    try {
      await job();
    } catch (err) {
      console.error(JSON.stringify({ level: "error", cron, error: describeError(err) }));
    }
  }
}
