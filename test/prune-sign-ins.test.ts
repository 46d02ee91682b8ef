// Signing in leaves rows behind: failure counts for the login throttle and
// sessions that have ended. The half-hourly cron forgets them once nothing
// reads them any more, so the tables do not grow for ever.
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../src/db/client";
import { ENDED_SESSION_MEMORY_MS, insertSession } from "../src/db/users";
import { JOBS_BY_CRON } from "../src/jobs/index";
import { PAIR_MEMORY_MS } from "../src/newsroom/throttle";
import { loadDemo } from "./setup/demo";
import { loginAs } from "./setup/newsroom";

beforeAll(async () => {
  await loadDemo();
  await loginAs("editor");
});

const DAY = 24 * 3600_000;
const job = Object.values(JOBS_BY_CRON)
  .flat()
  .find((j) => j.name === "prune-sign-ins")!;

async function keys(sql: string): Promise<string[]> {
  return (await env.DB.prepare(sql).all<{ k: string }>()).results.map((r) => r.k).sort();
}

describe("the sign-in records' pruning", () => {
  it("runs with the other half-hourly jobs", () => {
    expect(JOBS_BY_CRON["*/30 * * * *"]!.map((j) => j.name)).toContain("prune-sign-ins");
  });

  it("forgets failure counts older than the throttle remembers, and sessions ended over 30 days ago", async () => {
    const now = Date.now();
    const user = (await env.DB.prepare("select id from users order by id limit 1").first<number>("id"))!;
    for (const [key, at] of [
      ["pair:cu", now - PAIR_MEMORY_MS - 60_000],
      ["pair:moi", now - PAIR_MEMORY_MS + 60_000],
    ] as const) {
      await env.DB.prepare("insert into login_failures (key, count, window_start) values (?, 3, ?)")
        .bind(key, at)
        .run();
    }
    const db = openDatabase(env.DB);
    for (const [id, endedAgo] of [
      ["het-han-lau", ENDED_SESSION_MEMORY_MS + DAY],
      ["het-han-gan", 2 * DAY],
      ["con-han", -DAY],
    ] as const) {
      const ends = new Date(now - endedAgo);
      await insertSession(db, {
        id,
        userId: user,
        csrfToken: "x",
        createdAt: new Date(ends.getTime() - DAY),
        lastSeenAt: new Date(ends.getTime() - DAY),
        expiresAt: ends,
        device: "",
      });
    }

    await job.run(env, new Date(now));

    expect(await keys("select key as k from login_failures where key like 'pair:%'")).toEqual(["pair:moi"]);
    const left = await keys("select id as k from sessions where id in ('het-han-lau', 'het-han-gan', 'con-han')");
    expect(left).toEqual(["con-han", "het-han-gan"]);
  });
});
