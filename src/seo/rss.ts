// RSS 2.0 for the whole paper and for each section.

import { fullHeadline } from "../content/headline";
import type { FeedItem } from "../model/syndication";
import { articlePath, mediaPath } from "../site/urls";
import { toRfc822Vietnam } from "../vi/dates";
import { element, XML_DECLARATION, xmlAttr, xmlText } from "./xml";

export interface FeedChannel {
  title: string;
  description: string;
  /** Absolute URL of the page the feed follows (home or the section). */
  link: string;
  /** Absolute URL of the feed itself. */
  self: string;
  /** The newsroom's address, for RSS's <author> (which must be an email). */
  email?: string;
  now: Date;
}

/** The hero as readers of the feed get it: the 720 px JPEG variant (every reader takes JPEG). */
export function enclosureUrl(siteUrl: string, key: string): string {
  return `${siteUrl}${mediaPath(key)}?w=720&f=jpg`;
}

export function renderRss(siteUrl: string, channel: FeedChannel, items: FeedItem[]): string {
  const newest = items[0]?.publishedAt ?? channel.now;
  const entries = items.map((item) => {
    const link = siteUrl + articlePath(item);
    return [
      "<item>",
      element("title", fullHeadline(item)),
      element("link", link),
      `<guid isPermaLink="true">${xmlText(link)}</guid>`,
      element("pubDate", toRfc822Vietnam(item.publishedAt)),
      element("description", item.lead),
      channel.email ? element("author", `${channel.email} (${item.author.name})`) : "",
      element("dc:creator", item.author.name),
      `<category domain="${xmlAttr(`${siteUrl}/${item.section.slug}`)}">${xmlText(item.section.name)}</category>`,
      ...item.tags.map((t) => element("category", t.name)),
      // RSS wants a length; a variant's size is known only once it is made,
      // and RSS best practice says 0 when it cannot be determined.
      item.hero
        ? `<enclosure url="${xmlAttr(enclosureUrl(siteUrl, item.hero.key))}" length="0" type="image/jpeg"/>`
        : "",
      "</item>",
    ]
      .filter(Boolean)
      .join("");
  });
  return (
    XML_DECLARATION +
    [
      '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
      "<channel>",
      element("title", channel.title),
      element("link", channel.link),
      element("description", channel.description),
      "<language>vi</language>",
      element("lastBuildDate", toRfc822Vietnam(newest)),
      `<atom:link href="${xmlAttr(channel.self)}" rel="self" type="application/rss+xml"/>`,
      "<ttl>10</ttl>",
      ...entries,
      "</channel>",
      "</rss>",
    ]
      .filter(Boolean)
      .join("\n") +
    "\n"
  );
}
