import type { ArticleTeaser } from "../model/article";
import { articlePath } from "../site/urls";

function List({ items }: { items: ArticleTeaser[] }) {
  return (
    <ol>
      {items.map((a) => (
        <li key={a.id}>
          <a href={articlePath(a)}>{a.headline}</a>
        </li>
      ))}
    </ol>
  );
}

/** "Đọc nhiều": the last 24 hours and the last 7 days (a fragment). */
export function MostRead({ day, week }: { day: ArticleTeaser[]; week: ArticleTeaser[] }) {
  if (!day.length && !week.length) return null;
  return (
    <section class="most-read" aria-labelledby="most-read-title">
      <h2 id="most-read-title" class="block-title">
        Đọc nhiều
      </h2>
      {day.length > 0 && (
        <>
          <h3>Trong 24 giờ</h3>
          <List items={day} />
        </>
      )}
      {week.length > 0 && (
        <>
          <h3>Trong 7 ngày</h3>
          <List items={week} />
        </>
      )}
    </section>
  );
}
