// Proof under fire: what readers and editors get when D1, R2 or the Images
// binding fail. The real local bindings sit behind switches (setup/faults.ts);
// only the switch decides whether a call fails.
import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from "cloudflare:test";
import { parse } from "node-html-parser";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { DEMO_ARTICLES } from "../scripts/demo/articles/index";
import { createArticle, updateArticle } from "../src/db/article-writes";
import { openDatabase } from "../src/db/client";
import { getArticleForEdit } from "../src/db/newsroom-articles";
import worker from "../worker/index";
import forecastFixture from "./fixtures/open-meteo/bac-lieu-forecast.json";
import { loadDemo } from "./setup/demo";
import { articleId, articleUrl } from "./setup/demo-urls";
import { withFaults } from "./setup/faults";
import { get, text } from "./setup/http";
import { articleFields, firstIds, loginAs, ORIGIN } from "./setup/newsroom";

beforeAll(loadDemo);
const faulty = withFaults();
afterEach(() => {
  faulty.reset();
  vi.restoreAllMocks();
});

/** The bindings behind the switches, with the content version read from D1 on every request (no isolate memo hiding the outage). */
const through = () => ({ ...faulty.env, CACHE_VERSION_TTL_MS: "0" });
const fetchVia = (path: string, init: RequestInit = {}) => get(path, init, through());

/** Stack traces, SQL or D1 errors, the simulated fault's own words, or English error pages. */
const LEAK =
  /D1_ERROR|SQLITE|simulated|\w+Error:|\n\s+at \S|no such table|Internal Server Error|Service Unavailable|Bad Request|Not Found/;

function expectVietnamese503(res: Response, body: string) {
  expect(res.status).toBe(503);
  expect(res.headers.get("retry-after")).toBe("60");
  expect(res.headers.get("cache-control")).toBe("private, no-store");
  expect(res.headers.get("x-cache")).not.toBe("STALE-ERROR");
  expect(text(parse(body).querySelector("h1"))).toBe("Hệ thống tạm thời gián đoạn");
  expect(body).toContain("vui lòng thử lại sau ít phút");
  expect(body).not.toMatch(LEAK);
}

const forecastText = "Nhiều mây, có mưa rào, có nơi mưa vừa, mưa to và rải rác có dông.";

async function runWeatherJob(envOverrides: Partial<typeof env> = {}) {
  vi.spyOn(globalThis, "fetch").mockImplementation(
    async () => new Response(JSON.stringify(forecastFixture), { headers: { "content-type": "application/json" } }),
  );
  const ctx = createExecutionContext();
  await worker.scheduled(
    createScheduledController({ scheduledTime: Date.now(), cron: "*/30 * * * *" }),
    { ...env, ...envOverrides },
    ctx,
  );
  await waitOnExecutionContext(ctx);
}

