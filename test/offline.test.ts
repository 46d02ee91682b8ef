// Offline reading's server side: the web app manifest, the service worker's
// headers, the shells of "Bài đã lưu" and the offline page, and what every
// page carries for it. (The worker itself is tested in Chromium:
// test/browser/offline.test.ts.)
import { parse } from "node-html-parser";
import { beforeAll, describe, expect, it } from "vitest";
import assetRules from "../public/_headers?raw";
import { DEMO_ARTICLES } from "../scripts/demo/articles/index";
import { SERVICE_WORKER_URL } from "../src/offline/version";
import { ASSET_URLS } from "../src/site/asset-urls";
import { loadDemo } from "./setup/demo";
import { articleUrl } from "./setup/demo-urls";
import { get, getPage, text } from "./setup/http";

beforeAll(loadDemo);

interface Manifest {
  name: string;
  theme_color: string;
  lang: string;
  start_url: string;
  display: string;
  icons: { src: string; sizes: string; type: string }[];
  shortcuts: { url: string }[];
}

describe("the web app manifest", () => {
  it("names the paper as its pages do, in Vietnamese, with icons that exist, cached like a page", async () => {
    const res = await get("/manifest.webmanifest");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/manifest+json; charset=utf-8");
    const manifest = await res.json<Manifest>();
    const home = parse(await (await get("/")).text());
    expect(manifest.name).toBe(home.querySelector('meta[property="og:site_name"]')?.getAttribute("content"));
    expect(manifest.theme_color).toBe(home.querySelector('meta[name="theme-color"]')?.getAttribute("content"));
    expect(manifest).toMatchObject({ lang: "vi", start_url: "/", display: "standalone" });
    expect(manifest.icons.map((i) => i.sizes)).toEqual(["192x192", "512x512"]);
    for (const icon of manifest.icons) {
      const file = await get(icon.src);
      expect(file.status, icon.src).toBe(200);
      expect(file.headers.get("content-type"), icon.src).toBe(icon.type);
    }
    expect(manifest.shortcuts.map((s) => s.url)).toEqual(["/da-luu"]);
    expect(home.querySelector('link[rel="manifest"]')?.getAttribute("href")).toBe("/manifest.webmanifest");

    const again = await get("/manifest.webmanifest");
    expect(again.headers.get("x-cache")).toBe("HIT");
    expect(again.headers.get("cache-control")).toMatch(/^public, max-age=60/);
  });
});

describe("the service worker's file", () => {
  it("may control the whole site and fetch only from its own origin, from the Worker and the asset server alike", async () => {
    const path = ASSET_URLS["sw.js"];
    expect(SERVICE_WORKER_URL).toMatch(new RegExp(`^${path.replace(/\./g, "\\.")}\\?v=[0-9a-f]{8}$`));
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get("service-worker-allowed")).toBe("/");
    const csp = res.headers.get("content-security-policy");
    expect(csp).toBe("default-src 'none'; connect-src 'self'; frame-ancestors 'none'");
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    // Other files keep the strict default.
    expect((await get(ASSET_URLS["offline.js"])).headers.get("service-worker-allowed")).toBeNull();

    // In production the asset server answers first: public/_headers must say the same.
    const block = assetRules.split(/\n(?=\S)/).find((b) => b.startsWith("/_/sw.*"));
    const lines =
      block
        ?.split("\n")
        .slice(1)
        .map((l) => l.trim())
        .filter(Boolean) ?? [];
    expect(lines).toEqual([
      "! Content-Security-Policy",
      `Content-Security-Policy: ${csp}`,
      "Service-Worker-Allowed: /",
    ]);
  });
});

describe("the saved-articles and offline pages", () => {
  for (const [path, title] of [
    ["/da-luu", "Bài đã lưu"],
    ["/ngoai-tuyen", "Không có kết nối mạng"],
  ] as const) {
    it(`${path} is a Vietnamese shell that says, without JavaScript, what the feature needs`, async () => {
      const { res, doc } = await getPage(path);
      expect(res.status).toBe(200);
      expect(text(doc.querySelector("h1"))).toBe(title);
      expect(doc.querySelector('meta[name="robots"]')?.getAttribute("content")).toBe("noindex");
      const need = doc.querySelector("[data-offline-need]");
      expect(need?.hasAttribute("hidden")).toBe(false);
      expect(text(need)).toMatch(/^Tính năng đọc khi không có mạng cần trình duyệt bật JavaScript/);
      // The list is the browser's to fill.
      expect(doc.querySelector("[data-offline-list]")?.hasAttribute("hidden")).toBe(true);
      expect(res.headers.get("cache-control")).toMatch(/^public/);
    });
  }
});

describe("an article", () => {
  it("carries a hidden save button and the script that shows it, loaded after the page, in both editions", async () => {
    const path = await articleUrl(DEMO_ARTICLES[0]!.headline);
    for (const url of [path, `/lite${path}`]) {
      const { doc } = await getPage(url);
      const button = doc.querySelector("article button[data-save]");
      expect(button?.hasAttribute("hidden"), url).toBe(true);
      expect(text(button), url).toBe("Lưu để đọc sau");
      // Named to the inline loader (src/site/script-loader.ts), which adds it once the page has loaded.
      const script = doc.querySelector(`script[data-src="${ASSET_URLS["offline.js"]}"]`);
      expect(script?.hasAttribute("src"), url).toBe(false);
      expect(script?.getAttribute("data-sw"), url).toBe(SERVICE_WORKER_URL);
      expect(doc.querySelector("footer [data-offline]")?.hasAttribute("hidden"), url).toBe(true);
    }
  });
});
