import { env } from "cloudflare:test";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { DEMO_ARTICLES } from "../scripts/demo/articles/index";
import { signSessionToken } from "../src/edge/policy";
import { BOOKMARK_COOKIE } from "../src/http/d1-session";
import { loadDemo } from "./setup/demo";
import { articleUrl } from "./setup/demo-urls";
import { withFaults } from "./setup/faults";
import { get } from "./setup/http";
import { articleFields, firstIds, loginAs, ORIGIN } from "./setup/newsroom";

beforeAll(loadDemo);
afterEach(() => vi.restoreAllMocks());

/** The real D1 binding, noting which session constraint each request asked for. */
function recordingSessions(): { DB: D1Database; constraints: string[] } {
  const constraints: string[] = [];
  const DB = new Proxy(env.DB, {
    get(target, prop) {
      if (prop === "withSession") {
        return (constraint: string) => {
          constraints.push(constraint);
          return target.withSession(constraint);
        };
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { DB, constraints };
}

const bookmarkOf = (res: Response) => /__Host-d1-bookmark=([^;]+)/.exec(res.headers.get("set-cookie") ?? "")?.[1];

describe("/healthz", () => {
  // The details are the operators' (test/healthz.test.ts: what the public gets).
  const operator = { HEALTHZ_SECRET: "secret-of-the-operators" };
  const asOperator = { headers: { authorization: `Bearer ${operator.HEALTHZ_SECRET}` } };

  it("answers ok from D1 and R2, never cached", async () => {
    const res = await get("/healthz", asOperator, operator);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toContain("no-store");
    expect(res.headers.get("x-cache")).toBeNull();
    const body = await res.json<{ status: string; d1: { ok: boolean }; r2: { ok: boolean } }>();
    expect(body.status).toBe("ok");
    expect(body.d1.ok && body.r2.ok).toBe(true);
  });

  it("answers 503 naming the part that is down", async () => {
    const faulty = withFaults();
    faulty.faults.db = "down";
    const d1Down = await get("/healthz", asOperator, { ...faulty.env, ...operator });
    expect(d1Down.status).toBe(503);
    const body = await d1Down.json<{ status: string; d1: { ok: boolean; error: string }; r2: { ok: boolean } }>();
    expect(body).toMatchObject({ status: "degraded", d1: { ok: false }, r2: { ok: true } });
    faulty.reset();
    faulty.faults.media = "down";
    const r2Down = await get("/healthz", asOperator, { ...faulty.env, ...operator });
    expect(r2Down.status).toBe(503);
    expect(await r2Down.json()).toMatchObject({ d1: { ok: true }, r2: { ok: false } });
  });
});

describe("request log", () => {
  it("writes one JSON line per request with route, status, cache and duration, and nothing personal", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    const path = await articleUrl(DEMO_ARTICLES[0]!.headline);
    const res = await get(`${path}?utm_source=zalo&q=ten-toi`, {
      headers: { "cf-connecting-ip": "203.0.113.77", "user-agent": "Zalo/1.0", cookie: "theo-doi=ca-nhan" },
    });
    const lines = log.mock.calls.map(([line]) => String(line)).filter((l) => l.includes('"msg":"request"'));
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({ level: "info", method: "GET", route: "/:section/:file", status: 200 });
    expect(["HIT", "MISS", "STALE"]).toContain(entry.cache);
    expect(entry.id).toBe(res.headers.get("x-request-id"));
    expect(typeof entry.ms).toBe("number");
    for (const personal of ["203.0.113.77", "Zalo/1.0", "ca-nhan", "ten-toi", "utm_source", path])
      expect(lines[0], personal).not.toContain(personal);
  });

  it("marks failures as errors with the message", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    const faulty = withFaults();
    faulty.faults.db = "down";
    const bypass = `__Host-phien=${await signSessionToken(env, "ab".repeat(32), new Date(Date.now() + 60_000))}`;
    const res = await get("/kinh-te?page=7", { headers: { cookie: bypass } }, faulty.env);
    expect(res.status).toBeGreaterThanOrEqual(500);
    const entry = JSON.parse(log.mock.calls.map(([l]) => String(l)).find((l) => l.includes('"msg":"request"'))!);
    expect(entry.level).toBe("error");
    expect(entry.error).toContain("D1_ERROR");
    expect(entry.error).not.toMatch(/select|params/i);
  });
});

describe("D1 sessions (read replication)", () => {
  it("let a reader's GET read from any replica, and never set a cookie on a cacheable page", async () => {
    const { DB, constraints } = recordingSessions();
    const res = await get("/kinh-te", {}, { DB });
    expect(res.status).toBe(200);
    expect(constraints).toEqual(["first-unconstrained"]);
    expect(res.headers.get("set-cookie")).toBeNull();
  });

  it("give an editor's write a bookmark, and read the editor's next page at least that fresh", async () => {
    const editor = await loginAs("editor");
    const { DB, constraints } = recordingSessions();
    const list = await get("/admin/bai-viet", { headers: { cookie: editor.cookie } }, { DB });
    expect(list.status).toBe(200);
    expect(constraints.at(-1)).toBe("first-primary");

    const { sectionId, authorId } = await firstIds();
    const saved = await get(
      "/admin/bai-viet",
      {
        method: "POST",
        headers: { cookie: editor.cookie, origin: ORIGIN, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          _csrf: editor.csrf,
          ...articleFields({
            headline: "Bài có dấu trang D1",
            sectionId: String(sectionId),
            authorId: String(authorId),
          }),
        }).toString(),
      },
      { DB },
    );
    expect(saved.status).toBe(303);
    const bookmark = bookmarkOf(saved);
    expect(bookmark).toMatch(/^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{32}$/);
    expect(saved.headers.get("set-cookie")).toMatch(/HttpOnly/i);

    const next = await get(
      saved.headers.get("location")!,
      { headers: { cookie: `${editor.cookie}; ${BOOKMARK_COOKIE}=${bookmark}` } },
      { DB },
    );
    expect(next.status).toBe(200);
    expect(constraints.at(-1)).toBe(bookmark);
    expect(await next.text()).toContain("Bài có dấu trang D1");
  });

  it("give a reader's vote a bookmark too, while their cached pages stay cookie-free", async () => {
    const { DB, constraints } = recordingSessions();
    const page = await get(await articleUrl(DEMO_ARTICLES[1]!.headline));
    const html = await page.text();
    const form = /<form[^>]+action="(\/binh-chon\/\d+)"[^>]*>([\s\S]*?)<\/form>/.exec(html);
    const pollPath = form?.[1] ?? "/binh-chon/1";
    const option = /name="option" value="(\d+)"/.exec(form?.[2] ?? (await (await get(pollPath)).text()))?.[1];
    const vote = await get(
      pollPath,
      {
        method: "POST",
        headers: {
          origin: ORIGIN,
          "content-type": "application/x-www-form-urlencoded",
          "cf-connecting-ip": "198.51.100.23",
        },
        body: new URLSearchParams({ option: option ?? "1" }).toString(),
      },
      { DB },
    );
    expect(vote.status).toBeLessThan(400);
    expect(constraints.at(-1)).toBe("first-primary");
    const bookmark = bookmarkOf(vote);
    expect(bookmark).toBeTruthy();

    const after = await get(pollPath, { headers: { cookie: `${BOOKMARK_COOKIE}=${bookmark}` } }, { DB });
    expect(constraints.at(-1)).toBe(bookmark);
    expect(after.headers.get("set-cookie") ?? "").not.toContain(BOOKMARK_COOKIE);
  });

  it("ignore a bookmark cookie that is not a D1 bookmark", async () => {
    const { DB, constraints } = recordingSessions();
    for (const junk of [
      "abc",
      "'; drop table articles; --",
      "00000000-0000000a-00000000-0000000000000000000000000000000g",
    ]) {
      const res = await get("/", { headers: { cookie: `${BOOKMARK_COOKIE}=${encodeURIComponent(junk)}` } }, { DB });
      expect(res.status).toBe(200);
      expect(constraints.at(-1)).toBe("first-unconstrained");
    }
  });
});
