import { describe, expect, inject, it } from "vitest";
import { DESKTOP, PHONE, SCREENSHOTS, useChromium } from "./chromium";

const base = inject("baseUrl");

const browser = useChromium();

describe("the site's chrome without JavaScript", () => {
  it("keeps the phone header on one line and opens the menu with a tap", async () => {
    const context = await browser().newContext({ ...PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    const masthead = page.locator(".masthead");
    const box = (await masthead.boundingBox())!;
    // One line: logo, search and menu share a row no taller than the logo.
    expect(box.height).toBeLessThan(64);
    for (const part of [".logo", ".search-link", "details.menu summary"]) {
      const b = (await page.locator(part).boundingBox())!;
      expect(b.y, part).toBeGreaterThanOrEqual(box.y - 1);
      expect(b.y + b.height, part).toBeLessThanOrEqual(box.y + box.height + 1);
    }
    expect(await page.locator("details.menu nav").isVisible()).toBe(false);
    await page.locator("details.menu summary").click();
    expect(await page.locator("details.menu nav").isVisible()).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/menu-open-phone.png` });
    await Promise.all([
      page.waitForURL(/\/kinh-te$/),
      page.locator("details.menu nav a", { hasText: "Kinh tế" }).click(),
    ]);
    expect(await page.locator("h1").textContent()).toBe("Kinh tế");
    // The legal lines and static pages are in the footer.
    const footer = await page.locator(".site-footer").textContent();
    expect(footer).toContain("Tổng biên tập");
    expect(footer).toContain("Giấy phép số");
    await Promise.all([
      page.waitForURL(/\/gioi-thieu$/),
      page.locator(".footer-menu a", { hasText: "Giới thiệu" }).click(),
    ]);
    expect(await page.locator("h1").textContent()).toBe("Giới thiệu");
    await context.close();
  });

  it("shows the menu as a row on a desktop", async () => {
    const context = await browser().newContext({ ...DESKTOP, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    expect(await page.locator("details.menu").isVisible()).toBe(false);
    expect(await page.locator(".nav a", { hasText: "Kinh tế" }).isVisible()).toBe(true);
    await context.close();
  });
});
