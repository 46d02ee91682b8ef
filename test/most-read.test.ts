import { env } from "cloudflare:test";
import { parse } from "node-html-parser";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { DEMO_ARTICLES } from "../scripts/demo/articles/index";
import { loadDemo } from "./setup/demo";
import { articleId, articleUrl } from "./setup/demo-urls";
import { get, text } from "./setup/http";

beforeAll(loadDemo);

// Every view recorded, so the test can count exactly.
const everyView = { VIEW_SAMPLE_RATE: "1" };

/** What a browser does: loads the page (often a cache HIT) and the images on it, the view beacon among them. */
async function read(url: string, envOverrides: Record<string, string>): Promise<void> {
  const doc = parse(await (await get(url, {}, envOverrides)).text());
  const beacon = doc.querySelector('img[src^="/luot-xem/"]')?.getAttribute("src");
  expect(beacon).toBeTruthy();
  const res = await get(beacon!, { headers: { accept: "image/*" } }, envOverrides);
  expect(res.headers.get("content-type")).toBe("image/gif");
  expect(res.headers.get("cache-control")).toBe("private, no-store");
}

describe("Đọc nhiều", () => {
  it("ranks articles by views in the last 24 hours and 7 days, counting cached views too", async () => {
    const [a, b, c] = [DEMO_ARTICLES[0]!, DEMO_ARTICLES[6]!, DEMO_ARTICLES[9]!];
    for (const [article, views] of [
      [a, 2],
      [b, 5],
      [c, 3],
    ] as const) {
      const url = await articleUrl(article.headline);
      for (let i = 0; i < views; i++) await read(url, everyView);
    }
    // Older views only count for the week.
    const week = Date.now() - 3 * 24 * 3600_000;
    await env.DB.prepare("insert into article_views (article_id, hour, count) values (?, ?, 50)")
      .bind(await articleId(a.headline), Math.floor(week / 3600_000))
      .run();

    // The list is recounted on its own clock (5 minutes), not on every view.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 5 * 60_000);
    const doc = parse(await (await get("/")).text());
    vi.useRealTimers();
    const lists = doc.querySelectorAll(".most-read ol").map((ol) => ol.querySelectorAll("a").map(text));
    expect(lists[0]).toEqual([b.headline, c.headline, a.headline]);
    expect(lists[1]).toEqual([a.headline, b.headline, c.headline]);
    expect(text(doc.querySelector("#most-read-title"))).toBe("Đọc nhiều");
  });

  it("samples views: with 1 in 10, fewer rows are written but the weights add up", async () => {
    const url = await articleUrl(DEMO_ARTICLES[3]!.headline);
    const id = await articleId(DEMO_ARTICLES[3]!.headline);
    for (let i = 0; i < 200; i++) await read(url, { VIEW_SAMPLE_RATE: "10" });
    const total = await env.DB.prepare("select coalesce(sum(count), 0) as n from article_views where article_id = ?")
      .bind(id)
      .first<number>("n");
    expect(total! % 10).toBe(0);
    // 200 views at 1 in 10: about 20 recorded (weight 10 each); far from 0 and from one write per view.
    expect(total).toBeGreaterThan(40);
    expect(total).toBeLessThan(400);
  });

  it("counts views through the beacon only, and only of published articles", async () => {
    const id = await articleId(DEMO_ARTICLES[5]!.headline);
    const count = () =>
      env.DB.prepare("select coalesce(sum(count), 0) as n from article_views where article_id = ?")
        .bind(id)
        .first<number>("n");
    const before = await count();
    // The page alone (a HIT runs none of our code in production) counts nothing.
    await get(await articleUrl(DEMO_ARTICLES[5]!.headline), {}, everyView);
    expect(await count()).toBe(before);
    expect((await get(`/luot-xem/${id}.gif`, {}, everyView)).status).toBe(200);
    expect(await count()).toBe(before! + 1);
    // Unknown or unpublished articles and odd addresses write nothing.
    const rows = () => env.DB.prepare("select count(*) as n from article_views").first<number>("n");
    const allRows = await rows();
    for (const path of ["/luot-xem/999999.gif", "/luot-xem/0.gif", "/luot-xem/abc.gif", "/luot-xem/12.png"]) {
      const res = await get(path, {}, everyView);
      expect(res.headers.get("cache-control"), path).toBe("private, no-store");
    }
    expect(await rows()).toBe(allRows);
    expect((await get("/luot-xem/abc.gif")).status).toBe(404);
  });
});
