// Registries that are checked, not remembered: each list the code keeps of
// something defined elsewhere is compared here with that something.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import { type BodyLimit, declaredBodyLimit, FORM_LIMIT } from "../src/http/request-guards";
import { JOBS_BY_CRON } from "../src/jobs/index";
import { isSlug } from "../src/reader/slugs";
import { get } from "./setup/http";
import { loginAs, ORIGIN } from "./setup/newsroom";

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

describe("the body limits", () => {
  /** Every route that takes a body, with the limit it declares where it is defined (FORM_LIMIT if none). */
  function bodyRoutes(): Map<string, BodyLimit> {
    const out = new Map<string, BodyLimit>();
    for (const { method, path, handler } of createApp().routes) {
      if (["GET", "HEAD", "OPTIONS", "ALL"].includes(method)) continue;
      const route = `${method} ${path}`;
      const declared = declaredBodyLimit(handler);
      if (declared) out.set(route, declared);
      else if (!out.has(route)) out.set(route, FORM_LIMIT);
    }
    return out;
  }
  const concrete = (path: string) => path.replace(/:[a-z]+(\{[^}]*\})?/gi, "1").replace(/\*/g, "x");
  const stored = () =>
    env.DB.prepare("select (select count(*) from images) + (select count(*) from articles) as n").first<number>("n");

  it("are what the guard enforces on every route: the declared one, or 1 MB", async () => {
    const routes = bodyRoutes();
    // Not vacuous: the photo upload declares its own.
    expect(routes.get("POST /admin/anh")?.bytes).toBeGreaterThan(FORM_LIMIT.bytes);
    const editor = await loginAs("editor");
    const before = await stored();
    for (const [route, limit] of routes) {
      const [method, path] = route.split(" ") as [string, string];
      const send = (body: BodyInit) =>
        get(concrete(path), {
          method,
          headers: { origin: ORIGIN, cookie: editor.cookie, "content-type": "application/x-www-form-urlencoded" },
          body,
        });
      const over = await send(new Uint8Array(limit.bytes + 1));
      expect(over.status, route).toBe(413);
      expect(await over.text(), route).toContain(limit.message);
      if (limit === FORM_LIMIT) continue;
      // A route that declares more takes more than every other route does.
      const within = await send(new URLSearchParams({ _csrf: editor.csrf, pad: "x".repeat(FORM_LIMIT.bytes) }));
      expect(within.status, route).not.toBe(413);
      expect(within.status, route).toBeLessThan(500);
    }
    expect(await stored()).toBe(before);
  });

  it("refuse a body by its Content-Length, before reading any of it", async () => {
    let pulled = 0;
    // Pulled only when read (no chunk is queued ahead).
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulled += 1;
          controller.enqueue(new Uint8Array(64 * 1024));
        },
      },
      { highWaterMark: 0 },
    );
    const res = await get("/binh-luan", {
      method: "POST",
      headers: {
        origin: ORIGIN,
        "content-type": "application/x-www-form-urlencoded",
        "content-length": String(FORM_LIMIT.bytes + 1),
      },
      body,
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(pulled).toBe(0);
  });
});
