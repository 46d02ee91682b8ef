import { env } from "cloudflare:test";

/** The reader URL of a stored article, by headline. */
export async function articleUrl(headline: string): Promise<string> {
  const row = await env.DB.prepare(
    "select a.id, a.slug, s.slug as section from articles a join sections s on s.id = a.section_id where headline = ?",
  )
    .bind(headline)
    .first<{ id: number; slug: string; section: string }>();
  if (!row) throw new Error(`no article ${headline}`);
  return `/${row.section}/${row.slug}-${row.id}.html`;
}

export async function articleId(headline: string): Promise<number> {
  const row = await env.DB.prepare("select id from articles where headline = ?").bind(headline).first<{ id: number }>();
  if (!row) throw new Error(`no article ${headline}`);
  return row.id;
}
