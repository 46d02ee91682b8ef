// Reading with no signal: a reader on a phone opens and saves articles, then
// the network goes away (playwright's setOffline, which also cuts the service
// worker's own fetches). See docs/reader.md, "Offline reading".

import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { PHONE, useChromium } from "./chromium";
import { readerContext, screenshot } from "./readers";

const base = inject("baseUrl");
const editor = inject("editor");

// A browser of its own for each test: service workers registered, replaced and
// cut off from the network leave Chromium with work in flight when a test ends,
// and on a loaded CI machine it once crashed closing such a context, taking
// the rest of the file with it. Closing the whole browser ends that work too.
const browser = useChromium("test");

const OFFLINE_TITLE = "Không có kết nối mạng";

async function reader(javaScriptEnabled = true): Promise<{ context: BrowserContext; page: Page }> {
  const context = await readerContext(browser(), { options: PHONE, javaScriptEnabled });
  return { context, page: await context.newPage() };
}

/** The home page, until the service worker controls it (it claims the page once active). */
async function openWithWorker(page: Page): Promise<string[]> {
  await page.goto(`${base}/`);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });
  const hrefs = await page
    .locator("main a[href$='.html']")
    .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  return [...new Set(hrefs)];
}

/** Whether the worker has finished keeping a path (it writes after answering). */
function isKept(page: Page, path: string): Promise<boolean> {
  return page.evaluate(async (p) => {
    for (const name of await caches.keys()) {
      if (name.startsWith("offline-pages-") && (await (await caches.open(name)).match(p))) return true;
    }
    return false;
  }, path);
}

async function waitKept(page: Page, path: string): Promise<void> {
  await expect.poll(() => isKept(page, path), { timeout: 10_000, interval: 100 }).toBe(true);
}

/**
 * No network, and nothing in the browser's HTTP cache either (pages may be
 * kept there for 60 s): what still shows comes from the service worker.
 */
async function goOffline(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.clearBrowserCache");
  await cdp.detach();
  await context.setOffline(true);
}

/** Opens an article online and waits until it is kept for offline reading. */
async function read(page: Page, path: string): Promise<string> {
  await page.goto(`${base}${path}`);
  await waitKept(page, path);
  return (await page.locator("article h1").textContent())!;
}

/** Registers the same worker with other parameters (another deployment's version, a smaller cap) and waits for it to take over. */
async function reregister(page: Page, extra: Record<string, string>): Promise<void> {
  const current = await page.locator("script[data-sw]").first().getAttribute("data-sw");
  const url = new URL(current!, base);
  for (const [k, v] of Object.entries(extra)) url.searchParams.set(k, v);
  await page.evaluate(async (href) => {
    const reg = await navigator.serviceWorker.register(href, { scope: "/" });
    const worker = reg.installing ?? reg.waiting;
    if (worker)
      await new Promise<void>((resolve) =>
        worker.addEventListener("statechange", () => {
          if (worker.state === "activated") resolve();
        }),
      );
  }, url.pathname + url.search);
}

const keptBytes = (page: Page) =>
  page.evaluate(async () => {
    let total = 0;
    for (const name of await caches.keys()) {
      if (!name.startsWith("offline-pages-")) continue;
      const cache = await caches.open(name);
      for (const req of await cache.keys()) total += Number((await cache.match(req))?.headers.get("x-offline-size"));
    }
    return total;
  });

