// The page cache's front door (src/edge/page-cache.ts): a busy isolate answers
// a page it served moments ago before any other middleware runs. It must give
// exactly what the whole app would, and step aside the moment anything in the
// page's key may have changed. `get()` in test/setup/http.ts gives every
// request fresh bindings, which the front door never trusts, so these tests
// keep one set of bindings, as a deployed isolate does.
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { DEMO_ARTICLES } from "../scripts/demo/articles/index";
import { createArticle, updateArticle } from "../src/db/article-writes";
import { getPublishedArticle } from "../src/db/articles";
import { openDatabase } from "../src/db/client";
import worker from "../worker/index";
import { loadDemo } from "./setup/demo";
import { articleId, articleUrl } from "./setup/demo-urls";
import { loginAs } from "./setup/newsroom";
import { rowsOf } from "./setup/rows";

beforeAll(loadDemo);

const bindings = { ...env };

async function fetchPage(path: string, init: RequestInit = {}): Promise<{ res: Response; body: string }> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(`http://localhost${path}`, init), bindings, ctx);
  const body = res.status === 304 ? "" : await res.text();
  await waitOnExecutionContext(ctx);
  return { res, body };
}

/** Until the page is a HIT, then once more: the answer a busy isolate gives. */
async function warm(path: string, init: RequestInit = {}) {
  for (let i = 0; i < 20; i++) {
    const first = await fetchPage(path, init);
    if (first.res.headers.get("x-cache") === "HIT") return { first, again: await fetchPage(path, init) };
  }
  throw new Error(`${path} never became a HIT`);
}

