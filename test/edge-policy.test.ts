import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../src/db/client";
import { readVersion } from "../src/db/versions";
import { createPageCache } from "../src/edge/page-cache";
import { cacheEntryName } from "../src/edge/policy";
import type { AppEnv } from "../src/env";
import type { PageDeps } from "../src/model/content-scopes";
import { ASSET_URLS } from "../src/site/asset-urls";
import { get } from "./setup/http";

/** A one-route app on the real page cache, whose page sets a cookie when asked to. */
function appWithCookiePage() {
  const cachedPage = createPageCache<PageDeps>({
    version: (c, deps) => readVersion(c.var.db, deps),
    tags: () => [],
    fragments: () => undefined,
  });
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set("db", openDatabase(c.env.DB));
    c.set("lite", false);
    await next();
  });
  let renders = 0;
  app.get("/trang", (c) =>
    cachedPage(c, { kind: "scopes", scopes: ["test-cookie-page"] }, async () => {
      renders += 1;
      if (c.req.query("dat-cookie")) c.header("set-cookie", "da_xem=1; Path=/; HttpOnly");
      return c.html("<!doctype html><title>x</title><p>Trang thử</p>");
    }),
  );
  return { app, renders: () => renders };
}

async function request(app: Hono<AppEnv>, path: string): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(`http://localhost${path}`), env, ctx);
  await res.arrayBuffer();
  await waitOnExecutionContext(ctx);
  return res;
}

describe("what the edge may store", () => {
  it("never stores a response that sets a cookie", async () => {
    const { app, renders } = appWithCookiePage();
    const withCookie = await request(app, "/trang?dat-cookie=1");
    expect(withCookie.headers.get("set-cookie")).toContain("da_xem=1");
    expect(withCookie.headers.get("x-cache")).toBe("MISS");
    expect((await request(app, "/trang?dat-cookie=1")).headers.get("x-cache")).toBe("MISS");
    expect(renders()).toBe(2);
    // The same page without a cookie is stored as usual.
    await request(app, "/trang");
    expect((await request(app, "/trang")).headers.get("x-cache")).toBe("HIT");
  });

  it("never caches other methods than GET and HEAD", async () => {
    const res = await get("/", { method: "POST" });
    expect(res.headers.get("x-cache")).not.toBe("HIT");
    expect(res.headers.get("cache-control") ?? "").not.toMatch(/public/);
  });

  it("keys keep only the parameters the page says it reads, canonical, in a fixed order", () => {
    expect(
      cacheEntryName("https://x.vn/a?utm_source=fb&page=2&fbclid=1&q=x&gclid=z", false, { q: "x", page: "2" }),
    ).toBe("full/a?page=2&q=x");
    expect(cacheEntryName("https://x.vn/tim-kiem?q=da+nang&UTM_Medium=x&zarsrc=30", true, { q: "da nang" })).toBe(
      "lite/tim-kiem?q=da+nang",
    );
    // A page that reads nothing, or a parameter at its default: the bare address.
    expect(cacheEntryName("https://x.vn/kinh-te?bust=123&page=1", false, { page: undefined })).toBe("full/kinh-te");
    expect(cacheEntryName("https://x.vn/a.html?q=junk&page=2", false)).toBe("full/a.html");
  });
});

describe("static assets", () => {
  it("are fingerprinted and served immutable for a year", async () => {
    const path = ASSET_URLS["favicon.svg"];
    expect(path).toMatch(/^\/_\/favicon\.[0-9a-f]{10}\.svg$/);
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("image/svg+xml");
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });
});
