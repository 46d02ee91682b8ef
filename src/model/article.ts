// Plain data handed from queries to routes and views.
import type { BodyBlock } from "../content/blocks";

export interface ImageData {
  id: number;
  key: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
}

export interface SectionRef {
  id: number;
  slug: string;
  name: string;
}
export interface AuthorRef {
  slug: string;
  name: string;
  byline: string;
}
export interface TagRef {
  slug: string;
  name: string;
}

export interface ArticleTeaser {
  id: number;
  slug: string;
  section: SectionRef;
  kicker: string | null;
  headline: string;
  lead: string;
  publishedAt: Date;
  hero: ImageData | null;
}

export interface ArticleFull extends ArticleTeaser {
  author: AuthorRef;
  body: BodyBlock[];
  updatedAt: Date;
  tags: TagRef[];
  /** Images used by figure blocks, by id. */
  figures: Map<number, ImageData>;
}
