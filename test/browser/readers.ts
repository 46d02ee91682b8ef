import { gzipSync } from "node:zlib";
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { DESKTOP, PHONE, SCREENSHOTS } from "./chromium";

export interface ReaderVariant {
  device: "phone" | "desktop";
  options: BrowserContextOptions;
  javaScriptEnabled: boolean;
}

export const READER_VARIANTS: ReaderVariant[] = [
  { device: "phone", options: PHONE, javaScriptEnabled: false },
  { device: "desktop", options: DESKTOP, javaScriptEnabled: false },
  { device: "phone", options: PHONE, javaScriptEnabled: true },
  { device: "desktop", options: DESKTOP, javaScriptEnabled: true },
];

export const variantLabel = (v: ReaderVariant) => `${v.device}, JavaScript ${v.javaScriptEnabled ? "on" : "off"}`;

// Comment and vote limits count per client IP (CF-Connecting-IP, which
// wrangler dev passes through as the edge would set it). Each reader gets an
// address of their own, unique to this run, so tests neither trip each
// other's limits nor a rerun's against a reused site (BROWSER_TEST_URL);
// comment texts carry RUN too, as a repeated text is refused.
export const RUN = Math.floor(Math.random() * 0xffff).toString(16);
let readers = 0;

export async function readerContext(
  browser: Browser,
  variant: Pick<ReaderVariant, "options" | "javaScriptEnabled">,
  extra: BrowserContextOptions = {},
): Promise<BrowserContext> {
  readers += 1;
  const context = await browser.newContext({
    ...variant.options,
    javaScriptEnabled: variant.javaScriptEnabled,
    extraHTTPHeaders: { "cf-connecting-ip": `2001:db8::${RUN}:${readers.toString(16)}` },
    ...extra,
  });
  // wrangler dev on a busy 2-CPU machine can take many seconds for one page.
  context.setDefaultTimeout(60_000);
  return context;
}

/** screenshots/{kind}-{device}[-nojs].png, the whole page unless `fullPage` is false. */
export function screenshot(
  page: Page,
  kind: string,
  variant: Pick<ReaderVariant, "device" | "javaScriptEnabled">,
  fullPage = true,
): Promise<Buffer> {
  return page.screenshot({
    path: `${SCREENSHOTS}/${kind}-${variant.device}${variant.javaScriptEnabled ? "" : "-nojs"}.png`,
    fullPage,
  });
}

/** The reader budgets (docs/performance.md, "Budgets"): the HTML with its CSS in one round trip, the phone page under 50 KB. */
export const HTML_BUDGET = 14 * 1024;
export const PHONE_PAGE_BUDGET = 50 * 1024;

/**
 * What a phone downloads for a page, as scripts/bench.ts measures it: the
 * HTML gzipped, and each photo's `src` variant as a browser that takes AVIF
 * gets it.
 */
export async function phoneWeight(
  base: string,
  html: string,
): Promise<{ html: number; photos: number; total: number }> {
  const htmlBytes = gzipSync(Buffer.from(html), { level: 9 }).length;
  let photos = 0;
  for (const [, src] of html.matchAll(/<img src="([^"]+)"/g)) {
    const res = await fetch(base + src!.replace(/&amp;/g, "&"), { headers: { accept: "image/avif,image/webp,*/*" } });
    photos += (await res.arrayBuffer()).byteLength;
  }
  return { html: htmlBytes, photos, total: htmlBytes + photos };
}
