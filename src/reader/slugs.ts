/** What a slug in a reader URL may look like; anything else is a 404 without a query. */
export const isSlug = (s: string) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(s) && s.length <= 120;

/** "/{section}/{slug}-{id}.html" file part -> slug and id. */
export function parseArticleFile(file: string): { slug: string; id: number } | null {
  const m = /^([a-z0-9-]*?)-?([1-9][0-9]{0,9})\.html$/.exec(file);
  if (!m) return null;
  const id = Number(m[2]);
  return id <= 2_147_483_647 ? { slug: m[1] ?? "", id } : null;
}
