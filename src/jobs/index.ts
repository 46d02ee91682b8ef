// Cron triggers -> jobs. JOBS_BY_CRON is the one list of what runs when;
// wrangler.toml's `crons` must name exactly its keys (test/registries.test.ts
// reads every environment's). A job that fails is logged and never throws out
// of scheduled(); the next run tries again.
import { openDatabase, takeBumped, trackedD1 } from "../db/client";
import { pruneSignInRecords } from "../db/users";
import { pruneViews } from "../db/views";
import { type CachePurger, purgeScopes } from "../edge/purge";
import type { Env } from "../env";
import { describeError, log } from "../platform/log";
import { publishScheduled } from "./publish-scheduled";
import { pruneWeatherHistory, refreshWeather } from "./weather";

/** Something a cron runs; the name is what its error lines are searched by. */
export interface Job {
  name: string;
  run: (env: Env, now: Date) => Promise<unknown>;
}

const DAY_MS = 24 * 3600_000;

/** "Đọc nhiều" looks back 7 days; older hourly counts go. */
function pruneViewCounts(env: Env, now: Date): Promise<void> {
  return pruneViews(openDatabase(env.DB), new Date(now.getTime() - 8 * DAY_MS));
}

/** Login failure counts the throttle no longer reads, and long-ended sessions. */
function pruneSignIns(env: Env, now: Date): Promise<void> {
  return pruneSignInRecords(openDatabase(env.DB), now);
}

/** Cron expression -> the jobs it runs, one after another. */
export const JOBS_BY_CRON: Readonly<Record<string, readonly Job[]>> = {
  // Scheduled articles go out within a minute of their time.
  "* * * * *": [{ name: "publish-scheduled", run: publishScheduled }],
  // The weather box every half hour; pruning rides along rather than needing a trigger of its own.
  "*/30 * * * *": [
    { name: "refresh-weather", run: refreshWeather },
    { name: "prune-weather-history", run: pruneWeatherHistory },
    { name: "prune-view-counts", run: pruneViewCounts },
    { name: "prune-sign-ins", run: pruneSignIns },
  ],
};

/**
 * Runs a cron's jobs one after another. Each job gets a D1 handle of its own,
 * so the scopes its writes bumped are purged from Workers Cache (production)
 * as soon as it is done; `ctx` is the scheduled handler's (ctx.cache).
 */
export async function runScheduled(
  cron: string,
  env: Env,
  scheduledTime: number,
  ctx?: { cache?: CachePurger },
): Promise<void> {
  const jobs = JOBS_BY_CRON[cron];
  // A trigger with no jobs is a deployment whose crons and code disagree: say so rather than idle.
  if (!jobs) log("error", "no jobs for this cron", { cron });
  const now = new Date(scheduledTime);
  for (const job of jobs ?? []) {
    const db = trackedD1(env.DB);
    try {
      await job.run({ ...env, DB: db }, now);
    } catch (err) {
      log("error", "job failed", { cron, job: job.name, error: describeError(err) });
    }
    // What a job committed before failing is purged too.
    await purgeScopes(env, ctx, takeBumped(db));
  }
}