describe("offline reading", () => {
  it("reloads an article the reader opened, with its photos at the smallest size", async () => {
    const { context, page } = await reader();
    const [path] = await openWithWorker(page);
    const headline = await read(page, path!);

    await goOffline(context, page);
    await page.reload();
    await expect(page.locator("article h1").textContent()).resolves.toBe(headline);
    await expect(page.locator(".offline-note").textContent()).resolves.toBe(
      "Bạn đang không có mạng: đây là bản đã lưu trên máy.",
    );
    // The page asks for a larger variant; the kept 360 px photo stands in (not the grey panel for a missing one).
    const hero = page.locator("article figure img").first();
    const shown = await hero.evaluate(async (img: HTMLImageElement) => {
      await img.decode();
      const bitmap = await createImageBitmap(await (await fetch(img.currentSrc)).blob());
      return { src: new URL(img.currentSrc).search, width: bitmap.width };
    });
    expect(shown.src).not.toBe("?w=360");
    expect(shown.width).toBe(360);
    await screenshot(page, "offline-article", { device: "phone", javaScriptEnabled: true });
  });

  it("opens a saved article from the “Đã lưu” page, and forgets it when asked", async () => {
    const { context, page } = await reader();
    const [opened, saved] = await openWithWorker(page);
    await read(page, opened!);
    await page.goto(`${base}${saved}`);
    const headline = await page.locator("article h1").textContent();
    const button = page.locator("button[data-save]");
    await expect(button.textContent()).resolves.toBe("Lưu để đọc sau");
    await button.click();
    await expect.poll(() => button.textContent()).toBe("Đã lưu (bỏ lưu)");

    await goOffline(context, page);
    await page.goto(`${base}/da-luu`);
    await expect(page.locator("h1").textContent()).resolves.toBe("Bài đã lưu");
    const links = page.locator("[data-offline-list] li a");
    await expect.poll(() => links.allTextContents()).toEqual([headline]);
    await expect(page.locator("[data-offline-need]").isVisible()).resolves.toBe(false);
    await screenshot(page, "offline-saved", { device: "phone", javaScriptEnabled: true });
    await Promise.all([page.waitForURL(`${base}${saved}`), links.first().click()]);
    await expect(page.locator("article h1").textContent()).resolves.toBe(headline);

    await page.goto(`${base}/da-luu`);
    await page.locator("[data-offline-list] li button").click();
    await expect.poll(() => page.locator("[data-offline-empty]").isVisible()).toBe(true);
    await expect(links.count()).resolves.toBe(0);
  });

  it("shows the offline page, listing what can be read, for a page it does not have", async () => {
    const { context, page } = await reader();
    const [path] = await openWithWorker(page);
    const headline = await read(page, path!);

    await goOffline(context, page);
    await page.goto(`${base}/chu-de/mot-chu-de-chua-mo`);
    await expect(page.locator("h1").textContent()).resolves.toBe(OFFLINE_TITLE);
    await expect.poll(() => page.locator("[data-offline-list] li a").allTextContents()).toEqual([headline]);
    await screenshot(page, "offline-page", { device: "phone", javaScriptEnabled: true });
  });

  it("keeps under its size cap by dropping the article opened longest ago", async () => {
    const { context, page } = await reader();
    const [first, second, third, fourth] = await openWithWorker(page);
    for (const path of [first, second, third]) await read(page, path!);
    const cap = Math.floor((await keptBytes(page)) * 0.75);
    await reregister(page, { cap: String(cap) });

    await read(page, fourth!);
    await expect.poll(() => isKept(page, first!)).toBe(false);
    expect(await keptBytes(page)).toBeLessThanOrEqual(cap);

    await goOffline(context, page);
    await page.goto(`${base}${first}`);
    await expect(page.locator("h1").textContent()).resolves.toBe(OFFLINE_TITLE);
    await page.goto(`${base}${fourth}`);
    await expect(page.locator("article h1").count()).resolves.toBe(1);
  });

  it("moves to a new deployment's caches, deleting the old ones but keeping the reader's articles", async () => {
    const { context, page } = await reader();
    const [path] = await openWithWorker(page);
    const headline = await read(page, path!);
    const names = () => page.evaluate(async () => (await caches.keys()).sort());
    const before = await names();
    expect(before).toHaveLength(2);

    await reregister(page, { v: "ban-moi" });
    expect(await names()).toEqual(["offline-pages-ban-moi", "offline-shell-ban-moi"]);
    await goOffline(context, page);
    await page.reload();
    await expect(page.locator("article h1").textContent()).resolves.toBe(headline);
  });

  it("keeps nothing of an editor's: pages answered private, no-store, and never the newsroom", async () => {
    const { page } = await reader();
    const [path] = await openWithWorker(page);
    await page.goto(`${base}/admin`);
    await page.fill("#email", editor.email);
    await page.fill("#password", editor.password);
    await Promise.all([page.waitForURL(/\/admin\/bai-viet$/), page.click("main form button[type=submit]")]);

    await page.goto(`${base}${path}`);
    await expect(page.locator("article h1").count()).resolves.toBe(1);
    // Give the worker the time it takes to keep a page, then check it did not.
    await page.waitForTimeout(1500);
    const kept = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys())
        for (const req of await (await caches.open(name)).keys()) urls.push(new URL(req.url).pathname);
      return urls;
    });
    expect(kept).not.toContain(path);
    expect(kept.filter((u) => u.startsWith("/admin"))).toEqual([]);
  });

  it("starts the worker only once the page has loaded, so a first visit's photos and layout come first", async () => {
    const { page } = await reader();
    // Hold the photos: the page cannot finish loading until they are let through.
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(/\/media\/.*w=(360|720|1080)/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${base}/`, { waitUntil: "domcontentloaded" });
    await page.waitForTimeout(1_000);
    expect(await page.evaluate(() => document.readyState)).not.toBe("complete");
    expect(await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration("/")))).toBe(false);
    release();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });
  });

  it("shows no offline controls without JavaScript, and says what the feature needs", async () => {
    const { page } = await reader(false);
    await page.goto(`${base}/`);
    const path = await page.locator("main a[href$='.html']").first().getAttribute("href");
    await page.goto(`${base}${path}`);
    await expect(page.locator("button[data-save]").isVisible()).resolves.toBe(false);
    await expect(page.locator("footer a[href='/da-luu']").isVisible()).resolves.toBe(false);
    await page.goto(`${base}/da-luu`);
    await expect(page.locator("[data-offline-need]").textContent()).resolves.toMatch(
      /^Tính năng đọc khi không có mạng cần trình duyệt bật JavaScript/,
    );
    await expect(page.locator("[data-offline-list]").isVisible()).resolves.toBe(false);
  });
});
