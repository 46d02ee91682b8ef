import type { ImageData } from "../db/article-types";
import { CARD_SIZE } from "../media/variants";
import { cardImageUrl, type JsonLd, serializeJsonLd } from "../seo/structured-data";
import { toVietnamIso } from "../vi/dates";
import type { SiteInfo } from "./site";

/** What search engines and share previews (Facebook, Zalo, X) read of a page. */
export interface SeoMeta {
  type?: "website" | "article";
  /** Photo for the share card; the paper's default card when absent. */
  image?: ImageData | null;
  article?: { publishedAt: Date; modifiedAt: Date; section: string; tags: string[] };
  structuredData?: JsonLd[];
  /** A feed of this page besides the paper's (e.g. the section's). */
  feed?: { title: string; path: string };
}

interface SeoHeadProps {
  site: SiteInfo;
  title: string;
  description?: string;
  canonicalPath?: string;
  meta: SeoMeta;
}

export function SeoHead({ site, title, description, canonicalPath, meta }: SeoHeadProps) {
  const url = canonicalPath ? site.url + canonicalPath : undefined;
  const image = cardImageUrl(site, meta.image?.key);
  const imageAlt = meta.image?.alt || site.name;
  return (
    <>
      {url && <link rel="canonical" href={url} />}
      {url && <link rel="alternate" hreflang="vi" href={url} />}
      <link rel="alternate" type="application/rss+xml" title={site.name} href="/rss.xml" />
      {meta.feed && <link rel="alternate" type="application/rss+xml" title={meta.feed.title} href={meta.feed.path} />}
      <meta property="og:site_name" content={site.name} />
      <meta property="og:locale" content="vi_VN" />
      <meta property="og:type" content={meta.type ?? "website"} />
      <meta property="og:title" content={title} />
      {description && <meta property="og:description" content={description} />}
      {url && <meta property="og:url" content={url} />}
      <meta property="og:image" content={image} />
      <meta property="og:image:width" content={String(CARD_SIZE.width)} />
      <meta property="og:image:height" content={String(CARD_SIZE.height)} />
      <meta property="og:image:alt" content={imageAlt} />
      {meta.article && (
        <>
          <meta property="article:published_time" content={toVietnamIso(meta.article.publishedAt)} />
          <meta property="article:modified_time" content={toVietnamIso(meta.article.modifiedAt)} />
          <meta property="article:section" content={meta.article.section} />
          {meta.article.tags.map((t) => (
            <meta property="article:tag" content={t} />
          ))}
        </>
      )}
      <meta name="twitter:card" content="summary_large_image" />
      <meta name="twitter:title" content={title} />
      {description && <meta name="twitter:description" content={description} />}
      <meta name="twitter:image" content={image} />
      <meta name="twitter:image:alt" content={imageAlt} />
      {meta.structuredData?.map((data) => (
        <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />
      ))}
    </>
  );
}
