import { and, asc, count, desc, eq, gt, inArray, type SQL } from "drizzle-orm";
import type { PublicComment } from "../model/community";
import { scope } from "../model/content-scopes";
import type { Comment } from "../model/records";
import type { CommentStatus } from "../model/statuses";
import type { Database } from "./client";
import { articles, comments } from "./schema";
import { writeContent } from "./versions";

export async function insertComment(
  db: Database,
  c: {
    articleId: number;
    parentId: number | null;
    name: string;
    email: string | null;
    body: string;
    bodyHash: string;
    ipHash: string;
    status: CommentStatus;
  },
): Promise<number> {
  const [row] = await db.insert(comments).values(c).returning({ id: comments.id });
  return row!.id;
}

/** Approved comments, oldest first, replies under their parent. */
export async function listApprovedComments(
  db: Database,
  articleId: number,
): Promise<{ threads: PublicComment[]; total: number }> {
  const rows = await db
    .select({
      id: comments.id,
      parentId: comments.parentId,
      name: comments.name,
      body: comments.body,
      createdAt: comments.createdAt,
    })
    .from(comments)
    .where(and(eq(comments.articleId, articleId), eq(comments.status, "approved")))
    .orderBy(asc(comments.createdAt), asc(comments.id));
  const threads: PublicComment[] = [];
  const byId = new Map<number, PublicComment>();
  for (const r of rows) {
    const c: PublicComment = { id: r.id, name: r.name, body: r.body, createdAt: r.createdAt, replies: [] };
    byId.set(r.id, c);
    const parent = r.parentId ? byId.get(r.parentId) : undefined;
    if (parent) parent.replies.push(c);
    else threads.push(c);
  }
  return { threads, total: rows.length };
}

export async function getComment(db: Database, id: number): Promise<Comment | null> {
  const [row] = await db.select().from(comments).where(eq(comments.id, id)).limit(1);
  return row ?? null;
}

export async function recentCommentsFrom(db: Database, ipHash: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(comments)
    .where(and(eq(comments.ipHash, ipHash), gt(comments.createdAt, since)));
  return row?.n ?? 0;
}

export async function isDuplicateComment(
  db: Database,
  articleId: number,
  bodyHash: string,
  since: Date,
): Promise<boolean> {
  const [row] = await db
    .select({ id: comments.id })
    .from(comments)
    .where(and(eq(comments.bodyHash, bodyHash), eq(comments.articleId, articleId), gt(comments.createdAt, since)))
    .limit(1);
  return !!row;
}

export interface QueueFilter {
  status: CommentStatus;
  articleId?: number;
}

export async function listModerationQueue(db: Database, filter: QueueFilter, limit: number, offset: number) {
  const where: SQL = filter.articleId
    ? and(eq(comments.status, filter.status), eq(comments.articleId, filter.articleId))!
    : eq(comments.status, filter.status);
  const [rows, [total]] = await Promise.all([
    db
      .select({ comment: comments, headline: articles.headline })
      .from(comments)
      .innerJoin(articles, eq(articles.id, comments.articleId))
      .where(where)
      .orderBy(desc(comments.createdAt), desc(comments.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(comments).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** Moderates comments; the comment lists of their articles refresh, the cached article pages stay. */
export async function setCommentStatus(
  db: Database,
  ids: number[],
  status: CommentStatus,
  userId: number,
): Promise<number> {
  if (!ids.length) return 0;
  const affected = await db
    .selectDistinct({ articleId: comments.articleId })
    .from(comments)
    .where(inArray(comments.id, ids));
  const [updated] = await writeContent(
    db,
    [
      db
        .update(comments)
        .set({ status, moderatedAt: new Date(), moderatedBy: userId })
        .where(inArray(comments.id, ids)),
    ],
    affected.map((a) => scope.comments(a.articleId)),
  );
  return updated?.meta.changes ?? 0;
}
