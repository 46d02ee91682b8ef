// What the importer's end-to-end test reads back from an imported local
// state: row counts (D1 and R2) and, through `wrangler dev`, every published
// post's old addresses and article page.
import { parse } from "node-html-parser";
import { expect } from "vitest";
import { withLocalPlatform } from "../../scripts/local-platform";
import type { SeedManifest } from "../../scripts/wordpress/site";

export interface Counts {
  articles: number;
  published: number;
  byStatus: Record<string, number>;
  images: number;
  objects: number;
  redirects: number;
  authors: number;
  tags: number;
  scripts: number;
}

export function countRows(dir: string): Promise<Counts> {
  return withLocalPlatform(async (env) => {
    const n = async (q: string) => (await env.DB.prepare(q).first<number>("n")) ?? 0;
    const statuses = await env.DB.prepare("select status, count(*) as n from articles group by status").all<{
      status: string;
      n: number;
    }>();
    let objects = 0;
    let cursor: string | undefined;
    do {
      const list = await env.MEDIA.list({ cursor });
      objects += list.objects.length;
      cursor = list.truncated ? list.cursor : undefined;
    } while (cursor);
    return {
      articles: await n("select count(*) as n from articles"),
      published: await n("select count(*) as n from articles where status = 'published'"),
      byStatus: Object.fromEntries(statuses.results.map((r) => [r.status, r.n])),
      images: await n("select count(*) as n from images"),
      objects,
      redirects: await n("select count(*) as n from legacy_redirects"),
      authors: await n("select count(*) as n from authors"),
      tags: await n("select count(*) as n from tags"),
      scripts: await n(
        "select count(*) as n from articles where body like '%<script%' or body like '%document.write%' or body like '%<iframe%'",
      ),
    };
  }, dir);
}

export interface ArticlePage {
  path: string;
  headline: string;
  /** The article's paragraphs as text, in order. */
  text: string[];
}

/** Follows one old address: a 301 to a page that answers 200. Returns the page's path. */
async function follow(base: string, old: string): Promise<{ path: string; html: string }> {
  const res = await fetch(base + old, { redirect: "manual" });
  expect(res.status, old).toBe(301);
  const location = new URL(res.headers.get("location") ?? "", base);
  const page = await fetch(new URL(location.pathname + location.search, base), { redirect: "manual" });
  expect(page.status, `${old} -> ${location.pathname}`).toBe(200);
  return { path: location.pathname, html: await page.text() };
}

const squash = (s: string) => s.replace(/\s+/g, " ").trim();

/** Checks every published post's old addresses and article page; returns the pages by WordPress ID. */
export async function checkSite(base: string, manifest: SeedManifest): Promise<Map<number, ArticlePage>> {
  const pages = new Map<number, ArticlePage>();
  for (const post of manifest.posts.filter((p) => p.status === "publish")) {
    const { path, html } = await follow(base, new URL(post.link).pathname);
    expect((await follow(base, `/?p=${post.id}`)).path, `/?p=${post.id}`).toBe(path);
    const article = parse(html).querySelector("main article");
    expect(article, path).toBeTruthy();
    const inner = article!.outerHTML;
    // Nothing from the post bodies runs: no script, no style, no iframe.
    expect(inner, post.key).not.toMatch(/<script|<style|<iframe/i);
    expect(html, post.key).not.toContain("document.write");
    expect(html, post.key).not.toContain("window.tracker");
    if (post.key === "bong-da-tre") expect(inner).toContain("M7lc1UVf-VE");
    const text = squash(article!.textContent);
    // Captions with their credits ("(Ảnh: …)"), as written in WordPress.
    for (const photo of manifest.attachments.filter((a) => post.attachments.includes(a.id))) {
      if (photo.caption.includes("(Ảnh:"))
        expect(text, `${post.key}: ${photo.caption}`).toContain(squash(photo.caption));
    }
    pages.set(post.id, {
      path,
      headline: squash(article!.querySelector("h1")?.textContent ?? ""),
      text: article!
        .querySelectorAll("p")
        .map((p) => squash(p.textContent))
        .filter(Boolean),
    });
  }
  // Neither the draft nor the scheduled post is public: their /?p=ID leads
  // nowhere (the home page answers it, as for any unknown ID) and their
  // headline shows nowhere.
  for (const post of manifest.posts.filter((p) => p.status !== "publish")) {
    const res = await fetch(`${base}/?p=${post.id}`, { redirect: "manual" });
    expect(res.status, `${post.key} (${post.status})`).not.toBe(301);
    expect(await res.text(), post.key).not.toContain(post.title);
  }
  return pages;
}
