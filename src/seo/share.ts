// What a share card and a search result show of an article: the editor's
// share title and description when set, else the headline and the lead.
import { fullHeadline } from "../content/headline";

/** The title of the share card and the page's <title>: the share title, else the headline with its kicker. */
export function shareTitle(article: { seoTitle: string | null; kicker: string | null; headline: string }): string {
  return article.seoTitle || fullHeadline(article);
}

/** The description of search results and the share card: the share description, else the lead. */
export function shareDescription(article: { seoDescription: string | null; lead: string }): string {
  return article.seoDescription || article.lead;
}
