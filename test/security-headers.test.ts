// Security headers on every kind of response: pages (rendered, cached, served
// stale on error), errors (404, 400, 413, 500, 503), media, assets, the
// newsroom, feeds. HSTS only in production (SITE_URL on https://).
import { env } from "cloudflare:test";
import { parse } from "node-html-parser";
import { beforeAll, describe, expect, it } from "vitest";
import assetRules from "../public/_headers?raw";
import { DEMO_ARTICLES } from "../scripts/demo/articles/index";
import { createApp } from "../src/app";
import { ASSET_URLS } from "../src/site/asset-urls";
import { SCRIPT_LOADER, SCRIPT_LOADER_HASH } from "../src/site/script-loader";
import { loadDemo } from "./setup/demo";
import { articleUrl } from "./setup/demo-urls";
import { withFaults } from "./setup/faults";
import { get } from "./setup/http";
import { loginAs, ORIGIN } from "./setup/newsroom";

beforeAll(loadDemo);

const PROD = { SITE_URL: "https://baodongbang.vn" };

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

/** The headers every response carries, and a CSP with no way to run injected script. */
function expectSecure(res: Response, label: string, production = false) {
  const h = res.headers;
  expect(h.get("x-content-type-options"), label).toBe("nosniff");
  expect(h.get("referrer-policy"), label).toBe("strict-origin-when-cross-origin");
  expect(h.get("x-frame-options"), label).toBe("DENY");
  const csp = directives(h.get("content-security-policy") ?? "");
  // frame-ancestors has no fallback to default-src: it must be there itself.
  expect(csp.get("frame-ancestors"), label).toEqual(["'none'"]);
  const scripts = csp.get("script-src") ?? csp.get("default-src") ?? [];
  expect(scripts.length, label).toBeGreaterThan(0);
  expect(scripts, label).not.toContain("'unsafe-inline'");
  expect(scripts, label).not.toContain("'unsafe-eval'");
  // Beyond our own files, only the one inline loader, by its hash (src/site/script-loader.ts).
  expect(
    scripts.filter((s) => s !== "'self'" && s !== "'none'" && s !== SCRIPT_LOADER_HASH),
    label,
  ).toEqual([]);
  expect(csp.get("object-src") ?? csp.get("default-src"), label).toEqual(["'none'"]);
  expect(csp.get("base-uri") ?? ["'self'"], label).toEqual(["'self'"]);
  if (production) expect(h.get("strict-transport-security"), label).toBe("max-age=31536000");
  else expect(h.get("strict-transport-security"), label).toBeNull();
}

async function expectNoInlineScript(res: Response, label: string) {
  if (!(res.headers.get("content-type") ?? "").startsWith("text/html")) return;
  for (const script of parse(await res.text()).querySelectorAll("script")) {
    // A CSP without 'unsafe-inline' would block an inline script: none may exist but the loader its
    // hash allows (JSON-LD and the editor's starting blocks, application/json, are data, not script).
    expect(
      script.getAttribute("src") ||
        script.innerHTML === SCRIPT_LOADER ||
        ["application/ld+json", "application/json"].includes(script.getAttribute("type") ?? ""),
      `${label}: ${script.toString().slice(0, 80)}`,
    ).toBeTruthy();
  }
}

