import { desc, eq, gte, inArray, sql } from "drizzle-orm";
import type { ArticleTeaser } from "../model/article";
import { isPublishedRow, teaserQuery, toTeaser } from "./articles";
import type { Database } from "./client";
import { articles, articleViews } from "./schema";

export const hourOf = (date: Date) => Math.floor(date.getTime() / 3600_000);

export async function recordViews(db: Database, articleId: number, at: Date, weight: number): Promise<void> {
  await db
    .insert(articleViews)
    .values({ articleId, hour: hourOf(at), count: weight })
    .onConflictDoUpdate({
      target: [articleViews.articleId, articleViews.hour],
      set: { count: sql`${articleViews.count} + ${weight}` },
    });
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
