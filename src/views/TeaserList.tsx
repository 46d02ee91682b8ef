import { fullHeadline } from "../content/headline";
import type { ArticleTeaser } from "../model/article";
import { articlePath, mediaPath } from "../site/urls";
import { formatDate, toVietnamIso } from "../vi/dates";

export function TeaserList({ items, showLead, lite }: { items: ArticleTeaser[]; showLead?: boolean; lite?: boolean }) {
  return (
    <ul class="teasers">
      {items.map((a) => (
        <li class="teaser" key={a.id}>
          {a.hero && !lite && (
            <a href={articlePath(a)} tabIndex={-1} aria-hidden="true">
              <img
                src={`${mediaPath(a.hero.key)}?w=360`}
                width={160}
                height={90}
                alt=""
                loading="lazy"
                decoding="async"
              />
            </a>
          )}
          <div>
            <h3>
              <a href={articlePath(a)}>{fullHeadline(a)}</a>
            </h3>
            {showLead && <p>{a.lead}</p>}
            <p>
              <time datetime={toVietnamIso(a.publishedAt)}>{formatDate(a.publishedAt)}</time> · {a.section.name}
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}
