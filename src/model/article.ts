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

/** An article as a "Xem thêm" box links to it: published, with its address. */
export interface ArticleLink {
  id: number;
  slug: string;
  section: { slug: string };
  headline: string;
}

/** A correction note ("Đính chính") as readers see it: plain text and the day it was added. */
export interface CorrectionNote {
  text: string;
  at: Date;
}

export interface ArticleFull extends ArticleTeaser {
  author: AuthorRef;
  body: BodyBlock[];
  /**
   * The last change readers were told of (dateModified): the publication, a
   * save marked significant, or a correction, whichever is newest. Ordinary
   * saves (a typo) do not move it.
   */
  modifiedAt: Date;
  /** Shown as "Cập nhật: …" next to the dateline; null unless a save after publication was marked significant. */
  significantUpdateAt: Date | null;
  /** Oldest first. */
  corrections: CorrectionNote[];
  tags: TagRef[];
  /** Images used by figure blocks and video thumbnails, by id. */
  figures: Map<number, ImageData>;
  /** Published articles the body's "Xem thêm" boxes link to, by id; a missing one is not shown. */
  seeAlso: Map<number, ArticleLink>;
  /** Share and search: shown instead of the headline and the lead in the page's head, when set. */
  seoTitle: string | null;
  seoDescription: string | null;
  /** The share card's photo instead of the hero, when set. */
  socialImage: ImageData | null;
  /**
   * A poll is attached (open, closed or not yet open): the page shows a poll
   * box of its own, which picks the attached poll while it is shown, else the
   * site's. Without one it shows the site's poll box, the same on every page.
   */
  hasPoll: boolean;
}