describe("D1 unavailable", () => {
  it("still serves pages the edge has stored, marked STALE-ERROR, with their fragments' last copies", async () => {
    await runWeatherJob();
    const article = DEMO_ARTICLES[1]!;
    const paths = [
      await articleUrl(article.headline),
      `/lite${await articleUrl(article.headline)}`,
      "/",
      "/kinh-te",
      "/tim-kiem?q=lua",
    ];
    const live = new Map<string, string>();
    for (const path of paths) {
      const res = await fetchVia(path);
      expect(res.status, path).toBe(200);
      live.set(path, await res.text());
    }

    faulty.faults.db = "down";
    for (const path of paths) {
      const res = await fetchVia(path);
      const html = await res.text();
      expect(res.status, path).toBe(200);
      expect(res.headers.get("x-cache"), path).toBe("STALE-ERROR");
      expect(res.headers.get("cache-control"), path).toBe("public, no-cache");
      const doc = parse(html),
        before = parse(live.get(path)!);
      expect(text(doc.querySelector("main h1")), path).toBe(text(before.querySelector("main h1")));
      // Fragments come from their last copies, not empty boxes.
      expect(text(doc.querySelector(".weather")), path).toContain(forecastText);
      if (before.querySelector(".latest-news"))
        expect(text(doc.querySelector(".latest-news")), path).toBe(text(before.querySelector(".latest-news")));
      expect(html).not.toMatch(LEAK);
    }
    expect(text(parse(await (await fetchVia(paths[0]!)).text()).querySelector("main h1"))).toContain(article.headline);

    // A browser revalidating during the outage gets a 304.
    const etag = (await fetchVia(paths[0]!)).headers.get("etag")!;
    expect((await fetchVia(paths[0]!, { headers: { "if-none-match": etag } })).status).toBe(304);

    faulty.faults.db = "ok";
    const back = await fetchVia(paths[0]!);
    expect(back.status).toBe(200);
    expect(["HIT", "MISS"]).toContain(back.headers.get("x-cache"));
  });

  it("answers a page it never stored with a Vietnamese 503 and Retry-After, and stores nothing", async () => {
    const path = "/chu-de/bac-lieu?page=1";
    faulty.faults.db = "down";
    const res = await fetchVia(path);
    expectVietnamese503(res, await res.text());
    faulty.faults.db = "ok";
    const after = await fetchVia(path);
    expect(after.status).toBe(200);
    expect(after.headers.get("x-cache")).toBe("MISS");
  });

  it("gives editors and the newsroom a Vietnamese 503 too, never cached", async () => {
    const editor = await loginAs("editor");
    const path = await articleUrl(DEMO_ARTICLES[3]!.headline);
    await fetchVia(path);
    faulty.faults.db = "down";
    // A stored page exists, but an editor always gets the live one or the error.
    const reader = await fetchVia(path, { headers: { cookie: editor.cookie } });
    expectVietnamese503(reader, await reader.text());
    for (const [adminPath, init] of [
      ["/admin/bai-viet", { headers: { cookie: editor.cookie } }],
      ["/admin/anh", { headers: { cookie: editor.cookie } }],
      [
        "/admin/dang-nhap",
        {
          method: "POST",
          headers: { origin: ORIGIN, "content-type": "application/x-www-form-urlencoded" },
          body: "email=a%40b.vn&password=x",
        },
      ],
    ] as const) {
      const res = await fetchVia(adminPath, init);
      const html = await res.text();
      expectVietnamese503(res, html);
      expect(parse(html).querySelector("p.error")?.textContent, adminPath).toContain("thử lại");
    }
  });

  it("never brings back a page that was taken down before the outage", async () => {
    const db = openDatabase(env.DB);
    const { sectionId, authorId } = await firstIds();
    const id = await createArticle(db, {
      sectionId,
      authorId,
      headline: "Bài sẽ bị gỡ trước sự cố",
      lead: "Sapo.",
      body: [{ type: "paragraph", text: "Nội dung." }],
      status: "published",
      publishedAt: new Date(Date.now() - 60_000),
      tags: [],
    });
    const path = (await fetchVia(`/x/y-${id}.html`)).headers.get("location")!;
    expect((await fetchVia(path)).status).toBe(200);
    const { article } = (await getArticleForEdit(db, id))!;
    await updateArticle(db, id, { ...article, body: JSON.parse(article.body), status: "unpublished", tags: [] });
    expect((await fetchVia(path)).status).toBe(404);

    faulty.faults.db = "down";
    const res = await fetchVia(path);
    const html = await res.text();
    expect(html).not.toContain("Bài sẽ bị gỡ trước sự cố");
    expectVietnamese503(res, html);
  });

  it("serves the previous page when the version is read but the render fails", async () => {
    const db = openDatabase(env.DB);
    const target = DEMO_ARTICLES[6]!;
    const id = await articleId(target.headline);
    const path = await articleUrl(target.headline);
    expect(await (await fetchVia(path)).text()).toContain(target.lead.slice(0, 40));
    const { article, tags } = (await getArticleForEdit(db, id))!;
    await updateArticle(db, id, { ...article, body: JSON.parse(article.body), lead: "Sapo mới chưa kịp hiện.", tags });

    faulty.faults.failSql = /from "articles"/;
    const res = await fetchVia(path);
    expect(res.status).toBe(200);
    expect(res.headers.get("x-cache")).toBe("STALE-ERROR");
    const html = await res.text();
    expect(html).toContain(target.lead.slice(0, 40));
    expect(html).not.toContain("Sapo mới chưa kịp hiện.");

    faulty.reset();
    expect(await (await fetchVia(path)).text()).toContain("Sapo mới chưa kịp hiện.");
  });

  it("tells a failing query from an outage: a 500 when D1 still answers", async () => {
    faulty.faults.failSql = /from "articles"/;
    const res = await fetchVia("/tac-gia/minh-thu?page=1");
    const html = await res.text();
    expect(res.status).toBe(500);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(text(parse(html).querySelector("h1"))).toBe("Đã có lỗi xảy ra");
    expect(html).not.toMatch(LEAK);
  });

  it("lets the weather job run without throwing, keeping the last good forecast on the page", async () => {
    await runWeatherJob();
    faulty.faults.db = "down";
    await expect(runWeatherJob(faulty.env)).resolves.toBeUndefined();
    faulty.faults.db = "ok";
    expect(text(parse(await (await fetchVia("/giao-duc-the-thao")).text()).querySelector(".weather"))).toContain(
      forecastText,
    );
  });
});

