// Rebuilds the search index from the articles (for databases that had
// articles before the index existed). Idempotent.
import { and, asc, eq, gt, gte, lte } from "drizzle-orm";
import { readStoredBody } from "../content/blocks";
import { indexForSearch } from "../search/index-writes";
import { runBatch } from "./batch";
import type { Database } from "./client";
import { articles, articleTags, authors, tags } from "./schema";

/**
 * Page by page (by id), so a 250,000-article archive is neither one answer
 * nor two round trips per article: per page one query for the articles, one
 * for their tags, one batch (one transaction) of index writes.
 */
export async function reindexAllArticles(db: Database, pageSize = 500): Promise<number> {
  let done = 0;
  let after = 0;
  for (;;) {
    const rows = await db
      .select({
        id: articles.id,
        headline: articles.headline,
        kicker: articles.kicker,
        lead: articles.lead,
        body: articles.body,
        byline: authors.byline,
        name: authors.name,
      })
      .from(articles)
      .innerJoin(authors, eq(authors.id, articles.authorId))
      .where(gt(articles.id, after))
      .orderBy(asc(articles.id))
      .limit(pageSize);
    if (!rows.length) return done;
    const last = rows[rows.length - 1]!.id;
    const tagRows = await db
      .select({ articleId: articleTags.articleId, name: tags.name })
      .from(articleTags)
      .innerJoin(tags, eq(tags.id, articleTags.tagId))
      .where(and(gte(articleTags.articleId, rows[0]!.id), lte(articleTags.articleId, last)));
    const tagsOf = new Map<number, string[]>();
    for (const t of tagRows) tagsOf.set(t.articleId, [...(tagsOf.get(t.articleId) ?? []), t.name]);
    await runBatch(
      db,
      rows.flatMap((row) =>
        indexForSearch(row.id, {
          headline: row.headline,
          kicker: row.kicker,
          lead: row.lead,
          body: readStoredBody(row.body),
          tags: tagsOf.get(row.id) ?? [],
          author: `${row.byline} ${row.name}`,
        }),
      ),
    );
    done += rows.length;
    after = last;
  }
}
