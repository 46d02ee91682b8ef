// What a reader on a small phone sees first (issue 21, items 9 and 11): the
// paper's name whole in the masthead, and a poll option that wraps hanging
// under its own text, not under the radio button. 320 px is the narrowest
// phone still common; 360 px the most common Android width.
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { DEMO_ARTICLES } from "../../scripts/demo/articles/index";
import { DEMO_POLL_LONG_OPTION } from "../../scripts/demo/seed-content";
import { PHONE, SCREENSHOTS, useChromium } from "./chromium";

const base = inject("baseUrl");

const browser = useChromium();

const WIDTHS = [320, 360] as const;

async function phonePage(width: number): Promise<Page> {
  const context = await browser().newContext({
    ...PHONE,
    viewport: { width, height: 740 },
    javaScriptEnabled: false,
  });
  context.setDefaultTimeout(60_000);
  return context.newPage();
}

/** The first demo article's address, as the home page links it. */
async function articlePath(page: Page): Promise<string> {
  await page.goto(`${base}/`);
  const href = await page.locator("main a", { hasText: DEMO_ARTICLES[0]!.headline }).first().getAttribute("href");
  return new URL(href!, base).pathname;
}

describe("the masthead on a small phone", () => {
  for (const width of WIDTHS) {
    it(`shows the paper's name whole at ${width} px on home, section and article`, async () => {
      const page = await phonePage(width);
      const paths = ["/", "/kinh-te", await articlePath(page)];
      for (const path of paths) {
        await page.goto(`${base}${path}`);
        const logo = page.locator(".masthead .logo");
        const name = (await logo.textContent())!.trim();
        expect(name, path).toBe("Báo Đồng Bằng");
        const m = await logo.evaluate((el) => {
          const style = getComputedStyle(el);
          const range = document.createRange();
          range.selectNodeContents(el);
          const text = range.getBoundingClientRect();
          const box = el.getBoundingClientRect();
          return {
            scrollWidth: el.scrollWidth,
            clientWidth: el.clientWidth,
            textOverflow: style.textOverflow,
            overflow: style.overflowX,
            textLeft: text.left,
            textRight: text.right,
            boxLeft: box.left,
            boxRight: box.right,
            fontSize: Number.parseFloat(style.fontSize),
            viewport: document.documentElement.clientWidth,
            pageWidth: document.documentElement.scrollWidth,
          };
        });
        // Not clipped: nothing scrolls inside the link, no ellipsis, the text
        // within the link and the link within the screen.
        expect(m.scrollWidth, path).toBeLessThanOrEqual(m.clientWidth);
        expect(m.textOverflow === "ellipsis" && m.overflow !== "visible", path).toBe(false);
        expect(m.textLeft, path).toBeGreaterThanOrEqual(m.boxLeft - 0.5);
        expect(m.textRight, path).toBeLessThanOrEqual(m.boxRight + 0.5);
        expect(m.boxRight, path).toBeLessThanOrEqual(m.viewport);
        expect(m.pageWidth, path).toBeLessThanOrEqual(m.viewport);
        // Still a masthead: legible type, and the header not much taller than one line.
        expect(m.fontSize, path).toBeGreaterThanOrEqual(16);
        const header = (await page.locator(".masthead").boundingBox())!;
        expect(header.height, path).toBeLessThan(64);
        for (const part of [".search-link", "details.menu summary"])
          expect(await page.locator(part).isVisible(), `${path} ${part}`).toBe(true);
      }
      await page.screenshot({ path: `${SCREENSHOTS}/masthead-${width}.png`, clip: { x: 0, y: 0, width, height: 120 } });
      await page.context().close();
    }, 180_000);
  }
});

describe("a poll option that wraps", () => {
  for (const width of WIDTHS) {
    it(`hangs its second line under its text, not the radio button, at ${width} px`, async () => {
      const page = await phonePage(width);
      await page.goto(`${base}/`);
      const option = page.locator(".poll .poll-option", { hasText: DEMO_POLL_LONG_OPTION });
      await option.scrollIntoViewIfNeeded();
      const m = await option.evaluate((label) => {
        const radio = label.querySelector("input")!.getBoundingClientRect();
        const text = [...label.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim())!;
        const range = document.createRange();
        range.selectNodeContents(text);
        // One rectangle per line box of the text (whitespace-only pieces aside).
        const lines = [...range.getClientRects()].filter((r) => r.width > 4);
        return { radioLeft: radio.left, radioRight: radio.right, lineLefts: lines.map((r) => r.left) };
      });
      // The test needs a wrapped option: two lines at least.
      expect(m.lineLefts.length).toBeGreaterThanOrEqual(2);
      const [first, ...rest] = m.lineLefts as [number, ...number[]];
      expect(first).toBeGreaterThan(m.radioRight);
      for (const left of rest) {
        expect(left).toBeGreaterThan(m.radioRight);
        expect(Math.abs(left - first)).toBeLessThanOrEqual(1);
      }
      // The whole label still picks the option.
      await option.locator("text=bờ sông").click();
      expect(await option.locator("input").isChecked()).toBe(true);
      await option.screenshot({ path: `${SCREENSHOTS}/poll-option-${width}.png` });
      await page.context().close();
    }, 120_000);
  }
});