describe("photos when R2 fails", () => {
  async function heroOf(index: number) {
    const headline = DEMO_ARTICLES[index]!.headline;
    const page = await fetchVia(await articleUrl(headline));
    expect(page.status).toBe(200);
    const doc = parse(await page.text());
    const img = doc.querySelector("main figure img")!;
    const sources = [
      img.getAttribute("src")!,
      ...(img.getAttribute("srcset") ?? "")
        .split(",")
        .map((s) => s.trim().split(" ")[0]!)
        .filter(Boolean),
    ];
    return { doc, img, sources, caption: text(doc.querySelector("main figure figcaption")) };
  }
  const IMG_ACCEPT = { accept: "image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8" };

  it("keeps the article with its caption; a missing photo's address answers a quiet image, not a broken one", async () => {
    faulty.faults.media = "missing";
    const { img, sources, caption } = await heroOf(8);
    expect(caption).toBe(`${DEMO_ARTICLES[8]!.hero.caption} Ảnh: ${DEMO_ARTICLES[8]!.hero.credit}`);
    expect(img.getAttribute("alt")).toBe(DEMO_ARTICLES[8]!.hero.alt);
    const original = sources[0]!.replace(/\?.*$/, "");
    for (const src of [...sources, original]) {
      const res = await fetchVia(src, { headers: IMG_ACCEPT });
      expect(res.status, src).toBe(404);
      expect(res.headers.get("content-type"), src).toBe("image/svg+xml; charset=utf-8");
      expect(res.headers.get("content-security-policy")).toBe(
        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
      );
      const svg = await res.text();
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="100%" height="100%"/);
      expect(svg).toContain("Không tìm thấy ảnh.");
      expect(svg).not.toMatch(/<script|href=/);
    }
    // Someone opening the address gets words, not a picture of them.
    const direct = await fetchVia(original, { headers: { accept: "text/html,application/xhtml+xml" } });
    expect(direct.status).toBe(404);
    expect(await direct.text()).toBe("Không tìm thấy ảnh.");
  });

  it("answers 503 with Retry-After while R2 is failing, and keeps nothing", async () => {
    faulty.faults.media = "down";
    const { sources, caption } = await heroOf(9);
    expect(caption).toContain(DEMO_ARTICLES[9]!.hero.caption);
    for (const src of [sources[0]!, sources[0]!.replace(/\?.*$/, "")]) {
      const res = await fetchVia(src, { headers: IMG_ACCEPT });
      expect(res.status, src).toBe(503);
      expect(res.headers.get("retry-after")).toBe("60");
      expect(res.headers.get("cache-control")).toBe("private, no-store");
      expect(await res.text()).toContain("Ảnh tạm thời chưa tải được");
    }
    faulty.reset();
    const back = await fetchVia(sources[0]!, { headers: IMG_ACCEPT });
    expect(back.status).toBe(200);
    expect(back.headers.get("content-type")).toMatch(/^image\/(avif|webp)$/);
  });

  it("serves a stored variant even while R2 is down", async () => {
    const { sources } = await heroOf(10);
    const first = await fetchVia(sources[0]!, { headers: { accept: "image/webp" } });
    expect(first.status).toBe(200);
    faulty.faults.media = "down";
    const again = await fetchVia(sources[0]!, { headers: { accept: "image/webp" } });
    expect(again.status).toBe(200);
    expect(new Uint8Array(await again.arrayBuffer())).toEqual(new Uint8Array(await first.arrayBuffer()));
  });
});

