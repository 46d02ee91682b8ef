// Issue 20, "Must show": a fragment change shows on an already cached page at
// once, without the page itself being rendered again from D1.
//
// Black-box proof of "not rendered again": after a page is a cache HIT, a
// text the page renders itself (an article's lead, a poll's question) is
// changed in D1 directly, bumping no version. A fresh render would show the
// new text; the cached page keeps the old one. The fragment change is then made
// the way a reader or the newsroom makes it (the real route, the real job), and
// the next reader must get a HIT with the change in it and the old lead around it.
//
// The clock (Date only) is held still in every test: fragment keys carry a time
// bucket (15 s for breaking news), and a bucket ending mid-test would refresh a
// fragment by itself. Held still, only the change's version bump can.
import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from "cloudflare:test";
import { parse } from "node-html-parser";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { DEMO_ARTICLES } from "../scripts/demo/articles/index";
import { issueFormToken, networkOf } from "../src/community/form-token";
import { formSecret } from "../src/community/signing";
import { createArticle, updateArticle } from "../src/db/article-writes";
import { getPublishedArticle } from "../src/db/articles";
import { openDatabase } from "../src/db/client";
import { toVietnamLocalInput } from "../src/vi/dates";
import worker from "../worker/index";
import forecastFixture from "./fixtures/open-meteo/bac-lieu-forecast.json";
import { loadDemo } from "./setup/demo";
import { articleId, articleUrl } from "./setup/demo-urls";
import { get, text } from "./setup/http";
import { loginAs, pollFields, pollIdFromLocation, postForm } from "./setup/newsroom";
import { rowsOf } from "./setup/rows";

beforeAll(loadDemo);

/** Undone after each test, last first: what a test changed behind the cache's back. */
const undo: (() => Promise<unknown>)[] = [];

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
});
afterEach(async () => {
  vi.restoreAllMocks();
  vi.useRealTimers();
  for (const step of undo.splice(0).reverse()) await step();
});

