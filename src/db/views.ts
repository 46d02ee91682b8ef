import { desc, eq, gte, inArray, sql } from "drizzle-orm";
import type { ArticleTeaser } from "../model/article";
import { isPublishedRow, teaserQuery, toTeaser } from "./articles";
import type { Database } from "./client";
import { articles, articleViews } from "./schema";

export const hourOf = (date: Date) => Math.floor(date.getTime() / 3600_000);

export async function recordViews(db: Database, articleId: number, at: Date, weight: number): Promise<void> {
  // Only published articles are counted: an id from a forged request writes nothing.
  await db.run(sql`insert into article_views (article_id, hour, count)
    select ${articleId}, ${hourOf(at)}, ${weight} from ${articles}
     where ${articles.id} = ${articleId} and ${isPublishedRow(at)}
    on conflict (article_id, hour) do update set count = count + excluded.count`);
}

/** The most-read published articles since `since`, most views first. */
export async function mostRead(db: Database, since: Date, now: Date, limit: number): Promise<ArticleTeaser[]> {
  const top = await db
    .select({ id: articleViews.articleId, views: sql<number>`sum(${articleViews.count})`.as("views") })
    .from(articleViews)
    .innerJoin(articles, eq(articles.id, articleViews.articleId))
    .where(sql`${gte(articleViews.hour, hourOf(since))} and ${isPublishedRow(now)}`)
    .groupBy(articleViews.articleId)
    .orderBy(desc(sql`views`), desc(articleViews.articleId))
    .limit(limit);
  if (!top.length) return [];
  const rows = await teaserQuery(db).where(
    inArray(
      articles.id,
      top.map((t) => t.id),
    ),
  );
  const byId = new Map(rows.map((r) => [r.id, toTeaser(r)]));
  return top.flatMap((t) => byId.get(t.id) ?? []);
}

export async function pruneViews(db: Database, before: Date): Promise<void> {
  await db.delete(articleViews).where(sql`${articleViews.hour} < ${hourOf(before)}`);
}
