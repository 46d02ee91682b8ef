import type { ArticleTeaser, ImageData } from "../model/article";
import type { SiteInfo } from "../model/site-info";
import { breadcrumbs } from "../seo/structured-data";
import { Document } from "./Document";
import { FragmentSlot } from "./FragmentSlot";
import { Portrait } from "./Portrait";
import { TeaserList } from "./TeaserList";

/** A paginated list of articles: section, tag and author pages. */
export interface ListPageProps {
  site: SiteInfo;
  title: string;
  intro?: string;
  /** An author's photo, beside the intro (a caption link in the light edition). */
  photo?: ImageData;
  /** Path of page 1, e.g. "/kinh-te". */
  basePath: string;
  /** A later page's own words after the title ("Tin trước ngày 01/02/2024"); none on page 1. */
  subtitle?: string;
  /** This page's address (page 1's or its `?truoc=` one). */
  canonicalPath: string;
  /** Newer and older pages, when there are. */
  prevPath?: string;
  nextPath?: string;
  articles: ArticleTeaser[];
  currentSection?: string;
  /** The page's own RSS feed (sections have one). */
  feedPath?: string;
  lite?: boolean;
}

export function ListPage({
  site,
  title,
  intro,
  photo,
  basePath,
  subtitle,
  canonicalPath,
  prevPath,
  nextPath,
  articles,
  currentSection,
  feedPath,
  lite,
}: ListPageProps) {
  const pageTitle = subtitle ? `${title} - ${subtitle}` : title;
  return (
    <Document
      site={site}
      title={pageTitle}
      description={intro || `Tin tức ${title} - ${site.name}`}
      canonicalPath={canonicalPath}
      currentSection={currentSection}
      meta={{
        structuredData: [breadcrumbs(site, [{ name: title, path: basePath }])],
        feed: feedPath ? { title: `${title} - ${site.name}`, path: feedPath } : undefined,
      }}
    >
      <h1>{pageTitle}</h1>
      {photo && <Portrait image={photo} lite={lite} />}
      {intro && <p>{intro}</p>}
      {/* Headings go h1 > h2 > h3; the list's own heading is for screen readers. */}
      <h2 class="skip">Danh sách bài viết</h2>
      {articles.length ? <TeaserList items={articles} showLead lite={lite} /> : <p>Chưa có bài viết nào.</p>}
      {(prevPath || nextPath) && (
        <nav class="pager" aria-label="Phân trang">
          {prevPath ? (
            <a href={prevPath} rel="prev">
              ← Tin mới hơn
            </a>
          ) : (
            <span />
          )}
          <span />
          {nextPath ? (
            <a href={nextPath} rel="next">
              Tin cũ hơn →
            </a>
          ) : (
            <span />
          )}
        </nav>
      )}
      <FragmentSlot fragment={{ kind: "poll" }} />
    </Document>
  );
}
