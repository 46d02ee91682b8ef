// Every list query the reader, the feeds and sitemaps and the newsroom run, as
// one registry: test/query-plans.test.ts runs each entry against a real D1,
// captures the SQL it sends and fails when its EXPLAIN QUERY PLAN scans a
// growing table without an index. The same test fails when a query module
// exports a list function (list*, search*, count*, picker*) that is neither
// here nor in LIST_QUERIES_EXEMPT, so a new list query cannot escape.
// At 250,000 articles a full scan is seconds, not milliseconds (docs/performance.md).

import { countPublished, idAtPosition, listIdsFrom, listLatest, listLatestPerSection, listRelated } from "./articles";
import { listAudit } from "./audit";
import { listAutosaves } from "./autosaves";
import type { Database } from "./client";
import { listApprovedComments, listModerationQueue } from "./comments";
import { listRecentImages, pickerSearch, searchImages } from "./images";
import { listCorrections, listNewsroomArticles, listRevisions } from "./newsroom-articles";
import { searchArticles } from "./search";
import {
  listArticleMonths,
  listArticlesBetween,
  listAuthorLastmods,
  listFeedItems,
  listNewsSince,
  listSectionLastmods,
  listTagLastmods,
  newestArticleChange,
} from "./syndication";

/** Sample arguments: any existing or missing ids do, the plan does not depend on them. */
export interface QueryArgs {
  db: Database;
  now: Date;
  sectionId: number;
  authorId: number;
  tagId: number;
  articleId: number;
}

export interface ListQuery {
  /** The exported function it exercises (the completeness check matches on it). */
  fn: string;
  /** What page or feature runs it. */
  use: string;
  /** The index its plan must use, when one would be slow on a big archive. */
  index?: string;
  /** A table it may read whole, and why: the list is every row of it (a sitemap of all tags). */
  reads?: { table: string; why: string };
  run: (a: QueryArgs) => Promise<unknown>;
}

const DAY = 86_400_000;
const yearAgo = (a: QueryArgs) => ({ publishedAt: new Date(a.now.getTime() - 365 * DAY), id: 1000 });

