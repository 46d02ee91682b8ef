/**
 * The headline as one line, with its kicker ("Clip:", "Infographic:") in
 * front: for links, titles, feeds and sitemaps, wherever the kicker cannot be
 * styled apart.
 */
export function fullHeadline(article: { kicker: string | null; headline: string }): string {
  return article.kicker ? `${article.kicker} ${article.headline}` : article.headline;
}
