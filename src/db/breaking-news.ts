import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { scope } from "../model/content-scopes";
import type { BreakingNews } from "../model/records";
import { auditEntry } from "./audit";
import type { Database } from "./client";
import { breakingNews } from "./schema";
import { writeContent } from "./versions";

/** The newest banner still running, if any. */
export async function activeBreakingNews(db: Database, now: Date): Promise<BreakingNews | null> {
  const [row] = await db
    .select()
    .from(breakingNews)
    .where(and(gt(breakingNews.expiresAt, now), isNull(breakingNews.endedAt)))
    .orderBy(desc(breakingNews.createdAt), desc(breakingNews.id))
    .limit(1);
  return row ?? null;
}

export function recentBreakingNews(db: Database, limit = 20): Promise<BreakingNews[]> {
  return db.select().from(breakingNews).orderBy(desc(breakingNews.createdAt), desc(breakingNews.id)).limit(limit);
}

export async function startBreakingNews(
  db: Database,
  item: { text: string; url: string | null; expiresAt: Date },
  userId: number,
): Promise<void> {
  // One banner at a time: a new one ends whatever is running.
  await writeContent(
    db,
    [
      db.update(breakingNews).set({ endedAt: new Date() }).where(isNull(breakingNews.endedAt)),
      db.insert(breakingNews).values({ ...item, createdBy: userId }),
      auditEntry(db, { userId, action: "breaking.start", detail: item.text }),
    ],
    [scope.breaking],
  );
}

export async function endBreakingNews(db: Database, id: number, now: Date, userId: number): Promise<void> {
  await writeContent(
    db,
    [
      db
        .update(breakingNews)
        .set({ endedAt: now })
        .where(and(eq(breakingNews.id, id), isNull(breakingNews.endedAt))),
      auditEntry(db, { userId, action: "breaking.end", target: String(id) }),
    ],
    [scope.breaking],
  );
}