const withoutToken = (html: string) => html.replace(/<input type="hidden" name="t" value="[0-9a-f.]+">/g, "");
const varying = new Set(["x-request-id", "date", "content-length", "transfer-encoding"]);
function stableHeaders(res: Response): [string, string][] {
  const kept: [string, string][] = [];
  res.headers.forEach((value, name) => {
    if (!varying.has(name)) kept.push([name, value]);
  });
  return kept;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the front door", () => {
  it("answers exactly what the whole app answered: body, ETag, security headers, a fresh form token", async () => {
    const path = await articleUrl(DEMO_ARTICLES[2]!.headline);
    const { first, again } = await warm(path);
    expect(again.res.status).toBe(200);
    expect(stableHeaders(again.res)).toEqual(stableHeaders(first.res));
    expect(again.res.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(again.res.headers.get("x-request-id")).not.toBe(first.res.headers.get("x-request-id"));
    expect(withoutToken(again.body)).toBe(withoutToken(first.body));
    expect(again.body).toMatch(/<input type="hidden" name="t" value="\d{13}\.[0-9a-f]{32}">/);
    // A browser that has the page gets a 304 with the same headers and no body.
    const etag = again.res.headers.get("etag")!;
    const revalidated = await fetchPage(path, { headers: { "if-none-match": etag } });
    expect(revalidated.res.status).toBe(304);
    expect(revalidated.res.headers.get("etag")).toBe(etag);
  });

  it("steps aside at once after a write through this isolate: an edit is a MISS with the new text", async () => {
    const db = openDatabase(env.DB);
    const target = DEMO_ARTICLES[4]!;
    const id = await articleId(target.headline);
    const path = await articleUrl(target.headline);
    await warm(path);
    const current = (await getPublishedArticle(db, id, new Date()))!;
    const row = (await rowsOf(env.DB).query.articles.findFirst({ where: (a, { eq }) => eq(a.id, id) }))!;
    await updateArticle(db, id, {
      sectionId: row.sectionId,
      authorId: row.authorId,
      kicker: current.kicker,
      headline: current.headline,
      lead: "Sapo mới, vừa sửa.",
      body: current.body,
      status: "published",
      publishedAt: current.publishedAt,
      heroImageId: row.heroImageId,
      tags: current.tags.map((t) => t.name),
    });
    const after = await fetchPage(path);
    expect(after.res.headers.get("x-cache")).toBe("MISS");
    expect(after.body).toContain("Sapo mới, vừa sửa.");
  });

  it("shows a fragment's change at once: a new article in the latest news of a cached page", async () => {
    const db = openDatabase(env.DB);
    const path = await articleUrl(DEMO_ARTICLES[7]!.headline);
    await warm(path);
    const [section] = await rowsOf(env.DB).query.sections.findMany({ limit: 1 });
    const [author] = await rowsOf(env.DB).query.authors.findMany({ limit: 1 });
    await createArticle(db, {
      sectionId: section!.id,
      authorId: author!.id,
      headline: "Cửa trước không giữ tin cũ",
      lead: "Tin mới.",
      body: [{ type: "paragraph", text: "Nội dung." }],
      status: "published",
      publishedAt: new Date(Date.now() - 1000),
      tags: [],
    });
    const after = await fetchPage(path);
    expect(after.res.headers.get("x-cache")).toBe("HIT");
    expect(after.body).toContain("Cửa trước không giữ tin cũ");
  });

  it("never answers an editor, the light edition for a full page, or an address the guards refuse", async () => {
    const path = await articleUrl(DEMO_ARTICLES[1]!.headline);
    await warm(path);
    const editor = await fetchPage(path, { headers: { cookie: (await loginAs("editor")).cookie } });
    expect(editor.res.headers.get("x-cache")).toBe("BYPASS");
    expect(editor.res.headers.get("cache-control")).toBe("private, no-store");
    const lite = await fetchPage(path, { headers: { "save-data": "on" } });
    expect(lite.body).not.toContain("<img");
    const bad = await fetchPage(`${path}?x=%FF`);
    expect(bad.res.status).toBe(400);
  });

  it("answers only the very address it answered: a parameter a route reads still reaches the route", async () => {
    await warm("/");
    // An imported site's old address: the cache key drops `p`, the route does not.
    const old = await fetchPage("/?p=987654");
    expect(old.res.status).toBe(404);
    // A shared link with tracking parameters is still the cached home page.
    const shared = await fetchPage("/?utm_source=zalo");
    expect(shared.res.status).toBe(200);
    expect(shared.res.headers.get("x-cache")).toBe("HIT");
  });

  it("logs its answers as the app logs a HIT: one line in a hundred, with the route and the request id", async () => {
    const path = await articleUrl(DEMO_ARTICLES[3]!.headline);
    await warm(path);
    const lines: string[] = [];
    vi.spyOn(console, "log").mockImplementation((line: unknown) => {
      lines.push(String(line));
    });
    // The 99 in 100 that are left out...
    vi.spyOn(Math, "random").mockReturnValue(0.5);
    await fetchPage(path);
    expect(lines.filter((l) => l.includes('"msg":"request"'))).toEqual([]);
    // ...and the one that is written.
    vi.spyOn(Math, "random").mockReturnValue(0);
    const { res } = await fetchPage(path);
    const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === "request");
    expect(logged).toEqual([
      expect.objectContaining({
        id: res.headers.get("x-request-id"),
        method: "GET",
        route: "/:section/:file",
        status: 200,
        cache: "HIT",
        sample: 100,
      }),
    ]);
  });

  it("trusts versions read from the memo no longer than the memo does: another isolate's edit shows within one window", async () => {
    const target = DEMO_ARTICLES[5]!;
    const id = await articleId(target.headline);
    const path = await articleUrl(target.headline);
    const shared = `${path}?utm_source=zalo`;
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      // t0: the page's versions are read from D1 and remembered for CACHE_VERSION_TTL_MS (1 s).
      const t0 = Date.now() + 60_000;
      vi.setSystemTime(t0);
      await warm(path);
      // 0.9 s later, another address of the same page goes the whole way, on the remembered versions.
      vi.setSystemTime(t0 + 900);
      expect((await fetchPage(shared)).res.headers.get("x-cache")).toBe("HIT");
      // Another isolate edits the article: D1 changes, this isolate's write generation does not.
      const old = await env.DB.prepare("select lead from articles where id = ?").bind(id).first<string>("lead");
      await env.DB.batch([
        env.DB.prepare("update articles set lead = ? where id = ?").bind("Sapo sửa ở nơi khác.", id),
        env.DB.prepare("update cache_versions set stamp = ? where scope = ?").bind(t0 + 1_000, `article:${id}`),
      ]);
      try {
        // 1.5 s after the versions were read: past the memo's window, so the edit must show.
        vi.setSystemTime(t0 + 1_500);
        const after = await fetchPage(shared);
        expect(after.res.headers.get("x-cache")).toBe("MISS");
        expect(after.body).toContain("Sapo sửa ở nơi khác.");
      } finally {
        await env.DB.prepare("update articles set lead = ? where id = ?").bind(old, id).run();
      }
    } finally {
      vi.useRealTimers();
    }
  });
});
