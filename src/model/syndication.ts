// What feeds and sitemaps need of articles: plain data from the queries to src/seo/.
import type { ArticleTeaser, AuthorRef, TagRef } from "./article";

export interface FeedItem extends ArticleTeaser {
  author: AuthorRef;
  updatedAt: Date;
  tags: TagRef[];
}

export interface ArticleLocation {
  id: number;
  slug: string;
  section: { slug: string };
  publishedAt: Date;
  lastmod: Date;
}

export interface NewsLocation extends ArticleLocation {
  title: string;
}