describe("photos when the Images binding fails", () => {
  it("serves another stored width of the photo, else the original, briefly and labelled", async () => {
    const key = (await env.DB.prepare("select r2_key from images order by id desc limit 1").first<string>("r2_key"))!;
    const small = await fetchVia(`/media/${key}?w=360`, { headers: { accept: "image/webp" } });
    expect(small.status).toBe(200);
    const smallBytes = new Uint8Array(await small.arrayBuffer());

    faulty.faults.images = "down";
    const standIn = await fetchVia(`/media/${key}?w=1080`, { headers: { accept: "image/webp" } });
    expect(standIn.status).toBe(200);
    expect(standIn.headers.get("x-image-fallback")).toBe("w=360");
    expect(standIn.headers.get("content-type")).toBe("image/webp");
    expect(standIn.headers.get("cache-control")).toBe("public, max-age=60");
    expect(new Uint8Array(await standIn.arrayBuffer())).toEqual(smallBytes);

    // No JPEG variant was ever made: the original, as stored in R2.
    const whole = await fetchVia(`/media/${key}?w=720`, { headers: { accept: "image/jpeg" } });
    expect(whole.status).toBe(200);
    expect(whole.headers.get("x-image-fallback")).toBe("original");
    expect(whole.headers.get("cache-control")).toBe("public, max-age=60");
    const stored = await env.MEDIA.get(key);
    expect(new Uint8Array(await whole.arrayBuffer())).toEqual(new Uint8Array(await stored!.arrayBuffer()));

    // Back to normal: the real variant, not the stand-in that was served meanwhile.
    faulty.reset();
    const real = await fetchVia(`/media/${key}?w=1080`, { headers: { accept: "image/webp" } });
    expect(real.headers.get("x-image-fallback")).toBeNull();
    expect(real.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(new Uint8Array(await real.arrayBuffer())).not.toEqual(smallBytes);
  });
});

describe("an article save that fails half-way", () => {
  const tables = ["articles", "article_tags", "tags", "article_revisions", "audit_log", "search_index", "search_toned"];
  async function snapshot(): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    for (const t of tables) out[t] = await env.DB.prepare(`select count(*) as n from ${t}`).first("n");
    out.stamps = (await env.DB.prepare("select scope, stamp from cache_versions order by scope").all()).results;
    return out;
  }
  function post(path: string, cookie: string, fields: Record<string, string>) {
    return get(
      path,
      {
        method: "POST",
        headers: { origin: ORIGIN, cookie, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(fields).toString(),
      },
      through(),
    );
  }
  // Statements at different points of the batch: tags, revision, audit entry, search index, a version bump.
  const failures: [string, RegExp][] = [
    ["the tag link", /insert into "article_tags"/],
    ["the revision", /insert into "article_revisions"/],
    ["the audit entry", /insert into audit_log/],
    ["the search index", /insert into search_toned/],
    ["a version bump", /'tag:' \|\| tag_id from article_tags/],
  ];

  it.each(failures)(
    "writes nothing when %s fails, on a new article or an edit, and keeps the editor's text",
    async (_label, statement) => {
      const editor = await loginAs("editor");
      const { sectionId, authorId } = await firstIds();
      const base = { sectionId: String(sectionId), authorId: String(authorId), _csrf: editor.csrf };

      // A new article, published.
      const before = await snapshot();
      faulty.faults.failSql = statement;
      const created = await post(
        "/admin/bai-viet",
        editor.cookie,
        articleFields({ ...base, headline: "Bài viết lưu dở dang", tags: "Thẻ chưa từng có", "hanh-dong": "dang" }),
      );
      expect(created.status).toBe(503);
      const form = parse(await created.text());
      expect(text(form.querySelector(".error"))).toContain("Bài chưa được lưu");
      expect(form.querySelector("#headline")?.getAttribute("value")).toBe("Bài viết lưu dở dang");
      expect(await snapshot()).toEqual(before);
      expect(await env.DB.prepare("select count(*) as n from tags where name = 'Thẻ chưa từng có'").first("n")).toBe(0);

      // An edit of an existing article.
      faulty.reset();
      const ok = await post(
        "/admin/bai-viet",
        editor.cookie,
        articleFields({ ...base, headline: `Bài gốc ${_label}`, tags: "Thẻ gốc", "hanh-dong": "dang" }),
      );
      expect(ok.status).toBe(303);
      const id = Number(/\/admin\/bai-viet\/(\d+)/.exec(ok.headers.get("location")!)![1]);
      const row = () =>
        env.DB.prepare("select headline, lead, version, status from articles where id = ?").bind(id).first();
      const index = () =>
        env.DB.prepare("select headline from search_index where rowid = ?").bind(id).first("headline");
      const [rowBefore, indexBefore, snapBefore] = [await row(), await index(), await snapshot()];
      faulty.faults.failSql = statement;
      const edited = await post(
        `/admin/bai-viet/${id}`,
        editor.cookie,
        articleFields({
          ...base,
          headline: "Tiêu đề sửa dở",
          lead: "Sapo sửa dở.",
          tags: "Thẻ sửa dở",
          version: String(rowBefore!.version),
          "hanh-dong": "go",
        }),
      );
      expect(edited.status).toBe(503);
      expect(parse(await edited.text()).querySelector("#lead")?.textContent).toBe("Sapo sửa dở.");
      expect(await row()).toEqual(rowBefore);
      expect(await index()).toBe(indexBefore);
      expect(await snapshot()).toEqual(snapBefore);

      // The same save goes through once D1 is well: the failure was the injected one.
      faulty.reset();
      const saved = await post(
        `/admin/bai-viet/${id}`,
        editor.cookie,
        articleFields({
          ...base,
          headline: "Tiêu đề sửa dở",
          lead: "Sapo sửa dở.",
          tags: "Thẻ sửa dở",
          version: String(rowBefore!.version),
          "hanh-dong": "go",
        }),
      );
      expect(saved.status).toBe(303);
      expect(await row()).toMatchObject({
        headline: "Tiêu đề sửa dở",
        status: "unpublished",
        version: Number(rowBefore!.version) + 1,
      });
    },
  );
});
