import type { ArticleFull, ArticleTeaser } from "../model/article";
import type { SiteInfo } from "../model/site-info";
import { shareDescription, shareTitle } from "../seo/share";
import { articleCrumbs, newsArticle } from "../seo/structured-data";
import { articlePath, authorPath, sectionPath, tagPath } from "../site/urls";
import { formatDate, formatDateline, formatTime, toVietnamIso } from "../vi/dates";
import { BodyBlockView, InfoBox, needsVideoScript, splitBody } from "./ArticleBody";
import { CommentForm } from "./CommentForm";
import { Document } from "./Document";
import { Figure, photoSources } from "./Figure";
import { FragmentSlot } from "./FragmentSlot";
import { SaveButton } from "./SaveButton";
import { TeaserList } from "./TeaserList";
import { ViewBeacon } from "./ViewBeacon";

export interface ArticlePageProps {
  site: SiteInfo;
  article: ArticleFull;
  related: ArticleTeaser[];
  lite?: boolean;
  turnstileSiteKey?: string;
}

export function ArticlePage({ site, article, related, lite, turnstileSiteKey }: ArticlePageProps) {
  const { flow, asides } = splitBody(article.body);
  return (
    <Document
      site={site}
      title={shareTitle(article)}
      description={shareDescription(article)}
      canonicalPath={articlePath(article)}
      currentSection={article.section.slug}
      videoScript={needsVideoScript(article.body, lite)}
      leadPhoto={article.hero && !lite ? photoSources(article.hero) : undefined}
      meta={{
        type: "article",
        // The share card: the photo chosen for it, else the article's own.
        image: article.socialImage ?? article.hero,
        article: {
          publishedAt: article.publishedAt,
          modifiedAt: article.modifiedAt,
          section: article.section.name,
          tags: article.tags.map((t) => t.name),
        },
        structuredData: [newsArticle(site, article), articleCrumbs(site, article)],
        feed: { title: `${article.section.name} - ${site.name}`, path: `${sectionPath(article.section.slug)}/rss.xml` },
      }}
    >
      <article class="article">
        <p class="section-label">
          <a href={sectionPath(article.section.slug)}>{article.section.name}</a>
        </p>
        <h1>
          {article.kicker && (
            <>
              <span class="kicker">{article.kicker}</span>{" "}
            </>
          )}
          {article.headline}
        </h1>
        <p class="dateline">
          <time datetime={toVietnamIso(article.publishedAt)}>{formatDateline(article.publishedAt)}</time>
          {article.significantUpdateAt && (
            <span class="updated">
              Cập nhật:{" "}
              <time datetime={toVietnamIso(article.significantUpdateAt)}>
                {formatDate(article.significantUpdateAt)} {formatTime(article.significantUpdateAt)}
              </time>
            </span>
          )}
          {lite ? (
            <a class="edition" href={articlePath(article)}>
              Bản đầy đủ
            </a>
          ) : (
            <a class="edition" href={`/lite${articlePath(article)}`}>
              Bản nhẹ
            </a>
          )}
          {article.id > 0 && <SaveButton />}
        </p>
        <p class="lead">{article.lead}</p>
        {article.hero && <Figure image={article.hero} priority lite={lite} />}
        <div class="body">
          {flow.map((block) => (
            <BodyBlockView block={block} figures={article.figures} seeAlso={article.seeAlso} lite={lite} />
          ))}
        </div>
        {article.corrections.map((note) => (
          <p class="correction">
            <em>
              Đính chính (<time datetime={toVietnamIso(note.at)}>{formatDate(note.at)}</time>): {note.text}
            </em>
          </p>
        ))}
        <p class="byline">
          <a rel="author" href={authorPath(article.author.slug)}>
            {article.author.byline}
          </a>
        </p>
        {asides.map((block) => (
          <InfoBox block={block} />
        ))}
        {article.tags.length > 0 && (
          <nav aria-label="Chủ đề">
            <ul class="tags">
              {article.tags.map((t) => (
                <li key={t.slug}>
                  <a href={tagPath(t.slug)}>#{t.name}</a>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </article>
      {article.id > 0 && !lite && <ViewBeacon articleId={article.id} />}
      {article.id > 0 && (
        <div class="article">
          <FragmentSlot fragment={{ kind: "comments", id: article.id }} />
          <CommentForm articleId={article.id} turnstileSiteKey={turnstileSiteKey} />
        </div>
      )}
      {related.length > 0 && (
        <section aria-labelledby="related-title" class="article">
          <h2 id="related-title" class="block-title">
            Tin liên quan
          </h2>
          <TeaserList items={related} lite={lite} />
        </section>
      )}
      <div class="article">
        <FragmentSlot fragment={{ kind: "latest-news" }} />
        <FragmentSlot fragment={{ kind: "most-read" }} />
        {article.id > 0 && (
          <FragmentSlot fragment={article.hasPoll ? { kind: "article-poll", id: article.id } : { kind: "poll" }} />
        )}
      </div>
    </Document>
  );
}
