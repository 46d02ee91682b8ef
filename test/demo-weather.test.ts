// Issue 21, item 10: the demo paper comes with a dated sample forecast, so a
// fresh `npm start` without internet shows "Thông tin cần biết"; the first
// real refresh replaces it. Only the outside world (Open-Meteo) is faked.
import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from "cloudflare:test";
import { parse } from "node-html-parser";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { DEMO_ARTICLES } from "../scripts/demo/articles/index";
import demoFixture from "../scripts/demo/weather.json";
import { forecastInput, refreshWeather } from "../src/jobs/weather";
import { forecastResponse } from "../src/weather/open-meteo";
import { forecastText } from "../src/weather/wording";
import worker from "../worker/index";
import forecastFixture from "./fixtures/open-meteo/bac-lieu-forecast.json";
import { loadDemo } from "./setup/demo";
import { articleUrl } from "./setup/demo-urls";
import { get, text } from "./setup/http";
import { loginAs } from "./setup/newsroom";

beforeAll(loadDemo);
afterEach(() => {
  vi.restoreAllMocks();
});

const DEMO_TEXT = forecastText(forecastInput(forecastResponse.parse(demoFixture)))!;
const REAL_TEXT =
  "Nhiều mây, có mưa rào, có nơi mưa vừa, mưa to và rải rác có dông. Gió tây nam cấp 3, giật cấp 7. Trong cơn dông có khả năng xảy ra lốc, sét và gió giật mạnh. Nhiệt độ từ 25 - 32 độ C. Độ ẩm 71%.";
const SAMPLE_NOTE = "Dữ liệu mẫu ngày 24/11/2026, không phải dự báo hôm nay.";

const boxText = async (path: string) => text(parse(await (await get(path)).text()).querySelector(".weather"));

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });

/** The Open-Meteo server, answering with `answer`; anything else fetched is a test error. */
function openMeteo(answer: () => Promise<Response> | Response) {
  return vi.spyOn(globalThis, "fetch").mockImplementation(async (input) => {
    const url = String(input instanceof Request ? input.url : input);
    if (!/\/v1\/forecast\?/.test(url)) throw new Error(`unexpected fetch ${url}`);
    return answer();
  });
}

describe("the demo paper's weather box", () => {
  it("shows the sample forecast on every page, dated and marked as not today's", async () => {
    expect(DEMO_TEXT).toContain("Gió đông bắc cấp 3");
    const article = await articleUrl(DEMO_ARTICLES[0]!.headline);
    for (const path of ["/", "/kinh-te", article]) {
      const box = await boxText(path);
      expect(box, path).toContain("Thông tin cần biết");
      expect(box, path).toContain("Thời tiết Bạc Liêu 24° - 31°C");
      expect(box, path).toContain(DEMO_TEXT);
      // Days old and still shown (a real forecast hides after 24 hours), with
      // its date instead of an update time that would pass for today's.
      expect(box, path).toContain(SAMPLE_NOTE);
      expect(box, path).not.toContain("Cập nhật lúc");
    }
  });

  it("stays while a refresh fails without internet, and says so in the newsroom", async () => {
    const results = await refreshWeather(env, new Date(), async () => {
      throw new TypeError("Network connection lost.");
    });
    expect(results).toEqual([{ place: "bac-lieu", ok: false, reason: expect.stringMatching(/lỗi mạng/) }]);
    expect(await boxText("/van-hoa-du-lich")).toContain(SAMPLE_NOTE);
    const editor = await loginAs("editor");
    const screen = text(await editor.page("/admin/thoi-tiet"));
    expect(screen).toContain(DEMO_TEXT);
  });

  it("is replaced by the first real refresh", async () => {
    const spy = openMeteo(() => json(forecastFixture));
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: "*/30 * * * *" }), env, ctx);
    await waitOnExecutionContext(ctx);
    expect(spy).toHaveBeenCalledTimes(1);
    for (const path of ["/", "/nhip-song-do-thi"]) {
      const box = await boxText(path);
      expect(box, path).toContain(REAL_TEXT);
      expect(box, path).toMatch(/Cập nhật lúc \d\d:\d\d/);
      expect(box, path).not.toContain(DEMO_TEXT);
      expect(box, path).not.toContain("Dữ liệu mẫu");
    }
  });
});
