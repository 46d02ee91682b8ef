// A WordPress site's REST API (/wp-json/wp/v2) as the neutral import document
// (./format.ts): posts with _embed, media, categories, tags and users, 100 a
// page, and the approved comments (one paginated stream for the whole site,
// not a request per post). With WP_USER and WP_APP_PASSWORD (an application password) drafts,
// scheduled and pending posts come too. Each page fetched is kept in a
// folder until the whole read succeeds, so a run stopped by a timeout or a
// 500 half way resumes where it stopped; the message names the page.
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { decodeEntities } from "../../src/content/markup/html-entities";
import { FORMAT_ID } from "./format";
import { type RawComment, readComments } from "./wp-comments";
import { WP_STATUS } from "./wp-status";

type Json = Record<string, unknown>;

export interface RestOptions {
  /** "user:application password", sent as HTTP Basic. */
  auth?: string;
  timeoutMs?: number;
  /** Attempts per page (a 5xx or a timeout is retried). */
  attempts?: number;
  /** Where fetched pages wait for a resumed run; none: nothing kept. */
  resumeDir?: string;
  fetch?: typeof fetch;
  log?: (line: string) => void;
}

export class RestReadError extends Error {}

/** The longest tag name the format takes. */
const TAG_NAME_MAX = 100;

const text = (v: unknown) =>
  decodeEntities(String((v as { rendered?: unknown } | undefined)?.rendered ?? v ?? ""))
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
const rendered = (v: unknown) => String((v as { rendered?: unknown } | undefined)?.rendered ?? "");

function pathOf(url: unknown): string | null {
  try {
    const u = new URL(String(url));
    return u.pathname + u.search;
  } catch {
    return null;
  }
}

/** The paths of a media item's resized copies (media_details.sizes). */
function resizedPaths(m: Json): string[] {
  const sizes = ((m.media_details as Json | undefined)?.sizes ?? {}) as Record<string, Json>;
  return Object.values(sizes)
    .map((size) => pathOf(size?.source_url))
    .filter((p): p is string => !!p)
    .slice(0, 40);
}

