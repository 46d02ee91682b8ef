import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { type Browser, type BrowserContextOptions, chromium } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const SCREENSHOTS = "screenshots";

export const PHONE: BrowserContextOptions = {
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: "vi-VN",
};
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 }, locale: "vi-VN" };

/** Debian's Chromium, headless; never a downloaded browser. */
export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  await mkdir(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-quic",
      "--no-first-run",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * Debian's Chromium for the tests of the calling file: launched before them
 * and closed after; `"test"` gives each test a browser of its own (for work
 * a test leaves in flight, such as service workers). Call at the top level.
 */
export function useChromium(each: "file" | "test" = "file"): () => Browser {
  let browser: Browser | undefined;
  const [before, after] = each === "file" ? [beforeAll, afterAll] : [beforeEach, afterEach];
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    browser = undefined;
  });
  return () => {
    if (!browser) throw new Error("Chromium is not running: call browser() inside a test");
    return browser;
  };
}