describe("security headers", () => {
  it("are on the answer of every GET route the app defines, for readers and the newsroom", {
    timeout: 60_000,
  }, async () => {
    const article = await articleUrl(DEMO_ARTICLES[0]!.headline);
    const file = article.split("/")[2]!;
    const key = (await env.DB.prepare("select r2_key from images order by id limit 1").first<string>("r2_key"))!;
    const values: Record<string, string> = {
      section: "kinh-te",
      file,
      slug: "bac-lieu",
      id: "1",
      rev: "1",
      key,
      place: "bac-lieu",
    };
    const fill = (path: string) =>
      path
        .replace(/:([a-z]+)(\{[^}]*\})?/gi, (_m, name: string) => values[name] ?? "1")
        .replace(/^\/_\/\*$/, ASSET_URLS["favicon.svg"]!)
        .replace(/\*/g, "x");
    const admin = await loginAs("admin");
    const paths = new Set<string>();
    for (const r of createApp().routes) if (r.method === "GET") paths.add(r.path);
    expect(paths.size).toBeGreaterThan(30);
    const statuses = new Set<number>();
    for (const route of paths) {
      const path = fill(route);
      for (const [who, res] of [
        ["reader", await get(path)],
        ["admin", await admin.get(path)],
      ] as const) {
        statuses.add(res.status);
        expectSecure(res, `${who} ${path}`);
        await expectNoInlineScript(res, `${who} ${path}`);
      }
    }
    // Pages, redirects and errors were all among them.
    for (const status of [200, 303, 404]) expect(statuses).toContain(status);
  });

  it("are on cached pages, refusals, errors, outages and photos that stand in for missing ones", async () => {
    const faulty = withFaults();
    const path = await articleUrl(DEMO_ARTICLES[2]!.headline);
    await get(path);
    const cases: [string, () => Promise<Response>][] = [
      ["cache HIT", async () => get(path)],
      ["400 bad address", () => get("/tim-kiem?q=%FF")],
      [
        "413 form",
        () =>
          get("/binh-luan", {
            method: "POST",
            headers: { origin: ORIGIN, "content-type": "application/x-www-form-urlencoded" },
            body: "a=".padEnd(1024 * 1024 + 10, "x"),
          }),
      ],
      [
        "400 malformed form",
        () =>
          get("/binh-luan", {
            method: "POST",
            headers: { origin: ORIGIN, "content-type": "multipart/form-data" },
            body: "x",
          }),
      ],
      [
        "503 outage",
        () => {
          faulty.faults.db = "down";
          return get("/chu-de/bac-lieu?page=2", {}, { ...faulty.env, CACHE_VERSION_TTL_MS: "0" });
        },
      ],
      [
        "STALE-ERROR page",
        () => {
          faulty.faults.db = "down";
          return get(path, {}, { ...faulty.env, CACHE_VERSION_TTL_MS: "0" });
        },
      ],
      [
        "500 error",
        () => {
          faulty.faults.db = "ok";
          faulty.faults.failSql = /from "articles"/;
          return get("/tac-gia/minh-thu?page=3", {}, { ...faulty.env, CACHE_VERSION_TTL_MS: "0" });
        },
      ],
      ["403 CSRF", () => get("/admin/bai-viet", { method: "POST", headers: { origin: "https://evil.example" } })],
    ];
    const seen: Record<string, number> = {};
    for (const [label, send] of cases) {
      const res = await send();
      seen[label] = res.status;
      expectSecure(res, label);
    }
    faulty.reset();
    expect(seen).toEqual({
      "cache HIT": 200,
      "400 bad address": 400,
      "413 form": 413,
      "400 malformed form": 400,
      "503 outage": 503,
      "STALE-ERROR page": 200,
      "500 error": 500,
      "403 CSRF": 403,
    });
  });

  it("leave a photo's own stricter policy in place", async () => {
    const faulty = withFaults();
    faulty.faults.media = "missing";
    const res = await get("/media/demo/khong-co.jpg?w=360", { headers: { accept: "image/*" } }, faulty.env);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
    expect(res.headers.get("content-security-policy")).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    );
    expectSecure(res, "placeholder");
  });

  it("add HSTS in production only, on every kind of answer", async () => {
    const admin = await loginAs("admin");
    const path = await articleUrl(DEMO_ARTICLES[4]!.headline);
    const key = (await env.DB.prepare("select r2_key from images order by id limit 1").first<string>("r2_key"))!;
    for (const p of [
      path,
      "/khong-co-trang-nay",
      `/media/${key}`,
      `/media/${key}?w=360`,
      ASSET_URLS["favicon.svg"]!,
      "/rss.xml",
      "/admin/bai-viet",
      "/tim-kiem?q=%FF",
    ]) {
      expectSecure(await get(p, {}, PROD), `production ${p}`, true);
      expectSecure(await get(p), `development ${p}`, false);
    }
    expectSecure(
      await get("/admin/bai-viet", { headers: { cookie: admin.cookie } }, PROD),
      "production newsroom",
      true,
    );
  });

  it("isolate the newsroom's windows from other sites, and not the reader pages (a fresh process on every arrival)", async () => {
    const admin = await loginAs("admin");
    for (const res of [await get("/admin/dang-nhap"), await admin.get("/admin/bai-viet"), await admin.get("/admin")]) {
      expect(res.headers.get("cross-origin-opener-policy"), res.url).toBe("same-origin");
    }
    const article = await articleUrl(DEMO_ARTICLES[1]!.headline);
    for (const path of ["/", "/kinh-te", article, article, "/tim-kiem?q=lua", "/rss.xml", "/khong-co-trang-nay"]) {
      expect((await get(path)).headers.get("cross-origin-opener-policy"), path).toBeNull();
    }
  });

  it("allow frames from the two video players only, and Turnstile's script and frame only when it is configured", async () => {
    const off = directives((await get("/")).headers.get("content-security-policy")!);
    expect(off.get("script-src")).toEqual(["'self'", SCRIPT_LOADER_HASH]);
    expect(off.get("frame-src")).toEqual(["https://www.youtube-nocookie.com", "https://www.facebook.com"]);
    const on = directives(
      (
        await get(
          "/",
          {},
          { TURNSTILE_SITE_KEY: "1x00000000000000000000AA", TURNSTILE_SECRET: "1x0000000000000000000000000000000AA" },
        )
      ).headers.get("content-security-policy")!,
    );
    expect(on.get("script-src")).toEqual(["'self'", SCRIPT_LOADER_HASH, "https://challenges.cloudflare.com"]);
    expect(on.get("frame-src")).toEqual([
      "https://www.youtube-nocookie.com",
      "https://www.facebook.com",
      "https://challenges.cloudflare.com",
    ]);
    for (const d of ["default-src", "style-src", "img-src", "form-action", "frame-ancestors", "base-uri", "object-src"])
      expect(on.get(d), d).toEqual(off.get(d));
    expect(off.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });
});

describe("public/_headers", () => {
  it("gives the files the asset server answers itself the same protection", () => {
    const block = assetRules.split(/\n(?=\S)/).find((b) => b.startsWith("/_/*"))!;
    const headers = new Headers(
      block
        .split("\n")
        .slice(1)
        .map((l) => l.trim())
        .filter(Boolean)
        .map((l) => [l.slice(0, l.indexOf(":")), l.slice(l.indexOf(":") + 1).trim()] as [string, string]),
    );
    const res = new Response(null, { headers });
    expectSecure(res, "_headers");
    expect(headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });
});
