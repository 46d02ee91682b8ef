// Sitemaps (sitemaps.org 0.9) and the Google News sitemap.

import type { NewsLocation } from "../model/syndication";
import { articlePath } from "../site/urls";
import { toVietnamIso } from "../vi/dates";
import { XML_DECLARATION, xmlText } from "./xml";

const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
const NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";

export interface SitemapUrl {
  /** Absolute URL. */
  loc: string;
  lastmod: Date | null;
}

const lastmodOf = (date: Date | null) => (date ? `<lastmod>${toVietnamIso(date)}</lastmod>` : "");

export function renderSitemapIndex(sitemaps: SitemapUrl[]): string {
  const entries = sitemaps.map((s) => `<sitemap><loc>${xmlText(s.loc)}</loc>${lastmodOf(s.lastmod)}</sitemap>`);
  return `${XML_DECLARATION}<sitemapindex xmlns="${SITEMAP_NS}">\n${entries.join("\n")}\n</sitemapindex>\n`;
}

export function renderUrlset(urls: SitemapUrl[]): string {
  const entries = urls.map((u) => `<url><loc>${xmlText(u.loc)}</loc>${lastmodOf(u.lastmod)}</url>`);
  return `${XML_DECLARATION}<urlset xmlns="${SITEMAP_NS}">\n${entries.join("\n")}\n</urlset>\n`;
}

export interface NewsPublication {
  name: string;
  /** ISO 639 code: "vi". */
  language: string;
}

export function renderNewsSitemap(siteUrl: string, publication: NewsPublication, items: NewsLocation[]): string {
  const entries = items.map((item) =>
    [
      "<url>",
      `<loc>${xmlText(siteUrl + articlePath(item))}</loc>`,
      "<news:news>",
      `<news:publication><news:name>${xmlText(publication.name)}</news:name><news:language>${publication.language}</news:language></news:publication>`,
      `<news:publication_date>${toVietnamIso(item.publishedAt)}</news:publication_date>`,
      `<news:title>${xmlText(item.title)}</news:title>`,
      "</news:news>",
      "</url>",
    ].join(""),
  );
  return `${XML_DECLARATION}<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">\n${entries.join("\n")}\n</urlset>\n`;
}
