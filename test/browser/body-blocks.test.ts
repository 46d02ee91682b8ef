// The demo article with a table, a "Xem thêm" and a video, in a real
// Chromium on a 360 px phone and a desktop, JavaScript on and off: the
// table scrolls inside its box without widening the page, nothing is asked
// of YouTube until the reader taps, a tap swaps in the youtube-nocookie
// player with JavaScript and follows the link without it; axe finds nothing.
import type { Request } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { axeViolations } from "./axe";
import { useChromium } from "./chromium";
import { PHONE_PAGE_BUDGET, phoneWeight, READER_VARIANTS, readerContext, variantLabel } from "./readers";

const base = inject("baseUrl");

const browser = useChromium();

const TIMEOUT = 180_000;
const isThirdParty = (r: Request) => !r.url().startsWith(base) && !r.url().startsWith("data:");

describe("tables, Xem thêm and the video facade in a browser", () => {
  it("keep the phone page, HTML and every photo it shows, under 50 KB", async () => {
    // As scripts/bench.ts measures it: gzip HTML plus each photo's src variant in AVIF.
    const section = await (await fetch(`${base}/giao-duc-the-thao`)).text();
    const path = /href="(\/giao-duc-the-thao\/[a-z0-9-]*ghe-ngo[a-z0-9-]*-\d+\.html)"/.exec(section)![1]!;
    const page = await (await fetch(base + path)).text();
    expect([...page.matchAll(/<img src="/g)].length).toBeGreaterThanOrEqual(3); // hero, video thumbnail, figure
    expect((await phoneWeight(base, page)).total).toBeLessThanOrEqual(PHONE_PAGE_BUDGET);
  });

  for (const variant of READER_VARIANTS) {
    it(
      `work on the demo article (${variantLabel(variant)})`,
      async () => {
        const context = await readerContext(browser(), variant);
        // The video's own site is never reached from a test: answer for it.
        await context.route(/youtube|facebook/, (route) =>
          route.fulfill({ status: 200, contentType: "text/html", body: "<title>video</title>" }),
        );
        const page = await context.newPage();
        const thirdParty: string[] = [];
        page.on("request", (r) => {
          if (isThirdParty(r)) thirdParty.push(r.url());
        });
        await page.goto(`${base}/giao-duc-the-thao`);
        const path = await page.locator('.teaser h3 a[href*="ghe-ngo"]').first().getAttribute("href");
        await page.goto(base + path!);
        await page.locator(".video img").scrollIntoViewIfNeeded();

        // The table: column headers, a caption, scrolls in its box; the page itself never wider than the screen.
        expect(await page.locator(".body table th[scope=col]").count()).toBeGreaterThanOrEqual(3);
        expect(await page.locator(".body table caption").textContent()).toContain("Kết quả chung kết");
        const widths = await page.evaluate(() => ({
          page: document.documentElement.scrollWidth,
          screen: window.innerWidth,
        }));
        expect(widths.page).toBeLessThanOrEqual(widths.screen);
        expect(await page.locator(".body .see-also a").textContent()).toContain("Ok Om Bok");

        // Nothing from the providers before the tap; the thumbnail is ours.
        expect(thirdParty).toEqual([]);
        expect(await page.locator(".video img").getAttribute("src")).toMatch(/^\/media\/demo\//);
        const cspErrors: string[] = [];
        page.on("console", (m) => {
          if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
        });
        const player = variant.javaScriptEnabled
          ? page.waitForRequest(/^https:\/\/www\.youtube-nocookie\.com\/embed\//)
          : null;
        await page.locator(".video a").click();
        if (variant.javaScriptEnabled) {
          const frame = page.locator(".video iframe");
          await frame.waitFor();
          // The frame really loads: the policy lets exactly this player in.
          await player;
          expect(cspErrors).toEqual([]);
          expect(await frame.getAttribute("src")).toMatch(
            /^https:\/\/www\.youtube-nocookie\.com\/embed\/[\w-]{11}\?autoplay=1$/,
          );
          expect(await frame.getAttribute("title")).toContain("đua ghe ngo");
          expect(page.url()).toBe(base + path);
        } else {
          await page.waitForURL(/^https:\/\/www\.youtube\.com\/watch\?v=[\w-]{11}$/);
        }
        await context.close();

        // axe needs its own script, which only a context without the CSP can add.
        if (variant.javaScriptEnabled) {
          const axeContext = await readerContext(browser(), variant, { bypassCSP: true });
          const axePage = await axeContext.newPage();
          await axePage.goto(base + path);
          expect(await axeViolations(axePage)).toEqual([]);
          await axeContext.close();
        }
      },
      TIMEOUT,
    );
  }
});
