import { fullHeadline } from "../content/headline";
import type { ArticleTeaser } from "../model/article";
import type { SiteInfo } from "../model/site-info";
import { articlePath } from "../site/urls";
import { formatDateline, toVietnamIso } from "../vi/dates";
import { Document } from "./Document";
import { Pagination } from "./Pagination";
import { TeaserList } from "./TeaserList";

export interface SearchResult {
  article: ArticleTeaser;
  snippet: { text: string; match: boolean }[];
}

export interface SearchPageProps {
  site: SiteInfo;
  q: string;
  results: SearchResult[];
  total: number;
  page: number;
  pageCount: number;
  /** Shown when nothing matched, or nothing was asked. */
  latest: ArticleTeaser[];
  lite?: boolean;
}

export function SearchPage({ site, q, results, total, page, pageCount, latest, lite }: SearchPageProps) {
  return (
    <Document site={site} title={q ? `Tìm kiếm: ${q}` : "Tìm kiếm"} canonicalPath="/tim-kiem" noindex>
      <h1>Tìm kiếm</h1>
      {/* biome-ignore lint/a11y/useSemanticElements: older phone browsers know no <search> element; role="search" is the landmark they support */}
      <form method="get" action="/tim-kiem" role="search" class="search-form">
        <label for="q">
          Từ khóa <span class="hint">(có thể gõ không dấu)</span>
        </label>
        <input id="q" name="q" type="search" value={q} maxLength={200} />
        <button type="submit">Tìm</button>
      </form>
      {q &&
        (total > 0 ? (
          <p>
            Tìm thấy {total.toLocaleString("vi-VN")} bài viết cho “{q}”.
          </p>
        ) : (
          <p>
            Không tìm thấy bài viết nào phù hợp với “{q}”. Bạn thử từ khóa khác, ngắn hơn, hoặc đọc các tin mới nhất bên
            dưới.
          </p>
        ))}
      {results.length > 0 && <h2 class="skip">Kết quả tìm kiếm</h2>}
      {results.length > 0 && (
        <ol class="teasers search-results">
          {results.map(({ article, snippet }) => (
            <li class="teaser" key={article.id}>
              <div>
                <h3>
                  <a href={articlePath(article)}>{fullHeadline(article)}</a>
                </h3>
                <p>
                  {article.section.name} ·{" "}
                  <time datetime={toVietnamIso(article.publishedAt)}>{formatDateline(article.publishedAt)}</time>
                </p>
                <p class="snippet">{snippet.map((s) => (s.match ? <mark>{s.text}</mark> : s.text))}</p>
              </div>
            </li>
          ))}
        </ol>
      )}
      {results.length > 0 && (
        <Pagination basePath={`/tim-kiem?q=${encodeURIComponent(q)}`} page={page} pageCount={pageCount} />
      )}
      {results.length === 0 && latest.length > 0 && (
        <section aria-labelledby="suggest-title">
          <h2 id="suggest-title" class="block-title">
            Tin mới nhất
          </h2>
          <TeaserList items={latest} lite={lite} />
        </section>
      )}
    </Document>
  );
}
