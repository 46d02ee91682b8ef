// An article's hero photo in a real Chromium: asked for from the head by its
// preload, in the width the screen needs, once (the preload and the <img>
// agree, or a phone would pay for two copies), and before any other photo
// or script. On Lighthouse's phone (412 px at 1.75), the browser tests'
// phone and a desktop. And no script on its way: the page's own scripts are
// asked for only once the page, hero included, has loaded.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { DESKTOP, PHONE, useChromium } from "./chromium";

const base = inject("baseUrl");
let article: string;

const browser = useChromium();
beforeAll(async () => {
  const home = await (await fetch(`${base}/`)).text();
  article = /<article class="top-story">[\s\S]*?href="(\/[a-z0-9-]+\/[a-z0-9-]+-\d+\.html)"/.exec(home)![1]!;
});

const SCREENS = [
  {
    name: "Lighthouse's phone, 412 px at 1.75",
    options: { ...PHONE, viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75 },
    width: 720,
  },
  { name: "a 360 px phone at 2", options: PHONE, width: 720 },
  { name: "a desktop", options: DESKTOP, width: 720 },
];

describe("the hero photo comes first, once, in the width the screen needs", () => {
  for (const screen of SCREENS) {
    it(screen.name, async () => {
      const context = await browser().newContext(screen.options);
      try {
        const page = await context.newPage();
        const requested: string[] = [];
        page.on("request", (r) => {
          if (/\/(media|_)\//.test(new URL(r.url()).pathname))
            requested.push(new URL(r.url()).pathname + new URL(r.url()).search);
        });
        await page.goto(base + article, { waitUntil: "load" });
        const hero = page.locator("article.article > figure img");
        const heroPath = new URL(await hero.evaluate((img: HTMLImageElement) => img.currentSrc)).pathname;
        const heroRequests = requested.filter((u) => u.startsWith(heroPath));

        expect(heroRequests).toEqual([`${heroPath}?w=${screen.width}`]);
        // Ahead of the deferred scripts and of every other photo on the page.
        expect(requested[0]).toBe(heroRequests[0]);
        // The width the <img> itself settled on is the one the preload fetched.
        expect(await hero.evaluate((img: HTMLImageElement) => img.complete && img.currentSrc)).toBe(
          `${base}${heroRequests[0]}`,
        );
      } finally {
        await context.close();
      }
    });
  }
});

describe("the page's scripts wait for the hero", () => {
  it("asks for offline reading's script only after the hero has loaded, then runs it", async () => {
    const context = await browser().newContext({
      ...PHONE,
      viewport: { width: 412, height: 823 },
      deviceScaleFactor: 1.75,
    });
    try {
      const page = await context.newPage();
      const blocked: string[] = [];
      page.on("console", (m) => {
        if (/Content Security Policy/i.test(m.text())) blocked.push(m.text());
      });
      const events: string[] = [];
      page.on("request", (r) => {
        const path = new URL(r.url()).pathname;
        if (path.startsWith("/_/offline.")) events.push("offline.js asked");
      });
      // Hold the hero (and any other photo): the page cannot finish loading meanwhile.
      let release!: () => void;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      await page.route(/\/media\//, async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(base + article, { waitUntil: "domcontentloaded" });
      await page.waitForTimeout(1_000);
      expect(await page.evaluate(() => document.readyState)).not.toBe("complete");
      // With a deferred script it would have been asked for and run by now.
      expect(events).toEqual([]);
      events.push("photos released");
      release();
      await page.waitForLoadState("load");
      // It runs, as the CSP allows its loader: "Lưu để đọc sau" appears.
      await page.locator("article button[data-save]").waitFor({ state: "visible", timeout: 10_000 });
      expect(events).toEqual(["photos released", "offline.js asked"]);
      expect(blocked).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
