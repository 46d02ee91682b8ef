import { desc } from "drizzle-orm";
import type { Database } from "./client";
import { auditLog } from "./schema";

export type AuditAction =
  | "login"
  | "login.failed"
  | "logout"
  | "logout.everywhere"
  | "password.change"
  | "article.publish"
  | "article.unpublish"
  | "article.schedule"
  | "article.publish_time"
  | "article.correct"
  | "article.delete"
  | "user.create"
  | "user.role"
  | "user.author"
  | "author.create"
  | "author.save"
  | "section.create"
  | "section.save"
  | "section.rename"
  | "section.reorder"
  | "user.password.reset"
  | "session.end"
  | "session.end.others"
  | "image.upload"
  | "image.delete"
  | "image.edit"
  | "settings.change"
  | "menus.change"
  | "page.save"
  | "page.delete"
  | "breaking.start"
  | "breaking.end";

export function auditEntry(
  db: Database,
  e: { userId: number | null; action: AuditAction; target?: string; detail?: string },
) {
  return db
    .insert(auditLog)
    .values({ userId: e.userId, action: e.action, target: e.target ?? "", detail: e.detail ?? "" });
}

export async function audit(
  db: Database,
  e: { userId: number | null; action: AuditAction; target?: string; detail?: string },
): Promise<void> {
  await auditEntry(db, e);
}

export function listAudit(db: Database, limit: number, offset: number) {
  return db.select().from(auditLog).orderBy(desc(auditLog.at), desc(auditLog.id)).limit(limit).offset(offset);
}