/** Requests a page until the background cache.put of its first render has landed. */
async function warm(path: string): Promise<Response> {
  for (let i = 0; i < 20; i++) {
    const res = await get(path);
    await res.arrayBuffer();
    if (res.headers.get("x-cache") === "HIT") return get(path);
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${path} never became a cache HIT`);
}

/** A cached article page: its URL, id, and its HIT's HTML and ETag. */
async function cachedArticle(headline: string) {
  const path = await articleUrl(headline);
  const id = await articleId(headline);
  const hit = await warm(path);
  expect(hit.headers.get("x-cache")).toBe("HIT");
  const html = await hit.text();
  return { path, id, html, etag: hit.headers.get("etag")!, lead: text(parse(html).querySelector(".lead")) };
}

/**
 * Changes the article's lead in D1 and nothing else: no version bump, so only
 * a page rendered again from D1 could show it. Put back after the test; returns the old lead.
 */
async function changeLeadBehindTheCache(id: number, lead: string): Promise<string> {
  const old = await env.DB.prepare("select lead from articles where id = ?").bind(id).first<string>("lead");
  await env.DB.prepare("update articles set lead = ? where id = ?").bind(lead, id).run();
  undo.push(() => env.DB.prepare("update articles set lead = ? where id = ?").bind(old, id).run());
  return old!;
}

const leadOf = (html: string) => text(parse(html).querySelector(".lead"));

/** The demo article by its position in the demo paper (none of these has a "Xem thêm" box). */
const demo = (i: number) => {
  const a = DEMO_ARTICLES[i]!;
  expect(a.body.some((b) => b.type === "related")).toBe(false);
  return a;
};

describe("a fragment change on an already cached page", () => {
  it("shows a comment as soon as the newsroom approves it, in the page readers already had cached", async () => {
    const article = demo(6);
    const page = await cachedArticle(article.headline);
    expect(text(parse(page.html).querySelector("#binh-luan-title"))).toBe("Bình luận (0)");

    // A reader comments through the real form.
    const sent = await postForm(
      "/binh-luan",
      {
        article: String(page.id),
        t: await issueFormToken(formSecret(env), networkOf("198.18.20.1"), Date.now() - 8_000),
        website: "",
        email: "",
        name: "Phạm Thị Duyên",
        body: "Mong câu lạc bộ mở thêm lớp cho thiếu nhi.",
      },
      { headers: { "cf-connecting-ip": "198.18.20.1" } },
    );
    expect(sent.status).toBe(303);
    const commentId = await env.DB.prepare("select id from comments where name = ? order by id desc limit 1")
      .bind("Phạm Thị Duyên")
      .first<number>("id");
    // Pending: not on the page yet.
    const pending = await get(page.path);
    expect(pending.headers.get("x-cache")).toBe("HIT");
    expect(await pending.text()).not.toContain("Mong câu lạc bộ mở thêm lớp");

    await changeLeadBehindTheCache(page.id, "Sapo mới chỉ có trong D1, chưa ai render.");
    const editor = await loginAs("editor");
    const approved = await editor.post("/admin/binh-luan", { ids: String(commentId), "hanh-dong": "approved" });
    expect(approved.status).toBe(303);

    const after = await get(page.path);
    expect(after.headers.get("x-cache")).toBe("HIT");
    const html = await after.text();
    const doc = parse(html);
    expect(text(doc.querySelector("#binh-luan-title"))).toBe("Bình luận (1)");
    expect(text(doc.querySelector(".comment strong"))).toBe("Phạm Thị Duyên");
    expect(text(doc.querySelector(".comment"))).toContain("Mong câu lạc bộ mở thêm lớp cho thiếu nhi.");
    expect(leadOf(html)).toBe(page.lead);
    expect(after.headers.get("etag")).not.toBe(page.etag);
  });

  it("shows a reader's vote in the cached results page at once", async () => {
    const editor = await loginAs("editor");
    const question = "Có nên mở thêm chuyến xe buýt đêm về Hộ Phòng?";
    const created = await editor.post("/admin/binh-chon", pollFields({ question }));
    expect(created.status).toBe(303);
    const pollId = pollIdFromLocation(created);
    // Archived afterwards, so the sidebar poll is no longer this one.
    undo.push(() => editor.post(`/admin/binh-chon/${pollId}/trang-thai`, { "hanh-dong": "luu-tru" }));
    const path = `/binh-chon/${pollId}`;
    const before = await warm(path);
    const beforeDoc = parse(await before.text());
    expect(text(beforeDoc.querySelector("h1"))).toBe(question);
    expect(text(beforeDoc.querySelector(".poll-total"))).toBe("0 lượt bình chọn");

    // The results page's own text, changed behind the cache's back.
    await env.DB.prepare("update polls set question = ? where id = ?")
      .bind("Câu hỏi mới chỉ có trong D1?", pollId)
      .run();
    undo.push(() => env.DB.prepare("update polls set question = ? where id = ?").bind(question, pollId).run());
    const yes = await env.DB.prepare("select id from poll_options where poll_id = ? order by position limit 1")
      .bind(pollId)
      .first<number>("id");
    const voted = await postForm(path, { option: String(yes) }, { headers: { "cf-connecting-ip": "198.18.20.2" } });
    expect(voted.status).toBe(303);

    const after = await get(path);
    expect(after.headers.get("x-cache")).toBe("HIT");
    const doc = parse(await after.text());
    expect(text(doc.querySelector(".poll-total"))).toBe("1 lượt bình chọn");
    expect(text(doc.querySelector(".poll-results li .poll-count"))).toBe("1 (100%)");
    // The page around the results is the cached one: its heading still has the old question.
    expect(text(doc.querySelector("h1"))).toBe(question);
    expect(after.headers.get("etag")).not.toBe(before.headers.get("etag"));
  });

  it("shows the new forecast in the weather box after the weather job runs", async () => {
    const json = (body: unknown) =>
      new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });
    // Only the outside world is faked: the Open-Meteo server, in its real format.
    const openMeteo = (body: unknown) =>
      vi.spyOn(globalThis, "fetch").mockImplementation(async (input) => {
        const url = String(input instanceof Request ? input.url : input);
        if (!/\/v1\/forecast\?/.test(url)) throw new Error(`unexpected fetch ${url}`);
        return json(body);
      });
    const runCron = async (time: number) => {
      const ctx = createExecutionContext();
      await worker.scheduled(createScheduledController({ scheduledTime: time, cron: "*/30 * * * *" }), env, ctx);
      await waitOnExecutionContext(ctx);
    };
    const weatherIn = (html: string) => text(parse(html).querySelector(".weather"));

    openMeteo(forecastFixture);
    await runCron(Date.now() - 60_000);
    const page = await cachedArticle(demo(1).headline);
    expect(weatherIn(page.html)).toContain("dông");

    await changeLeadBehindTheCache(page.id, "Sapo mới chỉ có trong D1, chưa ai render.");
    vi.restoreAllMocks();
    const spy = openMeteo({
      ...forecastFixture,
      daily: {
        ...forecastFixture.daily,
        weather_code: [3, 3],
        wind_speed_10m_max: [2.0, 2.0],
        wind_gusts_10m_max: [4.0, 4.0],
      },
    });
    await runCron(Date.now());
    expect(spy).toHaveBeenCalledTimes(1);

    const after = await get(page.path);
    expect(after.headers.get("x-cache")).toBe("HIT");
    const html = await after.text();
    expect(weatherIn(html)).toContain("Nhiều mây, không mưa. Gió tây nam cấp 2.");
    expect(weatherIn(html)).not.toContain("dông");
    expect(leadOf(html)).toBe(page.lead);
    expect(after.headers.get("etag")).not.toBe(page.etag);
  });

  it("shows the breaking-news banner as soon as an editor posts it", async () => {
    const page = await cachedArticle(demo(9).headline);
    expect(parse(page.html).querySelector(".breaking")).toBeNull();

    await changeLeadBehindTheCache(page.id, "Sapo mới chỉ có trong D1, chưa ai render.");
    const editor = await loginAs("editor");
    const saved = await editor.post("/admin/tin-nong", {
      text: "Triều cường vượt báo động 3 tại Bạc Liêu",
      url: "",
      expiresAt: toVietnamLocalInput(new Date(Date.now() + 3600_000)),
    });
    expect(saved.status).toBe(303);
    // Taken down afterwards, as the newsroom would.
    undo.push(async () => {
      const admin = await editor.page("/admin/tin-nong");
      const takeDown = admin.querySelector('form[action$="/go"]')?.getAttribute("action");
      if (takeDown) await editor.post(takeDown, {});
    });

    const after = await get(page.path);
    expect(after.headers.get("x-cache")).toBe("HIT");
    const html = await after.text();
    expect(text(parse(html).querySelector(".breaking"))).toBe("Tin nóng Triều cường vượt báo động 3 tại Bạc Liêu");
    expect(leadOf(html)).toBe(page.lead);
    expect(after.headers.get("etag")).not.toBe(page.etag);
  });

  it("puts a newly published article at the top of “Tin mới nhất” on other cached articles", async () => {
    const db = openDatabase(env.DB);
    const target = demo(7);
    const page = await cachedArticle(target.headline);
    const headline = "Giá tôm thẻ tăng mạnh sau đợt triều cường";
    expect(page.html).not.toContain(headline);

    await changeLeadBehindTheCache(page.id, "Sapo mới chỉ có trong D1, chưa ai render.");
    // Another section, another author, no shared tag: nothing the target page shows is touched.
    const [section] = await rowsOf(env.DB).query.sections.findMany({ where: (s, { eq }) => eq(s.slug, "kinh-te") });
    const targetAuthor = (await rowsOf(env.DB).query.articles.findFirst({ where: (a, { eq }) => eq(a.id, page.id) }))!
      .authorId;
    const author = (await rowsOf(env.DB).query.authors.findMany()).find((a) => a.id !== targetAuthor)!;
    expect(target.tags).not.toContain("Thị trường");
    // Left published: no other test here reads "Tin mới nhất", and each caches its page after it.
    await createArticle(db, {
      sectionId: section!.id,
      authorId: author.id,
      headline,
      lead: "Thương lái thu mua tôm thẻ cao hơn tuần trước.",
      body: [{ type: "paragraph", text: "Nội dung." }],
      status: "published",
      publishedAt: new Date(Date.now() - 1000),
      tags: ["Thị trường"],
    });

    const after = await get(page.path);
    expect(after.headers.get("x-cache")).toBe("HIT");
    const html = await after.text();
    expect(text(parse(html).querySelector(".latest-news li a"))).toBe(headline);
    expect(leadOf(html)).toBe(page.lead);
    expect(after.headers.get("etag")).not.toBe(page.etag);
  });
});

describe("a change to the article itself", () => {
  it("renders the page again, so readers see the edited lead at once", async () => {
    const db = openDatabase(env.DB);
    const page = await cachedArticle(demo(10).headline);

    // Behind the cache's back, nothing shows: readers keep the cached page.
    const original = await changeLeadBehindTheCache(page.id, "Sapo mới chỉ có trong D1, chưa ai render.");
    const unchanged = await get(page.path);
    expect(unchanged.headers.get("x-cache")).toBe("HIT");
    expect(leadOf(await unchanged.text())).toBe(page.lead);
    expect(unchanged.headers.get("etag")).toBe(page.etag);

    // Through the newsroom's write, the article's version moves and the page is rendered again.
    const current = (await getPublishedArticle(db, page.id, new Date()))!;
    const row = (await rowsOf(env.DB).query.articles.findFirst({ where: (a, { eq }) => eq(a.id, page.id) }))!;
    const edited = "Sapo đã sửa qua tòa soạn: lớp bơi mở thêm ca chiều.";
    const input = {
      sectionId: row.sectionId,
      authorId: row.authorId,
      kicker: current.kicker,
      headline: current.headline,
      slug: current.slug,
      body: current.body,
      status: "published" as const,
      publishedAt: current.publishedAt,
      heroImageId: row.heroImageId,
      tags: current.tags.map((t) => t.name),
    };
    await updateArticle(db, page.id, { ...input, lead: edited });
    // Put back the same way, so the cached page and D1 agree again.
    undo.push(() => updateArticle(db, page.id, { ...input, lead: original }));

    const after = await get(page.path);
    expect(after.headers.get("x-cache")).toBe("MISS");
    expect(leadOf(await after.text())).toBe(edited);
    expect(after.headers.get("etag")).not.toBe(page.etag);
  });
});
