// Old addresses of imported content (docs/import.md): where one points now.
import { sql } from "drizzle-orm";
import { articlePath, authorPath, mediaPath, sectionPath, tagPath } from "../site/urls";
import type { Database } from "./client";

/**
 * The current path of what an old address (its key from
 * src/site/legacy-paths.ts) names, or null: no such address, or its target
 * is gone or (an article) not published. One indexed lookup.
 */
export async function legacyTargetPath(db: Database, key: string): Promise<string | null> {
  const [row] = await db.all<{
    kind: string;
    aid: number | null;
    aslug: string | null;
    astatus: string | null;
    apub: number | null;
    asection: string | null;
    sslug: string | null;
    tslug: string | null;
    auslug: string | null;
    r2key: string | null;
  }>(sql`
    select r.kind, a.id as aid, a.slug as aslug, a.status as astatus, a.published_at as apub, asec.slug as asection,
           s.slug as sslug, t.slug as tslug, au.slug as auslug, i.r2_key as r2key
      from legacy_redirects r
      left join articles a on r.kind = 'article' and a.id = r.target_id
      left join sections asec on asec.id = a.section_id
      left join sections s on r.kind = 'section' and s.id = r.target_id
      left join tags t on r.kind = 'tag' and t.id = r.target_id
      left join authors au on r.kind = 'author' and au.id = r.target_id
      left join images i on r.kind = 'image' and i.id = r.target_id
     where r.path = ${key}
     limit 1`);
  if (!row) return null;
  switch (row.kind) {
    case "article":
      return row.aid !== null &&
        row.aslug &&
        row.asection &&
        row.astatus === "published" &&
        (row.apub ?? 0) <= Date.now()
        ? articlePath({ id: row.aid, slug: row.aslug, section: { slug: row.asection } })
        : null;
    case "section":
      return row.sslug ? sectionPath(row.sslug) : null;
    case "tag":
      return row.tslug ? tagPath(row.tslug) : null;
    case "author":
      return row.auslug ? authorPath(row.auslug) : null;
    case "image":
      return row.r2key ? mediaPath(row.r2key) : null;
    default:
      return null;
  }
}
