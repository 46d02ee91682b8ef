// An article's hero photo in a real Chromium: asked for from the head by its
// preload, in the width the screen needs, once (the preload and the <img>
// agree, or a phone would pay for two copies), and before any other photo
// or script. On Lighthouse's phone (412 px at 1.75), the browser tests'
// phone and a desktop.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DESKTOP, launch, PHONE } from "./chromium";

const base = inject("baseUrl");
let browser: Browser;
let article: string;

beforeAll(async () => {
  browser = await launch();
  const home = await (await fetch(`${base}/`)).text();
  article = /<article class="top-story">[\s\S]*?href="(\/[a-z0-9-]+\/[a-z0-9-]+-\d+\.html)"/.exec(home)![1]!;
});
afterAll(async () => {
  await browser?.close();
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
      const context = await browser.newContext(screen.options);
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