export const LIST_QUERIES: ListQuery[] = [
  { fn: "listLatest", use: "home, latest-news fragment", run: (a) => listLatest(a.db, { now: a.now, limit: 9 }) },
  {
    fn: "listLatest",
    use: "section page",
    index: "articles_section_status_published_idx",
    run: (a) => listLatest(a.db, { now: a.now, limit: 20, filter: { sectionId: a.sectionId } }),
  },
  {
    fn: "listLatest",
    use: "section page N (keyset)",
    index: "articles_section_status_published_idx",
    run: (a) =>
      listLatest(a.db, {
        now: a.now,
        limit: 20,
        filter: { sectionId: a.sectionId },
        before: yearAgo(a),
      }),
  },
  {
    fn: "listLatest",
    use: "tag page",
    run: (a) => listLatest(a.db, { now: a.now, limit: 20, filter: { tagId: a.tagId } }),
  },
  {
    fn: "listLatest",
    use: "tag page N (keyset)",
    run: (a) =>
      listLatest(a.db, {
        now: a.now,
        limit: 20,
        filter: { tagId: a.tagId },
        before: yearAgo(a),
      }),
  },
  {
    fn: "listLatest",
    use: "author page",
    index: "articles_author_status_published_idx",
    run: (a) => listLatest(a.db, { now: a.now, limit: 20, filter: { authorId: a.authorId } }),
  },
  {
    fn: "listLatest",
    use: "author page N (keyset)",
    index: "articles_author_status_published_idx",
    run: (a) =>
      listLatest(a.db, {
        now: a.now,
        limit: 20,
        filter: { authorId: a.authorId },
        before: yearAgo(a),
      }),
  },
  {
    fn: "countPublished",
    use: "section page count",
    run: (a) => countPublished(a.db, a.now, { sectionId: a.sectionId }),
  },
  {
    fn: "listIdsFrom",
    use: "section page N, previous link",
    index: "articles_section_status_published_idx",
    run: (a) => listIdsFrom(a.db, a.now, yearAgo(a), 21, { sectionId: a.sectionId }),
  },
  {
    fn: "listIdsFrom",
    use: "author page N, previous link",
    index: "articles_author_status_published_idx",
    run: (a) => listIdsFrom(a.db, a.now, yearAgo(a), 21, { authorId: a.authorId }),
  },
  {
    fn: "listIdsFrom",
    use: "tag page N, previous link",
    run: (a) => listIdsFrom(a.db, a.now, yearAgo(a), 21, { tagId: a.tagId }),
  },
  {
    fn: "idAtPosition",
    use: "old ?page=N of a section",
    index: "articles_section_status_published_idx",
    run: (a) => idAtPosition(a.db, a.now, 99_999, { sectionId: a.sectionId }),
  },
  {
    fn: "idAtPosition",
    use: "old ?page=N of a tag",
    run: (a) => idAtPosition(a.db, a.now, 99_999, { tagId: a.tagId }),
  },
  { fn: "countPublished", use: "tag page count", run: (a) => countPublished(a.db, a.now, { tagId: a.tagId }) },
  { fn: "countPublished", use: "author page count", run: (a) => countPublished(a.db, a.now, { authorId: a.authorId }) },
  { fn: "listLatestPerSection", use: "home", run: (a) => listLatestPerSection(a.db, a.now, 4) },
  {
    fn: "listRelated",
    use: "article page",
    index: "article_tags_tag_published_idx",
    run: (a) => listRelated(a.db, a.articleId, a.now, 5),
  },
  {
    fn: "searchArticles",
    use: "search, toned",
    run: (a) => searchArticles(a.db, '"bien"', '"biển"', a.now, 20, 0),
  },
  { fn: "searchArticles", use: "search, toneless", run: (a) => searchArticles(a.db, '"bien"', null, a.now, 20, 0) },
  { fn: "listFeedItems", use: "RSS", run: (a) => listFeedItems(a.db, a.now, 50) },
  { fn: "listFeedItems", use: "section RSS", run: (a) => listFeedItems(a.db, a.now, 50, { sectionId: a.sectionId }) },
  { fn: "listArticleMonths", use: "sitemap index", run: (a) => listArticleMonths(a.db, a.now) },
  {
    fn: "newestArticleChange",
    use: "sitemap index, pages.xml date",
    index: "articles_status_updated_idx",
    run: (a) => newestArticleChange(a.db, a.now, "sections"),
  },
  {
    fn: "newestArticleChange",
    use: "sitemap index, tags.xml date",
    index: "articles_status_updated_idx",
    run: (a) => newestArticleChange(a.db, a.now, "tags"),
  },
  {
    fn: "listArticlesBetween",
    use: "monthly article sitemap",
    run: (a) => listArticlesBetween(a.db, a.now, new Date(a.now.getTime() - 31 * DAY), a.now),
  },
  {
    fn: "listNewsSince",
    use: "news sitemap",
    run: (a) => listNewsSince(a.db, a.now, new Date(a.now.getTime() - 2 * DAY)),
  },
  {
    fn: "listSectionLastmods",
    use: "sections sitemap",
    index: "articles_section_updated_idx",
    run: (a) => listSectionLastmods(a.db, a.now),
  },
  {
    fn: "listAuthorLastmods",
    use: "authors sitemap",
    index: "articles_author_updated_idx",
    run: (a) => listAuthorLastmods(a.db, a.now),
  },
  {
    fn: "listTagLastmods",
    use: "tags sitemap",
    index: "article_tags_tag_changed_idx",
    reads: { table: "tags", why: "the sitemap lists every tag (one index walk each, not their articles)" },
    run: (a) => listTagLastmods(a.db, a.now),
  },
  {
    fn: "listNewsroomArticles",
    use: "newsroom list",
    index: "articles_updated_idx",
    run: (a) => listNewsroomArticles(a.db, {}, 50, 0),
  },
  {
    fn: "listNewsroomArticles",
    use: "newsroom list by status",
    run: (a) => listNewsroomArticles(a.db, { status: "draft" }, 50, 0),
  },
  {
    fn: "listNewsroomArticles",
    use: "newsroom list by section",
    run: (a) => listNewsroomArticles(a.db, { sectionId: a.sectionId }, 50, 0),
  },
  {
    fn: "listNewsroomArticles",
    use: "newsroom list by author",
    run: (a) => listNewsroomArticles(a.db, { authorId: a.authorId }, 50, 0),
  },
  { fn: "listRevisions", use: "newsroom revisions", run: (a) => listRevisions(a.db, a.articleId) },
  { fn: "listCorrections", use: "newsroom corrections", run: (a) => listCorrections(a.db, a.articleId) },
  { fn: "listAutosaves", use: "newsroom revisions", run: (a) => listAutosaves(a.db, a.articleId) },
  { fn: "listApprovedComments", use: "article comments", run: (a) => listApprovedComments(a.db, a.articleId) },
  {
    fn: "listModerationQueue",
    use: "comment moderation",
    run: (a) => listModerationQueue(a.db, { status: "pending" }, 50, 0),
  },
  {
    fn: "listModerationQueue",
    use: "comment moderation of one article",
    run: (a) => listModerationQueue(a.db, { status: "pending", articleId: a.articleId }, 50, 0),
  },
  { fn: "listRecentImages", use: "media library", run: (a) => listRecentImages(a.db, 50) },
  { fn: "searchImages", use: "media library", run: (a) => searchImages(a.db, undefined, 50, 0) },
  {
    fn: "pickerSearch",
    use: "photo picker by date",
    run: (a) => pickerSearch(a.db, { from: new Date(a.now.getTime() - 31 * DAY), to: a.now }, 50, 0),
  },
  { fn: "listAudit", use: "audit log", run: (a) => listAudit(a.db, 50, 0) },
];

/**
 * List functions deliberately not planned, with the reason: tables that stay
 * small whatever the archive, or a text filter that cannot use an index and is
 * bounded by another condition.
 */
export const LIST_QUERIES_EXEMPT: Record<string, string> = {
  listAllAuthors: "authors: tens of rows",
  listAuthors: "authors: tens of rows",
  listSections: "sections: a few rows",
  listOldSlugs: "section_slug_redirects: a few rows",
  listStaticPages: "static_pages: a few rows",
  listPublishedStaticPages: "static_pages: a few rows",
  listUsers: "users: tens of rows",
  countUsers: "users: tens of rows",
  listUserSessions: "sessions of one user, by index",
  listPolls: "polls: limited to 100, a small table",
};
