import { viewBeaconPath } from "../site/urls";

/**
 * Counts a reader's view of an article without JavaScript: a hidden 1x1 image
 * the browser loads, answered by the Worker and never cached. The page itself
 * is served from the cache without running any code of ours (a HIT), so the
 * page's own request cannot count. Left off the light edition, which loads
 * no images at all.
 */
export function ViewBeacon({ articleId }: { articleId: number }) {
  return (
    <img src={viewBeaconPath(articleId)} alt="" width={1} height={1} hidden decoding="async" fetchpriority="low" />
  );
}
