// What a cached page depends on. Pages name their dependencies; writes bump
// the scopes they touch (see docs/caching.md).
export const scope = {
  global: "global",
  home: "home",
  feeds: "feeds",
  sitemaps: "sitemaps",
  article: (id: number) => `article:${id}`,
  section: (id: number) => `section:${id}`,
  tag: (id: number) => `tag:${id}`,
  author: (id: number) => `author:${id}`,
  comments: (articleId: number) => `comments:${articleId}`,
  polls: "polls",
  weather: "weather",
  breaking: "breaking",
  poll: (id: number) => `poll:${id}`,
} as const;

export type PageDeps =
  | { kind: "home" }
  /**
   * An article page shows its own text, section, author and tags (and related
   * articles found through them), and the headlines of the articles its
   * "Xem thêm" boxes link to.
   */
  | { kind: "article"; id: number }
  | { kind: "section"; slug: string }
  | { kind: "tag"; slug: string }
  | { kind: "author"; slug: string }
  /** Anything else: named scopes, e.g. ["feeds"]. */
  | { kind: "scopes"; scopes: string[] };
