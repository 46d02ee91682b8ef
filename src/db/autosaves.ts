// "Tự động lưu": the article form as an editor types it, kept apart from the
// article. Never read by reader pages and never a content write: no cache
// version moves, the article's row and version stay as they are.
import { and, desc, eq, isNull, notInArray, type SQL } from "drizzle-orm";
import type { ArticleAutosave } from "../model/records";
import { sha256Hex } from "../platform/crypto";
import { runBatch } from "./batch";
import type { Database } from "./client";
import { articleAutosaves } from "./schema";

/** How many autosaves one slot (an editor and an article, or an editor's new article) keeps. */
export const AUTOSAVES_KEPT = 5;

const slot = (userId: number, articleId: number | null): SQL =>
  and(
    eq(articleAutosaves.userId, userId),
    articleId === null ? isNull(articleAutosaves.articleId) : eq(articleAutosaves.articleId, articleId),
  )!;

/** The newest autosave of a slot, or null. */
export async function latestAutosave(
  db: Database,
  userId: number,
  articleId: number | null,
): Promise<ArticleAutosave | null> {
  const [row] = await db
    .select()
    .from(articleAutosaves)
    .where(slot(userId, articleId))
    .orderBy(desc(articleAutosaves.savedAt), desc(articleAutosaves.id))
    .limit(1);
  return row ?? null;
}

/**
 * Stores the form's fields in the editor's slot unless the newest autosave
 * there holds exactly the same (then nothing is written), and keeps only the
 * newest AUTOSAVES_KEPT of the slot. One batch: insert and prune together.
 */
export async function storeAutosave(
  db: Database,
  input: { userId: number; articleId: number | null; baseVersion: number; fields: Record<string, string> },
  now = new Date(),
): Promise<{ stored: boolean; id: number; savedAt: Date }> {
  const snapshot = JSON.stringify(input.fields);
  const contentHash = await sha256Hex(`${input.baseVersion}\n${snapshot}`);
  const latest = await latestAutosave(db, input.userId, input.articleId);
  if (latest && latest.contentHash === contentHash) return { stored: false, id: latest.id, savedAt: latest.savedAt };
  const keep = db
    .select({ id: articleAutosaves.id })
    .from(articleAutosaves)
    .where(slot(input.userId, input.articleId))
    .orderBy(desc(articleAutosaves.savedAt), desc(articleAutosaves.id))
    .limit(AUTOSAVES_KEPT);
  const [inserted] = await runBatch(db, [
    db
      .insert(articleAutosaves)
      .values({
        articleId: input.articleId,
        userId: input.userId,
        baseVersion: input.baseVersion,
        savedAt: now,
        snapshot,
        contentHash,
      })
      .returning({ id: articleAutosaves.id }),
    db.delete(articleAutosaves).where(and(slot(input.userId, input.articleId), notInArray(articleAutosaves.id, keep))),
  ]);
  const id = (inserted?.results[0] as { id: number } | undefined)?.id;
  if (id === undefined) throw new Error("autosave insert returned no id");
  return { stored: true, id, savedAt: now };
}

/** One autosave of an article (any editor's), or of this editor's new article when articleId is null. */
export async function getAutosave(
  db: Database,
  id: number,
  scope: { articleId: number } | { userId: number; articleId: null },
): Promise<ArticleAutosave | null> {
  const where =
    scope.articleId === null
      ? and(eq(articleAutosaves.id, id), slot(scope.userId, null))
      : and(eq(articleAutosaves.id, id), eq(articleAutosaves.articleId, scope.articleId));
  const [row] = await db.select().from(articleAutosaves).where(where).limit(1);
  return row ?? null;
}

/** An article's autosaves, every editor's, newest first (for the revisions page). */
export function listAutosaves(db: Database, articleId: number) {
  return db
    .select({
      id: articleAutosaves.id,
      userId: articleAutosaves.userId,
      baseVersion: articleAutosaves.baseVersion,
      savedAt: articleAutosaves.savedAt,
    })
    .from(articleAutosaves)
    .where(eq(articleAutosaves.articleId, articleId))
    .orderBy(desc(articleAutosaves.savedAt), desc(articleAutosaves.id));
}

/** After a new article is saved for real, its autosaves (the editor's "new article" slot) are done with. */
export async function clearNewArticleAutosaves(db: Database, userId: number): Promise<void> {
  await db.delete(articleAutosaves).where(slot(userId, null));
}
