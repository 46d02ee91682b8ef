import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from "cloudflare:test";
import { parse } from "node-html-parser";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { DEMO_ARTICLES } from "../scripts/demo/articles/index";
import { toVietnamLocalInput } from "../src/vi/dates";
import worker from "../worker/index";
import forecastFixture from "./fixtures/open-meteo/bac-lieu-forecast.json";
import errorFixture from "./fixtures/open-meteo/error-400.json";
import { loadDemo } from "./setup/demo";
import { articleUrl } from "./setup/demo-urls";
import { get, text } from "./setup/http";
import { loginAs } from "./setup/newsroom";

beforeAll(loadDemo);
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

const FIXTURE_TEXT =
  "Nhiều mây, có mưa rào, có nơi mưa vừa, mưa to và rải rác có dông. Gió tây nam cấp 3, giật cấp 7. Trong cơn dông có khả năng xảy ra lốc, sét và gió giật mạnh. Nhiệt độ từ 25 - 32 độ C. Độ ẩm 71%.";

type Answer = () => Promise<Response> | Response;

/** Fakes only the outside world: the Open-Meteo server, answering in its real format. */
function openMeteo(answer: Answer) {
  return vi.spyOn(globalThis, "fetch").mockImplementation(async (input) => {
    const url = String(input instanceof Request ? input.url : input);
    if (!/\/v1\/forecast\?/.test(url)) throw new Error(`unexpected fetch ${url}`);
    return answer();
  });
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

async function runCron(time = Date.now(), envOverrides: Record<string, string> = {}) {
  const ctx = createExecutionContext();
  await worker.scheduled(
    createScheduledController({ scheduledTime: time, cron: "*/30 * * * *" }),
    { ...env, ...envOverrides },
    ctx,
  );
  await waitOnExecutionContext(ctx);
}

const latest = () =>
  env.DB.prepare(
    "select text, temp_min, temp_max from weather_forecasts where place = 'bac-lieu' order by fetched_at desc, id desc limit 1",
  ).first<{ text: string; temp_min: number; temp_max: number }>();
const lastRun = () =>
  env.DB.prepare("select ok, reason from weather_runs where place = 'bac-lieu' order by id desc limit 1").first<{
    ok: number;
    reason: string;
  }>();
const boxText = async (path = "/") => text(parse(await (await get(path)).text()).querySelector(".weather"));

describe("the weather job", () => {
  it("fetches Bạc Liêu's forecast from Open-Meteo and writes it in Vietnamese", async () => {
    const spy = openMeteo(() => json(forecastFixture));
    await runCron();
    expect(spy).toHaveBeenCalledTimes(1);
    const url = new URL(String(spy.mock.calls[0]![0]));
    expect(url.origin + url.pathname).toBe("https://api.open-meteo.com/v1/forecast");
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      latitude: "9.29",
      longitude: "105.72",
      timezone: "Asia/Ho_Chi_Minh",
      forecast_days: "2",
      wind_speed_unit: "ms",
    });
    expect(url.searchParams.get("daily")).toContain("weather_code");
    expect(await latest()).toEqual({ text: FIXTURE_TEXT, temp_min: 25, temp_max: 32 });
    expect(await lastRun()).toEqual({ ok: 1, reason: "" });
    const box = await boxText();
    expect(box).toContain("Thông tin cần biết");
    expect(box).toContain("Thời tiết Bạc Liêu 25° - 32°C");
    expect(box).toContain(FIXTURE_TEXT);
    expect(box).toMatch(/Cập nhật lúc \d\d:\d\d/);
  });

  it.each<[string, Answer, number, RegExp]>([
    ["a 500", () => json({ error: true, reason: "Internal" }, 500), 3, /máy chủ trả về 500/],
    [
      "a 400 with the API's error body",
      () => json(errorFixture, 400),
      1,
      /máy chủ trả về 400: Cannot initialize WeatherVariable/,
    ],
    [
      "a timeout",
      () => Promise.reject(new DOMException("The operation timed out.", "TimeoutError")),
      3,
      /hết thời gian chờ/,
    ],
    [
      "the network down",
      () => Promise.reject(new TypeError("Network connection lost.")),
      3,
      /lỗi mạng: TypeError: Network connection lost/,
    ],
    ["bad JSON", () => new Response("<html>Bad gateway</html>", { status: 200 }), 1, /không phải JSON/],
    [
      "a response missing fields",
      () => json({ ...forecastFixture, daily: { ...forecastFixture.daily, weather_code: undefined } }),
      1,
      /thiếu hoặc sai trường: daily\.weather_code/,
    ],
    [
      "nulls where numbers belong, as strings",
      () => json({ ...forecastFixture, current: { ...forecastFixture.current, relative_humidity_2m: "71" } }),
      1,
      /current\.relative_humidity_2m/,
    ],
  ])(
    "keeps the last good forecast after %s, with bounded retries and the reason recorded",
    async (_label, answer, attempts, reason) => {
      openMeteo(() => json(forecastFixture));
      await runCron();
      const before = await latest();
      vi.restoreAllMocks();
      const spy = openMeteo(answer);
      await expect(runCron()).resolves.toBeUndefined();
      expect(spy).toHaveBeenCalledTimes(attempts);
      expect(await latest()).toEqual(before);
      const run = await lastRun();
      expect(run?.ok).toBe(0);
      expect(run?.reason).toMatch(reason);
      expect(await boxText()).toContain(FIXTURE_TEXT);
    },
  );

  it("prunes history older than 30 days on its run", async () => {
    const old = Date.now() - 31 * 24 * 3600_000;
    await env.DB.prepare(
      "insert into weather_forecasts (place, fetched_at, text, data) values ('bac-lieu', ?, 'Bản tin cũ', '{}')",
    )
      .bind(old)
      .run();
    await env.DB.prepare("insert into weather_runs (place, at, ok, reason) values ('bac-lieu', ?, 0, 'cũ')")
      .bind(old)
      .run();
    openMeteo(() => json(forecastFixture));
    await runCron();
    expect(
      await env.DB.prepare("select count(*) as n from weather_forecasts where fetched_at <= ?").bind(old).first("n"),
    ).toBe(0);
    expect(await env.DB.prepare("select count(*) as n from weather_runs where at <= ?").bind(old).first("n")).toBe(0);
    expect(await latest()).not.toBeNull();
  });

  it("can be pointed at a self-hosted Open-Meteo", async () => {
    const spy = openMeteo(() => json(forecastFixture));
    await runCron(Date.now(), { WEATHER_API_URL: "https://thoitiet.baodongbang.vn/" });
    expect(String(spy.mock.calls[0]![0])).toMatch(/^https:\/\/thoitiet\.baodongbang\.vn\/v1\/forecast\?/);
  });

  it("updates the box on a cached article without re-rendering the article", async () => {
    openMeteo(() => json(forecastFixture));
    await runCron();
    const path = await articleUrl(DEMO_ARTICLES[2]!.headline);
    await get(path);
    expect((await get(path)).headers.get("x-cache")).toBe("HIT");
    openMeteo(() =>
      json({
        ...forecastFixture,
        daily: {
          ...forecastFixture.daily,
          weather_code: [3, 3],
          wind_speed_10m_max: [2.0, 2.0],
          wind_gusts_10m_max: [4.0, 4.0],
        },
      }),
    );
    await runCron();
    const after = await get(path);
    expect(after.headers.get("x-cache")).toBe("HIT");
    const box = text(parse(await after.text()).querySelector(".weather"));
    expect(box).toContain("Nhiều mây, không mưa. Gió tây nam cấp 2.");
    expect(box).not.toContain("dông");
  });

  it("marks a forecast older than 6 hours as stale and hides one older than 24 hours", async () => {
    openMeteo(() => json(forecastFixture));
    const now = Date.now();
    await runCron(now);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(now + 7 * 3600_000);
    await env.DB.prepare(
      "insert into cache_versions (scope, stamp) values ('weather', ?) on conflict(scope) do update set stamp = excluded.stamp",
    )
      .bind(now + 7 * 3600_000)
      .run();
    expect(await boxText("/kinh-te")).toContain("(chưa có bản tin mới hơn)");
    vi.setSystemTime(now + 25 * 3600_000);
    await env.DB.prepare("update cache_versions set stamp = ? where scope = 'weather'")
      .bind(now + 25 * 3600_000)
      .run();
    expect(await boxText("/van-hoa-du-lich")).toBe("");
  });
});

