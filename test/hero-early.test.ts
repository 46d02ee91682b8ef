// The hero photo is an article's largest paint on a phone: the page asks for
// it from its first bytes (a preload in the head, before the scripts and the
// stylesheet), at high priority, in the width the <img> will pick, and never
// lazily. Pages without one, and the light edition, ask for no photo early.
// No script competes with it: the parser fetches none; an inline loader,
// allowed by its hash, adds the page's scripts once it has loaded.
import { env } from "cloudflare:test";
import { type HTMLElement, parse } from "node-html-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { createArticle } from "../src/db/article-writes";
import { openDatabase } from "../src/db/client";
import { insertImage } from "../src/db/images";
import { ASSET_URLS } from "../src/site/asset-urls";
import { testPhotoBytes } from "./fixtures/photo";
import { loadDemo } from "./setup/demo";
import { get, getPage } from "./setup/http";
import { firstIds } from "./setup/newsroom";

beforeAll(loadDemo);

const db = () => openDatabase(env.DB);

/** A 1200 px original: the page offers it at 360, 720 and 1080 px. */
async function bigPhoto(alt: string): Promise<number> {
  const key = `test/${crypto.randomUUID()}.jpg`;
  const bytes = testPhotoBytes();
  await env.MEDIA.put(key, bytes, { httpMetadata: { contentType: "image/jpeg" } });
  return insertImage(db(), {
    r2Key: key,
    width: 1200,
    height: 675,
    mime: "image/jpeg",
    bytes: bytes.byteLength,
    alt,
    caption: "Ghe ngo về đích",
    credit: "Thanh Tâm",
  });
}

async function publish(headline: string, heroImageId?: number): Promise<string> {
  const { sectionId, authorId, sectionSlug } = await firstIds();
  const photo = await bigPhoto("Ảnh giữa bài");
  const id = await createArticle(db(), {
    sectionId,
    authorId,
    headline,
    lead: "Đoạn mở đầu.",
    body: [
      { type: "paragraph", text: "Đoạn một." },
      { type: "figure", imageId: photo, caption: "Ảnh giữa bài", credit: "" },
      { type: "paragraph", text: "Đoạn hai." },
    ],
    status: "published",
    publishedAt: new Date(Date.now() - 60_000),
    heroImageId,
  });
  const res = await get(`/${sectionSlug}/x-${id}.html`, { redirect: "manual" });
  return new URL(res.headers.get("location")!, "http://localhost").pathname;
}

const imagePreloads = (doc: HTMLElement) => doc.querySelectorAll('link[rel="preload"][as="image"]');

describe("an article's hero photo is asked for early", () => {
  let path: string;
  beforeAll(async () => {
    path = await publish("Đua ghe ngo: ảnh lớn đầu bài", await bigPhoto("Các đội ghe ngo bứt tốc"));
  });

  it("preloads exactly the hero, before any script or style, with the img's own srcset and sizes", async () => {
    const { doc, html } = await getPage(path);
    const hero = doc.querySelector("article.article > figure img")!;
    expect(hero.getAttribute("alt")).toBe("Các đội ghe ngo bứt tốc");
    expect(hero.getAttribute("srcset")).toMatch(/\?w=360 360w, .+\?w=720 720w, .+\?w=1080 1080w$/);

    const preloads = imagePreloads(doc);
    expect(preloads).toHaveLength(1);
    const preload = preloads[0]!;
    // The browser picks the same candidate for both only if they describe it alike:
    // otherwise a phone downloads the photo twice.
    expect(preload.getAttribute("href")).toBe(hero.getAttribute("src"));
    expect(preload.getAttribute("imagesrcset")).toBe(hero.getAttribute("srcset"));
    expect(preload.getAttribute("imagesizes")).toBe(hero.getAttribute("sizes"));
    expect(preload.getAttribute("fetchpriority")).toBe("high");

    // In the head, ahead of what the browser would otherwise fetch or parse first.
    const at = html.indexOf('rel="preload"');
    expect(at).toBeGreaterThan(-1);
    expect(at).toBeLessThan(html.indexOf("<script"));
    expect(at).toBeLessThan(html.indexOf("<style"));
  });

  it("loads the hero eagerly at high priority; the photos further down stay lazy", async () => {
    const { doc } = await getPage(path);
    const [hero, ...rest] = doc.querySelectorAll("article.article figure img");
    expect(hero!.getAttribute("loading")).not.toBe("lazy");
    expect(hero!.getAttribute("fetchpriority")).toBe("high");
    expect(rest.length).toBeGreaterThan(0);
    for (const img of rest) {
      expect(img.getAttribute("loading")).toBe("lazy");
      expect(img.getAttribute("fetchpriority")).toBeUndefined();
    }
  });

  it("preloads no photo for an article without a hero, even with photos in its body", async () => {
    const { doc } = await getPage(await publish("Tin không có ảnh đầu bài"));
    expect(doc.querySelectorAll("article.article figure img").length).toBe(1);
    expect(imagePreloads(doc)).toHaveLength(0);
  });

  it("preloads no photo in the light edition, at /lite or for Save-Data", async () => {
    for (const [url, init] of [
      [`/lite${path}`, {}],
      [path, { headers: { "save-data": "on" } }],
    ] as const) {
      const html = await (await get(url, init)).text();
      expect(html, url).toContain("Bản đầy đủ");
      expect(html, url).not.toContain("<img");
      expect(html, url).not.toContain('rel="preload"');
    }
  });
});

/** A CSP hash source of a script's text: what a browser compares the inline script with. */
async function hashSource(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  return `'sha256-${btoa(String.fromCharCode(...digest))}'`;
}

describe("no script is on the hero's way", () => {
  it("the parser fetches no script; each of the page's own is named to an inline loader the CSP allows by its hash", async () => {
    const { sectionSlug } = await firstIds();
    const withVideo = await createArticle(db(), {
      ...(await firstIds()),
      headline: "Ghe ngo: xem lại cuộc đua",
      lead: "Đoạn mở đầu.",
      body: [{ type: "video", provider: "youtube", videoId: "dQw4w9WgXcQ", title: "Cuộc đua" }],
      status: "published",
      publishedAt: new Date(Date.now() - 60_000),
      heroImageId: await bigPhoto("Ghe ngo"),
    });
    const videoPath = new URL(
      (await get(`/${sectionSlug}/x-${withVideo}.html`, { redirect: "manual" })).headers.get("location")!,
      "http://localhost",
    ).pathname;
    for (const [url, files] of [
      [await publish("Tin có ảnh đầu bài, không video", await bigPhoto("Bến ghe")), [ASSET_URLS["offline.js"]]],
      [videoPath, [ASSET_URLS["offline.js"], ASSET_URLS["video.js"]]],
      ["/", [ASSET_URLS["offline.js"]]],
    ] as const) {
      const res = await get(url);
      const csp = res.headers.get("content-security-policy") ?? "";
      const scriptSrc = /(?:^|;)\s*script-src ([^;]*)/.exec(csp)?.[1]?.split(/\s+/) ?? [];
      const doc = parse(await res.text());
      expect(doc.querySelectorAll("script[src]"), url).toHaveLength(0);
      const loaders = doc.querySelectorAll("script").filter((s) => s.getAttribute("type") !== "application/ld+json");
      expect(
        loaders.map((s) => s.getAttribute("data-src")),
        url,
      ).toEqual(files);
      for (const loader of loaders) expect(scriptSrc, url).toContain(await hashSource(loader.innerHTML));
    }
  });
});
