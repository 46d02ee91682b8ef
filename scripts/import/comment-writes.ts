// Imported reader comments (`--comments`): approved rows of our `comments`
// table, replies one level deep as readers see them (a reply to a reply
// hangs from the top comment), each mapped in `import_mappings` (kind
// "comment", source id "<article id>/<comment id>", since comment ids are
// only promised unique within their article) with a hash of the comment, so
// a rerun adds nothing twice and an edited comment is updated in place.
import { createHash } from "node:crypto";
import { type SQL, sql } from "drizzle-orm";
import { commentBodyHash, normaliseComment } from "../../src/community/comment-rules";
import type { ImportComment, ImportItem } from "./format";

/** Stands in for the keyed hash of the commenter's address, which an import does not have. */
export const IMPORTED_IP_HASH = "import";

export const commentKey = (itemId: string, commentId: string) => `${itemId}/${commentId}`;

export interface KnownMapping {
  targetId: number;
  hash: string;
}

/**
 * Each comment's thread top (null: it is one). A parent that is not earlier in
 * the list (missing, later, itself) makes the comment a top comment.
 */
export function threadTops(list: ImportComment[]): Map<string, string | null> {
  const tops = new Map<string, string | null>();
  for (const c of list) {
    if (tops.has(c.id)) continue;
    if (c.parent === null || c.parent === c.id || !tops.has(c.parent)) tops.set(c.id, null);
    else tops.set(c.id, tops.get(c.parent) ?? c.parent);
  }
  return tops;
}

const hashOf = (c: ImportComment, top: string | null) =>
  createHash("sha256")
    .update(JSON.stringify({ ...c, top }))
    .digest("hex");

/**
 * The statements that bring an article's comments up to date, in thread
 * order (a reply's parent row and mapping come before it, in the same batch).
 */
export async function commentStatements(
  source: string,
  item: ImportItem,
  articleId: number,
  known: Map<string, KnownMapping>,
): Promise<{ statements: SQL[]; added: number; updated: number }> {
  const tops = threadTops(item.comments);
  const statements: SQL[] = [];
  let added = 0;
  let updated = 0;
  const seen = new Set<string>();
  for (const c of item.comments) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    const key = commentKey(item.id, c.id);
    const top = tops.get(c.id) ?? null;
    const hash = hashOf(c, top);
    const had = known.get(key);
    if (had?.hash === hash) continue;
    const n = normaliseComment({ name: c.name, email: c.email, body: c.text });
    const bodyHash = await commentBodyHash(n.body);
    const parent = top
      ? sql`(select target_id from import_mappings where source = ${source} and kind = 'comment' and source_id = ${commentKey(item.id, top)})`
      : sql`null`;
    const createdAt = c.createdAt.getTime();
    if (!had) {
      statements.push(
        sql`insert into comments (article_id, parent_id, name, email, body, body_hash, status, ip_hash, created_at)
            values (${articleId}, ${parent}, ${n.name}, ${n.email || null}, ${n.body}, ${bodyHash}, 'approved', ${IMPORTED_IP_HASH}, ${createdAt})`,
        sql`insert into import_mappings (source, kind, source_id, target_id, hash)
            values (${source}, 'comment', ${key}, (select max(id) from comments), ${hash})
            on conflict (source, kind, source_id) do update set target_id = excluded.target_id, hash = excluded.hash, imported_at = excluded.imported_at`,
      );
      added++;
    } else {
      // Edited at the source: the text follows; a moderator's status here stays.
      statements.push(
        sql`update comments set parent_id = ${parent}, name = ${n.name}, email = ${n.email || null}, body = ${n.body},
            body_hash = ${bodyHash}, created_at = ${createdAt} where id = ${had.targetId} and article_id = ${articleId}`,
        sql`update import_mappings set hash = ${hash} where source = ${source} and kind = 'comment' and source_id = ${key}`,
      );
      updated++;
    }
  }
  return { statements, added, updated };
}
