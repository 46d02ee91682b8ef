import { publishDueArticles } from "../db/article-writes";
import { openDatabase } from "../db/client";
import type { Env } from "../env";

/** Publishes every scheduled article whose time has come (runs every minute). */
export async function publishScheduled(env: Env, now = new Date()): Promise<number[]> {
  const ids = await publishDueArticles(openDatabase(env.DB), now);
  if (ids.length) console.log(JSON.stringify({ level: "info", job: "publish-scheduled", published: ids }));
  return ids;
}
