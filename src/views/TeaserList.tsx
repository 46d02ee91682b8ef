import { fullHeadline } from "../content/headline";
import type { ArticleTeaser } from "../model/article";
import { articlePath, mediaPath } from "../site/urls";
import { formatDate, toVietnamIso } from "../vi/dates";

export function TeaserList({ items, showLead, lite }: { items: ArticleTeaser[]; showLead?: boolean; lite?: boolean }) {
  return (
    <ul class="teasers">
      {items.map((a) => (
        <li class="teaser" key={a.id}>
          {/* biome-ignore-start lint/a11y/useAnchorContent: the photo repeats the headline link, hidden from screen readers and Tab so it is announced once */}
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
          {/* biome-ignore-end lint/a11y/useAnchorContent: end of the hidden photo link */}
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
