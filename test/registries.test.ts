// Registries that are checked, not remembered: each list the code keeps of
// something defined elsewhere is compared here with that something.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { JOBS_BY_CRON } from "../src/jobs/index";

describe("the job table", () => {
  const cronsByEnvironment = JSON.parse(env.WRANGLER_CRONS) as Record<string, string[]>;

  it("has exactly the crons wrangler.toml deploys, in every environment", () => {
    expect(Object.keys(cronsByEnvironment)).toEqual(expect.arrayContaining(["", "staging", "production", "dat-mui"]));
    const registered = Object.keys(JOBS_BY_CRON).sort();
    for (const [environment, crons] of Object.entries(cronsByEnvironment))
      expect([...crons].sort(), `wrangler.toml ${environment ? `[env.${environment}]` : "top level"}`).toEqual(
        registered,
      );
  });

  it("names every job once, and gives every cron at least one", () => {
    const names = Object.values(JOBS_BY_CRON).flatMap((jobs) => jobs.map((job) => job.name));
    expect(new Set(names).size).toBe(names.length);
    for (const [cron, jobs] of Object.entries(JOBS_BY_CRON)) expect(jobs.length, cron).toBeGreaterThan(0);
  });
});
