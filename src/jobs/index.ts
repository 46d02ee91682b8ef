// Cron triggers (wrangler.toml) -> jobs. A job that fails is logged and never
// throws out of scheduled(); the next run tries again.
import type { Env } from "../env";
import { publishScheduled } from "./publish-scheduled";

export const CRON_PUBLISH = "* * * * *";

export async function runScheduled(cron: string, env: Env, scheduledTime: number): Promise<void> {
  const jobs: Record<string, () => Promise<unknown>> = {
    [CRON_PUBLISH]: () => publishScheduled(env, new Date(scheduledTime)),
  };
  const job = jobs[cron];
  if (!job) return;
  try {
    await job();
  } catch (err) {
    console.error(JSON.stringify({ level: "error", cron, error: String(err) }));
  }
}
