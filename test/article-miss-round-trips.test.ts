// How many times an article MISS waits for D1 (issue 20: MISS at most 15 ms
// locally). Every query still runs on the real local D1; a Proxy in front of
// the binding only writes down each round trip (a statement's first/all/run/
// raw, a batch, an exec) with the SQL it carried.
import { env } from "cloudflare:test";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { DEMO_ARTICLES } from "../scripts/demo/articles/index";
import { openDatabase } from "../src/db/client";
import { createPoll } from "../src/db/polls";
import { loadDemo } from "./setup/demo";
import { articleId, articleUrl } from "./setup/demo-urls";
import { get } from "./setup/http";

beforeAll(loadDemo);
afterEach(() => {
  vi.useRealTimers();
});

interface Counting {
  db: D1Database;
  /** One entry per round trip: the SQL of its statements. */
  trips: string[][];
}

function countingD1(real: D1Database): Counting {
  const trips: string[][] = [];
  const sqlOf = new WeakMap<object, string>();
  const statement = (stmt: D1PreparedStatement, sql: string): D1PreparedStatement => {
    const proxy = new Proxy(stmt, {
      get(target, prop) {
        if (prop === "bind") return (...values: unknown[]) => statement(target.bind(...values), sql);
        const value = Reflect.get(target, prop, target);
        if (typeof value !== "function") return value;
        if (prop === "first" || prop === "all" || prop === "run" || prop === "raw") {
          return (...args: unknown[]) => {
            trips.push([sql]);
            return value.apply(target, args);
          };
        }
        return value.bind(target);
      },
    });
    sqlOf.set(proxy, sql);
    return proxy;
  };
  const database = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(t, prop) {
        const value = Reflect.get(t, prop, t);
        if (typeof value !== "function") return value;
        if (prop === "prepare") return (sql: string) => statement(value.call(t, sql), sql);
        if (prop === "batch") {
          return (list: D1PreparedStatement[]) => {
            trips.push(list.map((s) => sqlOf.get(s) ?? "?"));
            return value.call(t, list);
          };
        }
        if (prop === "exec") {
          return (sql: string) => {
            trips.push([sql]);
            return value.call(t, sql);
          };
        }
        if (prop === "withSession") return (...args: unknown[]) => database(value.apply(t, args));
        return value.bind(t);
      },
    });
  return { db: database(real), trips };
}

/** The round trips of a request, without the sampled view count (a write after the response, 1 in 10). */
const reads = (trips: string[][]) => trips.filter((trip) => !trip.some((sql) => /article_views/.test(sql)));

// The demo's article with the most parts: tags, photos in the body, "Xem thêm" boxes.
const rich = DEMO_ARTICLES.find((a) => a.body.some((b) => b.type === "related"))!;

/** A MISS of `path` after `warmPath` (another key of the same page) has been rendered once. */
async function missTrips(warmPath: string, path: string): Promise<string[][]> {
  // A still clock: the page's version and every fragment read by the first
  // request stay known to the isolate, so the second counts the page alone.
  vi.useFakeTimers({ toFake: ["Date"] });
  const counting = countingD1(env.DB);
  const warm = await get(warmPath, {}, { DB: counting.db });
  expect(warm.headers.get("x-cache")).toBe("MISS");
  counting.trips.length = 0;
  const res = await get(path, {}, { DB: counting.db });
  expect(res.status).toBe(200);
  expect(res.headers.get("x-cache")).toBe("MISS");
  return reads(counting.trips);
}

describe("an article MISS", () => {
  it("reads everything the page shows from D1 in one round trip", async () => {
    const path = await articleUrl(rich.headline);
    // The light edition is another entry of the same page, read by the same queries: never stored yet.
    // (Parameters the article does not read, like `?page=`, share its entry: a HIT.)
    const trips = await missTrips(path, `/lite${path}`);
    expect(trips, JSON.stringify(trips, null, 1)).toHaveLength(1);
    // Chrome (settings, sections, static pages), the article with its tags, photos,
    // corrections, share photo and "Xem thêm" links, and the related reading.
    expect(trips[0]).toHaveLength(10);
  });
});

describe("the first request for an article", () => {
  // Another article first: the site's chrome and shared fragments (weather,
  // latest news, most read, breaking news, the site's poll box) are known;
  // this article's own version and comments are not, as after a deployment
  // or an edit. Neither was asked for before in this file.
  const [other, first, withPoll, another] = DEMO_ARTICLES.filter((a) => a !== rich);

  it("waits for D1 three times: its version with its comments', the page and its comments", async () => {
    const trips = await missTrips(await articleUrl(other!.headline), await articleUrl(first!.headline));
    expect(trips, JSON.stringify(trips, null, 1)).toHaveLength(3);
    // The version of its comments is read with the page's own, not once the page is rendered.
    expect(trips[0]).toHaveLength(2);
    // No poll is attached: it shows the site's poll box, which the isolate already holds.
    expect(trips.filter((trip) => trip.some((sql) => /"poll_options"/.test(sql)))).toEqual([]);
  });

  it("waits once more for a poll attached to it, in one batch", async () => {
    const path = await articleUrl(withPoll!.headline);
    const id = await articleId(withPoll!.headline);
    const now = Date.now();
    await createPoll(openDatabase(env.DB), {
      question: "Bài này có ích cho bạn không?",
      options: ["Có", "Không"],
      placement: "articles",
      opensAt: new Date(now - 60_000),
      closesAt: new Date(now + 86_400_000),
      articleIds: [id],
    });
    const trips = await missTrips(await articleUrl(another!.headline), path);
    expect(trips, JSON.stringify(trips, null, 1)).toHaveLength(4);
    // The poll box (the article's own poll, else the site's) is one batch, not three reads in a row.
    expect(trips.filter((trip) => trip.some((sql) => /"poll_options"/.test(sql)))).toHaveLength(1);
  });
});

describe("a list page MISS", () => {
  it("reads the home page in one round trip", async () => {
    const trips = await missTrips("/", "/lite");
    expect(trips, JSON.stringify(trips, null, 1)).toHaveLength(1);
  });

  it("reads a section page in two: the section by its address, then everything else", async () => {
    const section = `/${rich.section}`;
    const trips = await missTrips(section, `/lite${section}`);
    expect(trips, JSON.stringify(trips, null, 1)).toHaveLength(2);
  });
});
