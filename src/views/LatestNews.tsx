import type { ArticleTeaser } from "../model/article";
import { articlePath } from "../site/urls";
import { formatDate } from "../vi/dates";

export function LatestNews({ items }: { items: ArticleTeaser[] }) {
  if (!items.length) return null;
  return (
    <section class="latest-news" aria-labelledby="latest-news-title">
      <h2 id="latest-news-title" class="block-title">
        Tin mới nhất
      </h2>
      <ul>
        {items.map((a) => (
          <li key={a.id}>
            <a href={articlePath(a)}>{a.headline}</a>{" "}
            <time datetime={a.publishedAt.toISOString()}>{formatDate(a.publishedAt)}</time>
          </li>
        ))}
      </ul>
    </section>
  );
}
