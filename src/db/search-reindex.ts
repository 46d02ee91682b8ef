// Rebuilds the search index from the articles (for databases that had
// articles before the index existed). Idempotent.
import { asc, eq } from "drizzle-orm";
import { readStoredBody } from "../content/blocks";
import { indexForSearch } from "../search/index-writes";
import { runBatch } from "./batch";
import type { Database } from "./client";
import { articles, articleTags, authors, tags } from "./schema";

export async function reindexAllArticles(db: Database): Promise<number> {
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
    .orderBy(asc(articles.id));
  for (const row of rows) {
    const tagRows = await db
      .select({ name: tags.name })
      .from(articleTags)
      .innerJoin(tags, eq(tags.id, articleTags.tagId))
      .where(eq(articleTags.articleId, row.id));
    await runBatch(
      db,
      indexForSearch(row.id, {
        headline: row.headline,
        kicker: row.kicker,
        lead: row.lead,
        body: readStoredBody(row.body),
        tags: tagRows.map((t) => t.name),
        author: `${row.byline} ${row.name}`,
      }),
    );
  }
  return rows.length;
}
