// Old addresses of imported content (docs/import.md), written by the importer
// and looked up by the reader in one normal form, so "/slug", "/slug/" and
// "https://old.example/slug/" are one row.

/** Query keys that name content in WordPress addresses ("/?p=12"); others are dropped. */
const KEPT_QUERY = ["p", "page_id", "cat", "tag", "author", "attachment_id"];
const MAX_PATH = 1000;

/**
 * The stored form of an old address: the path, percent-decoded where valid,
 * without the trailing slash, plus a content-naming query ("/?p=12"); null for
 * what cannot be one (not a path or an http(s) URL, too long).
 */
export function legacyPathKey(address: string): string | null {
  const raw = address.trim();
  if (!raw || raw.length > MAX_PATH) return null;
  let url: URL;
  try {
    url = new URL(raw, "http://legacy.invalid");
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (!raw.startsWith("/") && !/^https?:\/\//i.test(raw)) return null;
  let path = url.pathname;
  try {
    path = decodeURI(path);
  } catch {
    // Keep it encoded: a broken escape is still a stable key.
  }
  path = path.normalize("NFC").replace(/\/{2,}/g, "/");
  if (path.length > 1) path = path.replace(/\/+$/, "");
  const query = KEPT_QUERY.flatMap((k) => {
    const v = url.searchParams.get(k);
    return v !== null && /^[\w-]{1,100}$/.test(v) ? [`${k}=${v}`] : [];
  });
  const key = query.length ? `${path}?${query.join("&")}` : path;
  return key.length > MAX_PATH ? null : key;
}
