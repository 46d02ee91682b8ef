// What a reader sees of the content, for comparing the site before a backup
// and after a restore: the <article> of an article page and the lists of
// article links on list pages. Whole pages legitimately differ (the comment
// form's signed token, weather, most-read), so they are not compared.
import { type HTMLElement, parse } from "node-html-parser";

const ARTICLE_PATH = /^\/[a-z0-9-]+\/[a-z0-9-]+-\d+\.html$/;

export interface PagePaths {
  section: string;
  tag: string;
  article: string;
  query: string;
}

export interface ListPage {
  status: number;
  links: string[];
}

export interface SiteContent {
  home: ListPage;
  section: ListPage;
  tag: ListPage;
  article: { status: number; html: string };
  search: ListPage;
}

async function page(url: string): Promise<{ status: number; main: HTMLElement }> {
  const res = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  const main = parse(await res.text()).querySelector("main");
  if (!main) throw new Error(`${url}: no <main> (status ${res.status})`);
  // "Đọc nhiều" counts views, which the fetches themselves add to.
  for (const el of main.querySelectorAll(".most-read")) el.remove();
  return { status: res.status, main };
}

/** Article links in reading order (a teaser's photo and headline link count once). */
export function articleLinks(main: HTMLElement): string[] {
  const links = main
    .querySelectorAll("a")
    .map((a) => a.getAttribute("href") ?? "")
    .filter((href) => ARTICLE_PATH.test(href));
  return links.filter((href, i) => href !== links[i - 1]);
}

async function listPage(url: string): Promise<ListPage> {
  const { status, main } = await page(url);
  return { status, links: articleLinks(main) };
}

export async function readSite(baseUrl: string, paths: PagePaths): Promise<SiteContent> {
  const article = await page(baseUrl + paths.article);
  return {
    home: await listPage(`${baseUrl}/`),
    section: await listPage(baseUrl + paths.section),
    tag: await listPage(baseUrl + paths.tag),
    article: { status: article.status, html: article.main.querySelector("article")?.outerHTML ?? "" },
    search: await listPage(`${baseUrl}/tim-kiem?q=${encodeURIComponent(paths.query)}`),
  };
}

/** Picks an article, its section and one of its tags from the home page. */
export async function choosePaths(baseUrl: string, query: string): Promise<PagePaths> {
  const [article] = (await listPage(`${baseUrl}/`)).links;
  if (!article) throw new Error("the home page lists no article");
  const { main } = await page(baseUrl + article);
  const tag = main
    .querySelectorAll("a")
    .map((a) => a.getAttribute("href") ?? "")
    .find((href) => href.startsWith("/chu-de/"));
  if (!tag) throw new Error(`${article} has no tag link`);
  return { article, section: `/${article.split("/")[1]}`, tag, query };
}
