// What the importer's end-to-end test reads back from an imported local
// state: row counts (D1 and R2) and, through `wrangler dev`, every published
// post's old addresses and article page.
import { HTMLElement, parse } from "node-html-parser";
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

/** What a reader sees of one imported article, compared between the two imports and with WordPress. */
export interface ArticlePage {
  path: string;
  title: string;
  section: string;
  lead: string;
  /** `<time datetime>` of the dateline: the published instant in Vietnam time. */
  published: string;
  byline: string;
  tags: string[];
  /** The body in order: "p: …", "h: …", "list: a | b", "quote: …", "figure: caption Ảnh: credit", "video". */
  blocks: string[];
  /** The featured photo's caption and credit, "" when it has none. */
  hero: string | null;
  /** Comments as "name: text", replies as "  name: text" (only on the first post). */
  comments: string[];
}

/** Follows one old address: a 301 to a page that answers 200. Returns the page's path. */
export async function follow(base: string, old: string): Promise<{ path: string; html: string }> {
  const res = await fetch(base + old, { redirect: "manual" });
  expect(res.status, old).toBe(301);
  const location = new URL(res.headers.get("location") ?? "", base);
  const page = await fetch(new URL(location.pathname + location.search, base), { redirect: "manual" });
  expect(page.status, `${old} -> ${location.pathname}`).toBe(200);
  return { path: location.pathname, html: await page.text() };
}

export const squash = (s: string) => s.replace(/\s+/g, " ").trim();
const textOf = (el: HTMLElement | null | undefined) => squash(el?.textContent ?? "");

/** The reading blocks of an element's children, as ArticlePage.blocks. */
export function readingBlocks(container: HTMLElement): string[] {
  const out: string[] = [];
  for (const el of container.childNodes) {
    if (!(el instanceof HTMLElement)) {
      if (squash(el.textContent)) out.push(`p: ${squash(el.textContent)}`);
      continue;
    }
    for (const gone of el.querySelectorAll("script, style")) gone.remove();
    const tag = el.tagName.toLowerCase();
    if (tag === "script" || tag === "style") continue;
    const photoOnly = tag === "p" && !textOf(el) && el.querySelector("img");
    if (/^h[1-6]$/.test(tag)) out.push(`h: ${textOf(el)}`);
    else if (tag === "ul" || tag === "ol") out.push(`list: ${el.querySelectorAll("li").map(textOf).join(" | ")}`);
    else if (tag === "blockquote") out.push(`quote: ${textOf(el)}`);
    // A gallery (a figure or div of figures) counts as its photos, then its own caption;
    // a <p> around a figure (WordPress leaves some: browsers close the <p>) as the figure.
    else if (el.querySelector("figure") && (tag === "figure" || tag === "div" || tag === "p")) {
      out.push(...readingBlocks(el.querySelector(".gallery") ?? el).filter((b) => b.startsWith("figure: ")));
      const own = el.childNodes.find((n) => n instanceof HTMLElement && n.tagName === "FIGCAPTION");
      // Its own caption belongs to no one photo: the import makes it a paragraph after them.
      if (own) out.push(`p: ${textOf(own as HTMLElement)}`);
    } else if (tag === "figure") out.push(`figure: ${textOf(el.querySelector("figcaption"))}`);
    else if (tag === "p" && el.classList.contains("meta")) out.push(`figure: ${textOf(el)}`);
    else if (photoOnly) out.push("figure: ");
    else if (tag === "iframe" || el.classList.contains("video") || el.querySelector("iframe")) out.push("video");
    else if (tag === "p" && textOf(el)) out.push(`p: ${textOf(el)}`);
    else if (tag !== "p" && textOf(el)) out.push(`${tag}: ${textOf(el)}`);
  }
  return out;
}

