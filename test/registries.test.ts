// Registries that are checked, not remembered: each list the code keeps of
// something defined elsewhere is compared here with that something.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import { JOBS_BY_CRON } from "../src/jobs/index";
import { isSlug } from "../src/reader/slugs";
import { loginAs } from "./setup/newsroom";

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

describe("the reserved paths", () => {
  /** The first segment of every route the app defines, as written ("rss.xml", not "rss"). */
  function topLevelPaths(): string[] {
    const out = new Set<string>();
    for (const { path } of createApp().routes) {
      const first = path.split("/")[1];
      if (first && !first.startsWith(":") && !first.includes("*")) out.add(first);
    }
    return [...out];
  }

  it("keep a static page off every top-level path the app routes, storing nothing", async () => {
    const paths = topLevelPaths();
    // The newsroom, a "/" router's own path, a file and the light edition: the test sees the whole app.
    expect(paths).toEqual(expect.arrayContaining(["admin", "da-luu", "rss.xml", "lite"]));
    const editor = await loginAs("editor");
    const before = await env.DB.prepare("select count(*) as n from static_pages").first<number>("n");
    for (const path of paths) {
      // A file's name counts without its extension ("rss" beside /rss.xml); "_" is no slug at all.
      const slug = path.replace(/\..*/, "");
      if (!isSlug(slug)) continue;
      const res = await editor.post("/admin/trang", {
        title: "Trang thử",
        slug,
        body: "Nội dung.",
        status: "published",
      });
      expect(res.status, path).toBe(400);
      expect(await res.text(), path).toContain(`“/${slug}” là đường dẫn của hệ thống`);
    }
    expect(await env.DB.prepare("select count(*) as n from static_pages").first<number>("n")).toBe(before);
  });
});
