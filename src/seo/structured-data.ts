// schema.org JSON-LD for search engines: plain objects, serialised by the
// view. Dates carry the +07:00 offset, URLs are absolute.

import { CARD_SIZE } from "../media/variants";
import type { ArticleFull } from "../model/article";
import type { SiteInfo } from "../model/site-info";
import { ASSET_URLS } from "../site/asset-urls";
import { articlePath, authorPath, mediaPath, sectionPath } from "../site/urls";
import { toVietnamIso } from "../vi/dates";

export type JsonLd = Record<string, unknown>;

/** The 1200x630 card of a stored photo, or the paper's default card. */
export function cardImageUrl(site: SiteInfo, key: string | null | undefined): string {
  return key
    ? `${site.url}${mediaPath(key)}?w=${CARD_SIZE.width}&h=${CARD_SIZE.height}`
    : site.url + ASSET_URLS["og-default.png"];
}

export function publisher(site: SiteInfo): JsonLd {
  return {
    "@type": "NewsMediaOrganization",
    name: site.name,
    url: `${site.url}/`,
    logo: site.logo
      ? { "@type": "ImageObject", url: site.url + site.logo.src, width: site.logo.width, height: site.logo.height }
      : { "@type": "ImageObject", url: site.url + ASSET_URLS["icon-512.png"], width: 512, height: 512 },
  };
}

export function newsArticle(site: SiteInfo, article: ArticleFull): JsonLd {
  const url = site.url + articlePath(article);
  const images = article.hero
    ? [cardImageUrl(site, article.hero.key), `${site.url}${mediaPath(article.hero.key)}`]
    : [cardImageUrl(site, null)];
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    url,
    headline: article.headline,
    description: article.lead,
    image: images,
    datePublished: toVietnamIso(article.publishedAt),
    dateModified: toVietnamIso(article.modifiedAt),
    author: [{ "@type": "Person", name: article.author.name, url: site.url + authorPath(article.author.slug) }],
    publisher: publisher(site),
    articleSection: article.section.name,
    keywords: article.tags.map((t) => t.name),
    inLanguage: "vi",
  };
}

export interface Crumb {
  name: string;
  /** Path, e.g. "/kinh-te". */
  path: string;
}

export function breadcrumbs(site: SiteInfo, trail: Crumb[]): JsonLd {
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: [{ name: "Trang chủ", path: "/" }, ...trail].map((crumb, i) => ({
      "@type": "ListItem",
      position: i + 1,
      name: crumb.name,
      item: site.url + crumb.path,
    })),
  };
}

export function articleCrumbs(site: SiteInfo, article: ArticleFull): JsonLd {
  return breadcrumbs(site, [
    { name: article.section.name, path: sectionPath(article.section.slug) },
    { name: article.headline, path: articlePath(article) },
  ]);
}

/** The home page: the site, and how to search it. */
export function webSite(site: SiteInfo): JsonLd {
  return {
    "@context": "https://schema.org",
    "@type": "WebSite",
    name: site.name,
    url: `${site.url}/`,
    inLanguage: "vi",
    publisher: publisher(site),
    potentialAction: {
      "@type": "SearchAction",
      target: { "@type": "EntryPoint", urlTemplate: `${site.url}/tim-kiem?q={search_term_string}` },
      "query-input": "required name=search_term_string",
    },
  };
}

/** JSON for a <script> element: "<" escaped so no text can close the element. */
export function serializeJsonLd(data: JsonLd): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