/** The article page's parts. */
export function readArticlePage(path: string, html: string): ArticlePage {
  const root = parse(html);
  const article = root.querySelector("main article");
  expect(article, path).toBeTruthy();
  const a = article!;
  const comments: string[] = [];
  for (const c of root.querySelectorAll("#binh-luan article.comment")) {
    const name = textOf(c.querySelector(".comment-meta strong"));
    const body = c.querySelectorAll(":scope > p")[1];
    const depth = c.parentNode?.parentNode?.classList?.contains("replies") ? "  " : "";
    // Line breaks (<br>) are spaces here, as in the manifest's squashed text.
    comments.push(
      `${depth}${name}: ${squash(parse((body?.innerHTML ?? "").replace(/<br\s*\/?>/gi, " ")).textContent)}`,
    );
  }
  const heroFigure = a.querySelector(":scope > figure");
  return {
    path,
    title: textOf(a.querySelector("h1")),
    section: textOf(a.querySelector(".section-label a")),
    lead: textOf(a.querySelector("p.lead")),
    published: a.querySelector(".dateline time")?.getAttribute("datetime") ?? "",
    byline: textOf(a.querySelector(".byline a")),
    tags: a.querySelectorAll("ul.tags a").map((t) => textOf(t).replace(/^#/, "")),
    blocks: readingBlocks(a.querySelector(".body")!),
    hero: heroFigure ? textOf(heroFigure.querySelector("figcaption")) : null,
    comments,
  };
}

export interface OldAddresses {
  /** WordPress's resized copies of each attachment ("-300x200.jpg"), from its REST API. */
  resized: Map<number, string[]>;
}

/**
 * Checks every old address of the imported site: each published post's
 * /YYYY/MM/DD/slug/, /?p=ID and /slug/, each category's, tag's and author's
 * archive (pretty and query form), each photo's original and resized URLs;
 * all answer 301 to a page that answers 200. Unpublished posts' and unknown
 * IDs' /?p= are 404s. Returns the article pages by WordPress ID.
 */
export async function checkSite(
  base: string,
  manifest: SeedManifest,
  old: OldAddresses,
): Promise<Map<number, ArticlePage>> {
  const pages = new Map<number, ArticlePage>();
  for (const post of manifest.posts.filter((p) => p.status === "publish")) {
    const { path, html } = await follow(base, new URL(post.link).pathname);
    expect((await follow(base, `/?p=${post.id}`)).path, `/?p=${post.id}`).toBe(path);
    expect((await follow(base, `/${post.slug}/`)).path, `/${post.slug}/`).toBe(path);
    const inner = parse(html).querySelector("main article")?.outerHTML ?? "";
    // Nothing from the post bodies runs: no script, no style, no iframe.
    expect(inner, post.key).not.toMatch(/<script|<style|<iframe/i);
    expect(html, post.key).not.toContain("document.write");
    expect(html, post.key).not.toContain("window.tracker");
    if (post.key === "bong-da-tre") expect(inner).toContain("M7lc1UVf-VE");
    const text = squash(parse(inner).textContent);
    // Captions with their credits ("(Ảnh: …)"), as written in WordPress.
    for (const photo of manifest.attachments.filter((a) => post.attachments.includes(a.id))) {
      if (photo.caption.includes("(Ảnh:"))
        expect(text, `${post.key}: ${photo.caption}`).toContain(squash(photo.caption));
    }
    pages.set(post.id, readArticlePage(path, html));
  }
  for (const c of manifest.categories) {
    const { path } = await follow(base, `/category/${c.slug}/`);
    expect((await follow(base, `/?cat=${c.id}`)).path, `/?cat=${c.id}`).toBe(path);
  }
  const writers = new Set(manifest.posts.filter((p) => p.status === "publish").map((p) => p.author));
  for (const a of manifest.authors.filter((a) => writers.has(a.login))) {
    const { path, html } = await follow(base, `/author/${a.login}/`);
    expect(html, path).toContain(a.display_name);
    expect((await follow(base, `/?author=${a.id}`)).path, `/?author=${a.id}`).toBe(path);
  }
  const used = new Set(manifest.posts.filter((p) => p.status === "publish").flatMap((p) => p.tags));
  for (const t of manifest.tags.filter((t) => used.has(t.name))) {
    const { path, html } = await follow(base, `/tag/${t.slug}/`);
    expect(html, path).toContain(t.name);
    expect((await follow(base, `/?tag=${t.slug}`)).path, `/?tag=${t.slug}`).toBe(path);
  }
  for (const photo of manifest.attachments) {
    const original = new URL(photo.url).pathname;
    const { path } = await follow(base, original);
    expect(path, original).toMatch(/^\/media\//);
    const resized = old.resized.get(photo.id) ?? [];
    expect(resized.length, `${original}: resized copies`).toBeGreaterThan(0);
    // The same photo: the same 301 as the original (already followed to its 200).
    for (const copy of resized) {
      const res = await fetch(base + copy, { redirect: "manual" });
      expect(res.status, copy).toBe(301);
      expect(new URL(res.headers.get("location") ?? "", base).pathname, copy).toBe(path);
    }
  }
  // Neither the draft nor the scheduled post is public: their /?p=ID is our
  // 404 (as is an ID that never existed), and their headline shows nowhere.
  const unknown = Math.max(...manifest.posts.map((p) => p.id)) + 1000;
  for (const post of [...manifest.posts.filter((p) => p.status !== "publish"), { id: unknown, key: "?", title: "" }]) {
    const res = await fetch(`${base}/?p=${post.id}`, { redirect: "manual" });
    expect(res.status, `/?p=${post.id} (${post.key})`).toBe(404);
    const body = await res.text();
    expect(body, post.key).toContain("Không tìm thấy trang");
    if (post.title) expect(body, post.key).not.toContain(post.title);
  }
  return pages;
}