export async function readRest(base: string, opts: RestOptions = {}): Promise<unknown> {
  const api = base.replace(/\/+$/, "");
  const doFetch = opts.fetch ?? fetch;
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const attempts = opts.attempts ?? 3;
  const log = opts.log ?? (() => undefined);
  const headers: Record<string, string> = { accept: "application/json" };
  if (opts.auth) headers.authorization = `Basic ${Buffer.from(opts.auth).toString("base64")}`;

  const cacheFile = (name: string) =>
    opts.resumeDir ? join(opts.resumeDir, `${name.replace(/[^\w.-]+/g, "_")}.json`) : null;

  async function page(endpoint: string, n: number): Promise<{ items: Json[]; totalPages: number }> {
    const name = `${endpoint}-${n}`;
    const file = cacheFile(name);
    if (file) {
      const kept = await readFile(file, "utf8").catch(() => null);
      if (kept) return JSON.parse(kept) as { items: Json[]; totalPages: number };
    }
    const sep = endpoint.includes("?") ? "&" : "?";
    const url = `${api}/${endpoint}${sep}page=${n}&per_page=100`;
    let last = "";
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        const res = await doFetch(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
        if (res.status === 400 && n > 1) return { items: [], totalPages: n - 1 }; // past the last page
        if (res.status === 401 || res.status === 403)
          throw new RestReadError(
            `WordPress từ chối truy cập ${url} (${res.status}): kiểm tra WP_USER và WP_APP_PASSWORD.`,
          );
        if (!res.ok) {
          last = `máy chủ trả lời ${res.status}`;
          if (res.status >= 500) continue;
          throw new RestReadError(`Không đọc được ${url}: ${last}.`);
        }
        const body = (await res.json().catch(() => null)) as unknown;
        if (!Array.isArray(body))
          throw new RestReadError(`${url} không trả về danh sách JSON (có phải địa chỉ /wp-json/wp/v2?).`);
        const result = { items: body as Json[], totalPages: Number(res.headers.get("x-wp-totalpages") ?? n) || n };
        if (file) await writeFile(file, JSON.stringify(result));
        return result;
      } catch (error) {
        if (error instanceof RestReadError) throw error;
        const e = error as Error;
        last = e.name === "TimeoutError" ? `hết thời gian chờ (${timeoutMs / 1000} s)` : e.message;
      }
    }
    throw new RestReadError(
      `Dừng ở ${endpoint} trang ${n} (${url}): ${last}, đã thử ${attempts} lần. Các trang đã đọc được giữ lại; chạy lại lệnh để tiếp tục.`,
    );
  }

  async function all(endpoint: string): Promise<Json[]> {
    const out: Json[] = [];
    for (let n = 1; ; n++) {
      const p = await page(endpoint, n);
      out.push(...p.items);
      log(`  ${endpoint}: trang ${n}/${p.totalPages}`);
      if (n >= p.totalPages || p.items.length === 0) return out;
    }
  }

  if (opts.resumeDir) await mkdir(opts.resumeDir, { recursive: true });
  const statuses = opts.auth ? "&status=publish,future,draft,pending,private" : "";
  const categories = await all("categories?_fields=id,slug,name,description,link");
  const tags = await all("tags?_fields=id,name,slug,link");
  const users = await all("users?_fields=id,slug,name,description,link").catch((e) => {
    // Some sites hide their users: authors then come from the posts' _embedded data.
    log(`  ! ${(e as Error).message}`);
    return [] as Json[];
  });
  const media = await all(
    `media?_fields=id,source_url,caption,alt_text,media_details,link${opts.auth ? "&status=inherit,private" : ""}`,
  );
  // Approved comments only ("approve" is the public default, asked for by
  // name all the same); pingbacks are another type and not listed. Read
  // before the posts, the longest read, so a run stopped there resumes with
  // them kept. A site that closes the endpoint still imports, without comments.
  const comments = await all(
    "comments?status=approve&type=comment&orderby=id&order=asc&_fields=id,post,parent,author_name,date_gmt,content",
  ).catch((e) => {
    if (!(e instanceof RestReadError) || /Dừng ở/.test(e.message)) throw e;
    log(`  ! ${e.message} Bỏ qua bình luận.`);
    return [] as Json[];
  });
  // Logged in, the edit context also gives each excerpt as written: an empty
  // one is then empty, not WordPress's excerpt made from the body (as WXR has it).
  const posts = await all(`posts?_embed=author${statuses}${opts.auth ? "&context=edit" : ""}`);
  const commentsByPost = new Map<string, RawComment[]>();
  for (const c of comments) {
    const list = commentsByPost.get(String(c.post)) ?? [];
    list.push({
      id: String(c.id),
      parent: c.parent ? String(c.parent) : null,
      name: text(c.author_name),
      email: "",
      html: rendered(c.content),
      createdAt: typeof c.date_gmt === "string" && c.date_gmt ? `${c.date_gmt.slice(0, 19)}Z` : null,
    });
    commentsByPost.set(String(c.post), list);
  }
  const warnings: string[] = [];

  const tagName = new Map(tags.map((t) => [String(t.id), text(t.name)]));
  const authors = new Map(
    users.map((u) => [
      String(u.id),
      {
        id: String(u.id),
        slug: String(u.slug ?? u.id),
        name: text(u.name) || String(u.slug ?? u.id),
        bio: text(u.description).slice(0, 2000),
        permalinks: [pathOf(u.link), `/?author=${u.id}`].filter(Boolean),
      },
    ]),
  );
  const items = posts.flatMap((p) => {
    const status = WP_STATUS[String(p.status)];
    if (!status) return [];
    const id = String(p.id);
    const author = String(p.author ?? "");
    if (author && !authors.has(author)) {
      const embedded = ((p._embedded as Json | undefined)?.author as Json[] | undefined)?.[0];
      authors.set(author, {
        id: author,
        slug: String(embedded?.slug ?? `tac-gia-${author}`),
        name: text(embedded?.name) || `Tác giả ${author}`,
        bio: "",
        permalinks: [],
      });
    }
    const gmt = typeof p.date_gmt === "string" && p.date_gmt ? `${p.date_gmt.slice(0, 19)}Z` : null;
    const slug = String(p.slug ?? "");
    const date = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(p.date ?? ""));
    const permalinks = [`/?p=${id}`];
    if (status === "published") {
      const link = pathOf(p.link);
      if (link) permalinks.push(link);
      if (slug) {
        permalinks.push(`/${slug}/`);
        if (date) permalinks.push(`/${date[1]}/${date[2]}/${date[3]}/${slug}/`);
      }
    }
    const cats = (p.categories as unknown[] | undefined) ?? [];
    return [
      {
        id,
        status,
        title: text(p.title) || `(không tiêu đề) ${id}`,
        ...(slug ? { slug } : {}),
        excerpt: text(typeof (p.excerpt as Json | undefined)?.raw === "string" ? (p.excerpt as Json).raw : p.excerpt),
        bodyHtml: rendered(p.content),
        publishedAt: status === "draft" || status === "review" ? null : gmt,
        modifiedAt: typeof p.modified_gmt === "string" && p.modified_gmt ? `${p.modified_gmt.slice(0, 19)}Z` : null,
        section: cats.length ? String(cats[0]) : "uncategorized",
        author: author || "unknown",
        tags: ((p.tags as unknown[] | undefined) ?? [])
          .map((t) => tagName.get(String(t)))
          .filter((t): t is string => !!t && t.length <= TAG_NAME_MAX),
        featuredMedia: p.featured_media ? String(p.featured_media) : null,
        permalinks,
        comments: readComments(commentsByPost.get(id) ?? [], `Bài ${id}`, warnings),
      },
    ];
  });
  const sections = categories.map((c) => ({
    id: String(c.id),
    slug: String(c.slug ?? c.id),
    name: text(c.name) || String(c.slug ?? c.id),
    description: text(c.description).slice(0, 500),
    permalinks: [pathOf(c.link), `/?cat=${c.id}`].filter(Boolean),
  }));
  if (items.some((i) => i.section === "uncategorized"))
    sections.push({
      id: "uncategorized",
      slug: "chua-phan-loai",
      name: "Chưa phân loại",
      description: "",
      permalinks: [],
    });
  if (items.some((i) => i.author === "unknown"))
    authors.set("unknown", { id: "unknown", slug: "ban-bien-tap", name: "Ban biên tập", bio: "", permalinks: [] });
  const doc = {
    format: FORMAT_ID,
    source: api.replace(/\/wp-json\/wp\/v2$/, ""),
    baseUrl: `${api.replace(/\/wp-json\/wp\/v2$/, "")}/`,
    sections,
    authors: [...authors.values()],
    media: media.flatMap((m) => {
      const url = String(m.source_url ?? "");
      if (!url) return [];
      const credit = String(((m.media_details as Json | undefined)?.image_meta as Json | undefined)?.credit ?? "");
      return [
        {
          id: String(m.id),
          url,
          alt: text(m.alt_text).slice(0, 300),
          caption: text(m.caption).slice(0, 500),
          credit: credit.slice(0, 100),
          // The resized copies WordPress made ("-300x200.jpg") are old addresses of the photo too.
          permalinks: [`/?attachment_id=${m.id}`, pathOf(url), pathOf(m.link), ...resizedPaths(m)].filter(Boolean),
        },
      ];
    }),
    tags: tags.flatMap((t) => {
      const name = text(t.name);
      const slug = String(t.slug ?? "");
      if (!name || name.length > TAG_NAME_MAX) {
        warnings.push(
          `Thẻ “${(name || slug).slice(0, 60)}” (mã ${t.id}): ${name ? `tên dài hơn ${TAG_NAME_MAX} ký tự` : "không có tên"}, bỏ qua thẻ này.`,
        );
        return [];
      }
      return [
        {
          id: String(t.id),
          name,
          ...(slug ? { slug } : {}),
          permalinks: [pathOf(t.link) ?? `/tag/${slug}/`, ...(slug ? [`/?tag=${slug}`] : [])],
        },
      ];
    }),
    items,
  };
  for (const line of warnings) log(`  ! ${line}`);
  if (opts.resumeDir) await rm(opts.resumeDir, { recursive: true, force: true });
  return doc;
}
