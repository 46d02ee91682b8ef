import { fullHeadline } from "../content/headline";
import type { ArticleTeaser, SectionRef } from "../model/article";
import type { SiteInfo } from "../model/site-info";
import { webSite } from "../seo/structured-data";
import { articlePath, sectionPath } from "../site/urls";
import { formatDateline, toVietnamIso } from "../vi/dates";
import { Document } from "./Document";
import { Figure } from "./Figure";
import { FragmentSlot } from "./FragmentSlot";
import { TeaserList } from "./TeaserList";

export interface HomePageProps {
  site: SiteInfo;
  top: ArticleTeaser | null;
  latest: ArticleTeaser[];
  sections: { section: SectionRef; articles: ArticleTeaser[] }[];
  lite?: boolean;
}

export function HomePage({ site, top, latest, sections, lite }: HomePageProps) {
  return (
    <Document
      site={site}
      title={site.name}
      description={`${site.name} - ${site.tagline}`}
      canonicalPath="/"
      currentSection=""
      meta={{ structuredData: [webSite(site)] }}
    >
      <h1 class="skip">{site.name}: tin tức mới nhất</h1>
      <div class="home-grid">
        <div>
          {top ? (
            <article class="top-story">
              {/* biome-ignore-start lint/a11y/useAnchorContent: the photo repeats the headline link, hidden from screen readers and Tab so it is announced once */}
              {top.hero && !lite && (
                <a href={articlePath(top)} tabIndex={-1} aria-hidden="true">
                  <Figure
                    image={{ ...top.hero, caption: "", credit: "" }}
                    priority
                    sizes="(min-width: 900px) 680px, calc(100vw - 32px)"
                  />
                </a>
              )}
              {/* biome-ignore-end lint/a11y/useAnchorContent: end of the hidden photo link */}
              <h2>
                <a href={articlePath(top)}>{fullHeadline(top)}</a>
              </h2>
              <p class="meta">
                <time datetime={toVietnamIso(top.publishedAt)}>{formatDateline(top.publishedAt)}</time> ·{" "}
                {top.section.name}
              </p>
              <p>{top.lead}</p>
            </article>
          ) : (
            <p>Chưa có bài viết nào được đăng.</p>
          )}
        </div>
        <div>
          {latest.length > 0 && (
            <section aria-labelledby="latest-title">
              <h2 id="latest-title" class="block-title">
                Tin mới
              </h2>
              <TeaserList items={latest} lite={lite} />
            </section>
          )}
          <FragmentSlot fragment={{ kind: "most-read" }} />
          <FragmentSlot fragment={{ kind: "poll" }} />
        </div>
      </div>
      <div class="sections-grid">
        {sections
          .filter((s) => s.articles.length > 0)
          .map(({ section, articles }) => (
            <section aria-labelledby={`s-${section.slug}`} key={section.slug}>
              <h2 id={`s-${section.slug}`} class="block-title">
                <a href={sectionPath(section.slug)}>{section.name}</a>
              </h2>
              <TeaserList items={articles} lite={lite} />
            </section>
          ))}
      </div>
    </Document>
  );
}