describe("a forecast pinned by an editor", () => {
  it("wins over the automatic one until it expires", async () => {
    openMeteo(() => json(forecastFixture));
    await runCron();
    const editor = await loginAs("editor");
    const pinned = "Bản tin của Đài Khí tượng: ngày mai có mưa to diện rộng, đề phòng ngập úng.";
    const expires = new Date(Date.now() + 3600_000);
    const res = await editor.post("/admin/thoi-tiet/bac-lieu/ghim", {
      text: pinned,
      expiresAt: toVietnamLocalInput(expires),
    });
    expect(res.status).toBe(303);
    expect(await boxText()).toContain(pinned);
    expect(text((await editor.page("/admin/thoi-tiet")).querySelector(".card p"))).toBeTruthy();
    // A new automatic run does not replace it while it lasts.
    await runCron();
    expect(await boxText("/giao-duc-the-thao")).toContain(pinned);

    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(expires.getTime() + 60_000);
    await env.DB.prepare("update cache_versions set stamp = ? where scope = 'weather'")
      .bind(expires.getTime() + 60_000)
      .run();
    const box = await boxText("/nhip-song-do-thi");
    expect(box).not.toContain(pinned);
    expect(box).toContain(FIXTURE_TEXT);
  });

  it("is managed only by editors and admins, and refuses a past expiry", async () => {
    const reporter = await loginAs("reporter");
    expect((await reporter.get("/admin/thoi-tiet")).status).toBe(403);
    const admin = await loginAs("admin");
    const res = await admin.post("/admin/thoi-tiet/bac-lieu/ghim", {
      text: "Cũ",
      expiresAt: toVietnamLocalInput(new Date(Date.now() - 3600_000)),
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Thời điểm hết hạn phải ở tương lai");
  });
});
