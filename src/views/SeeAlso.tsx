import type { ArticleLink } from "../model/article";
import { articlePath } from "../site/urls";

/** "Xem thêm": a small box with the headline of another article of ours; nothing when it is not published. */
export function SeeAlso({ article }: { article: ArticleLink | undefined }) {
  if (!article) return null;
  return (
    <p class="see-also">
      <strong>Xem thêm:</strong> <a href={articlePath(article)}>{article.headline}</a>
    </p>
  );
}
