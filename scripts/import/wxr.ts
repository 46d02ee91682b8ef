// A WordPress export (WXR, Tools > Export) as the neutral import document
// (./format.ts). Posts become items, attachments media, wp:author authors,
// categories sections (an article's first category is its section), post_tag
// categories tags (wp:tag with their old archive addresses), approved
// wp:comment comments. Bodies get WordPress's typography and paragraphs
// (./texturize.ts, ./autop.ts), as the site and its REST API showed them;
// titles, captions and comments its typography. Broken XML is refused with its line; a file whose
// declared encoding is wrong is read as what its bytes are; Windows line ends
// and HTML entities in titles are undone.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { decodeEntities } from "../../src/content/markup/html-entities";
import { autop } from "./autop";
import { FORMAT_ID, ImportFormatError } from "./format";
import { texturize } from "./texturize";
import { type RawComment, readComments } from "./wp-comments";
import { WP_STATUS } from "./wp-status";

type Node = Record<string, unknown>;

export interface WxrOptions {
  /** The site's offset for times without a GMT twin (e.g. an unpublished draft): "+07:00". */
  offset?: string;
}

export interface WxrReading {
  doc: unknown;
  warnings: string[];
}

const ARRAYS = new Set([
  "rss.channel.item",
  "rss.channel.wp:author",
  "rss.channel.wp:category",
  "rss.channel.wp:tag",
  "rss.channel.item.category",
  "rss.channel.item.wp:postmeta",
  "rss.channel.item.wp:comment",
]);

/** The longest tag name the format takes. */
const TAG_NAME_MAX = 100;

/** The text as written: UTF-8 when the bytes are UTF-8 (whatever the declaration says), else the declared encoding. */
export function decodeXml(bytes: Uint8Array, warnings: string[]): string {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 200));
  const declared = /encoding\s*=\s*["']([\w.-]+)["']/i.exec(head)?.[1]?.toLowerCase() ?? "utf-8";
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    if (declared !== "utf-8" && declared !== "utf8")
      warnings.push(`Tệp khai báo bảng mã ${declared} nhưng nội dung là UTF-8: đọc theo UTF-8.`);
    return text.replace(/^\ufeff/, "");
  } catch {
    const label = declared === "utf-8" || declared === "utf8" ? "windows-1252" : declared;
    let decoder: TextDecoder;
    try {
      decoder = new TextDecoder(label);
    } catch {
      throw new ImportFormatError(`Tệp WXR không phải UTF-8 và bảng mã khai báo “${declared}” không đọc được.`);
    }
    warnings.push(`Tệp không phải UTF-8: đọc theo bảng mã ${label}. Hãy kiểm tra chữ có dấu sau khi nhập.`);
    return decoder.decode(bytes);
  }
}

const str = (v: unknown): string => {
  if (v === undefined || v === null) return "";
  if (typeof v === "object") return str((v as Node)["#text"]);
  return String(v);
};
const plain = (v: unknown) => decodeEntities(str(v)).replace(/\s+/g, " ").trim();
const termId = (term: Node) => /^\d+$/.exec(plain(term["wp:term_id"]))?.[0];

/** "2019-05-01 01:30:00" (GMT) as ISO with Z; null for WordPress's zero date. */
function gmt(value: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/.exec(value.trim());
  if (!m || m[1]!.startsWith("0000")) return null;
  return `${m[1]}T${m[2]}Z`;
}
function local(value: string, offset: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/.exec(value.trim());
  if (!m || m[1]!.startsWith("0000")) return null;
  return `${m[1]}T${m[2]}${offset}`;
}

/**
 * The site's offset from UTC as the export shows it: the most common
 * difference between a post's local and GMT dates (the export does not name
 * the time zone). Used only for times that have no GMT twin.
 */
function siteOffset(items: Node[]): string | null {
  const counts = new Map<number, number>();
  for (const item of items) {
    const at = gmt(plain(item["wp:post_date_gmt"]));
    const localAt = gmt(plain(item["wp:post_date"]));
    if (!at || !localAt) continue;
    const minutes = Math.round((Date.parse(localAt) - Date.parse(at)) / 60_000);
    if (Math.abs(minutes) <= 14 * 60) counts.set(minutes, (counts.get(minutes) ?? 0) + 1);
  }
  const best = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (best === undefined) return null;
  const abs = Math.abs(best);
  return `${best < 0 ? "-" : "+"}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/**
 * The paths of an attachment's resized copies ("photo-300x200.jpg", beside
 * the original), named in its serialized _wp_attachment_metadata.
 */
function resizedPaths(url: string, metadata: string | undefined): string[] {
  const dir = pathOf(url)?.replace(/[^/]*$/, "");
  if (!dir || !metadata) return [];
  const files = [...metadata.matchAll(/s:4:"file";s:\d+:"([^"/]+)"/g)].map((m) => m[1]!);
  return [...new Set(files)].slice(0, 40).map((f) => dir + f);
}

function pathOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.pathname + u.search;
  } catch {
    return null;
  }
}

/** An item's approved comments (wp:comment_approved 1; not pingbacks), as written. */
function approvedComments(item: Node, offset: string): RawComment[] {
  return ((item["wp:comment"] as Node[] | undefined) ?? []).flatMap((c) => {
    const type = plain(c["wp:comment_type"]);
    if (plain(c["wp:comment_approved"]) !== "1" || (type && type !== "comment")) return [];
    return [
      {
        id: plain(c["wp:comment_id"]),
        parent: plain(c["wp:comment_parent"]) || null,
        name: plain(c["wp:comment_author"]),
        email: plain(c["wp:comment_author_email"]),
        html: texturize(str(c["wp:comment_content"])),
        createdAt: gmt(plain(c["wp:comment_date_gmt"])) ?? local(plain(c["wp:comment_date"]), offset),
      },
    ];
  });
}

export function readWxr(input: Uint8Array | string, options: WxrOptions = {}): WxrReading {
  const warnings: string[] = [];
  const text = (typeof input === "string" ? input : decodeXml(input, warnings)).replace(/\r\n?/g, "\n");
  const valid = XMLValidator.validate(text);
  if (valid !== true)
    throw new ImportFormatError(
      `Tệp WXR hỏng ở dòng ${valid.err.line}, cột ${valid.err.col}: ${valid.err.msg} (hãy xuất lại từ WordPress).`,
    );
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    processEntities: true,
    htmlEntities: true,
    isArray: (_name, jpath) => ARRAYS.has(String(jpath)),
  });
  const root = parser.parse(text) as Node;
  const channel = (root.rss as Node | undefined)?.channel as Node | undefined;
  if (!channel) throw new ImportFormatError("Tệp không phải bản xuất WordPress (không có rss > channel).");
  const baseUrl = plain(channel["wp:base_site_url"]) || plain(channel.link);
  const offset = options.offset ?? siteOffset((channel.item as Node[] | undefined) ?? []) ?? "+07:00";

  // The export has the login, not the archive's nicename; WordPress makes
  // the nicename from the login, so /author/<login>/ is its archive.
  const authors: { id: string; slug: string; name: string; permalinks?: string[] }[] = (
    (channel["wp:author"] as Node[] | undefined) ?? []
  ).map((a) => {
    const login = plain(a["wp:author_login"]);
    const userId = /^\d+$/.exec(plain(a["wp:author_id"]))?.[0];
    return {
      id: login,
      slug: login,
      name: plain(a["wp:author_display_name"]) || login,
      permalinks: [`/author/${login}/`, ...(userId ? [`/?author=${userId}`] : [])],
    };
  });
  const sections = new Map<
    string,
    { id: string; slug: string; name: string; description: string; permalinks: string[] }
  >();
  for (const c of (channel["wp:category"] as Node[] | undefined) ?? []) {
    const slug = plain(c["wp:category_nicename"]);
    if (!slug) continue;
    sections.set(slug, {
      id: slug,
      slug,
      name: plain(c["wp:cat_name"]) || slug,
      description: plain(c["wp:category_description"]),
      permalinks: [`/category/${slug}/`, ...(termId(c) ? [`/?cat=${termId(c)}`] : [])],
    });
  }
  const tags = new Map<string, { id: string; name: string; slug: string; permalinks: string[] }>();
  const addTag = (slug: string, name: string, where: string) => {
    if (!slug || tags.has(slug)) return tags.has(slug);
    if (!name || name.length > TAG_NAME_MAX) {
      warnings.push(
        `Thẻ “${(name || slug).slice(0, 60)}” (${where}): ${name ? `tên dài hơn ${TAG_NAME_MAX} ký tự` : "không có tên"}, bỏ qua thẻ này.`,
      );
      return false;
    }
    tags.set(slug, { id: slug, name, slug, permalinks: [`/tag/${slug}/`, `/?tag=${slug}`] });
    return true;
  };
  for (const t of (channel["wp:tag"] as Node[] | undefined) ?? [])
    addTag(plain(t["wp:tag_slug"]), plain(t["wp:tag_name"]), `mã ${plain(t["wp:term_id"]) || "?"}`);

  const media: Node[] = [];
  const items: Node[] = [];
  const ignored = new Map<string, number>();
  const authorIds = new Set(authors.map((a) => a.id));
  for (const item of (channel.item as Node[] | undefined) ?? []) {
    const type = plain(item["wp:post_type"]);
    const id = plain(item["wp:post_id"]);
    const meta = new Map(
      ((item["wp:postmeta"] as Node[] | undefined) ?? []).map((m) => [
        plain(m["wp:meta_key"]),
        str(m["wp:meta_value"]),
      ]),
    );
    if (type === "attachment") {
      const url = plain(item["wp:attachment_url"]) || plain(item.guid);
      if (!url) {
        warnings.push(`Ảnh ${id}: không có wp:attachment_url, bỏ qua.`);
        continue;
      }
      media.push({
        id,
        url,
        alt: plain(meta.get("_wp_attachment_image_alt")).slice(0, 300),
        caption: plain(texturize(str(item["excerpt:encoded"]))).slice(0, 500),
        credit: plain(meta.get("credit") ?? meta.get("_credit")).slice(0, 100),
        permalinks: [
          `/?attachment_id=${id}`,
          pathOf(url),
          ...resizedPaths(url, meta.get("_wp_attachment_metadata")),
        ].filter(Boolean),
      });
      continue;
    }
    if (type !== "post") {
      ignored.set(type || "?", (ignored.get(type || "?") ?? 0) + 1);
      continue;
    }
    const wpStatus = plain(item["wp:status"]);
    const status = WP_STATUS[wpStatus];
    if (!status) {
      ignored.set(`post/${wpStatus}`, (ignored.get(`post/${wpStatus}`) ?? 0) + 1);
      continue;
    }
    const categories = (item.category as Node[] | undefined) ?? [];
    const sectionCat = categories.find((c) => c["@_domain"] === "category");
    let section = sectionCat ? str(sectionCat["@_nicename"]) : "";
    if (!section) section = "uncategorized";
    if (!sections.has(section))
      sections.set(section, {
        id: section,
        slug: section,
        name: sectionCat ? plain(sectionCat) || section : "Chưa phân loại",
        description: "",
        permalinks: [`/category/${section}/`],
      });
    const author = plain(item["dc:creator"]);
    if (author && !authorIds.has(author)) {
      authors.push({ id: author, slug: author, name: author });
      authorIds.add(author);
    }
    const slug = plain(item["wp:post_name"]);
    const postDate = plain(item["wp:post_date"]);
    const published =
      gmt(plain(item["wp:post_date_gmt"])) ??
      (status === "draft" || status === "review" ? null : local(postDate, offset));
    const datePath = /^(\d{4})-(\d{2})-(\d{2})/.exec(postDate);
    const permalinks = [`/?p=${id}`];
    const link = pathOf(plain(item.link));
    if (link && status === "published") permalinks.push(link);
    if (slug && status === "published") {
      permalinks.push(`/${slug}/`);
      if (datePath) permalinks.push(`/${datePath[1]}/${datePath[2]}/${datePath[3]}/${slug}/`);
    }
    items.push({
      id,
      status,
      title: plain(texturize(str(item.title))) || `(không tiêu đề) ${id}`,
      ...(slug ? { slug } : {}),
      excerpt: str(item["excerpt:encoded"]),
      bodyHtml: autop(texturize(str(item["content:encoded"]))),
      publishedAt: published,
      modifiedAt: gmt(plain(item["wp:post_modified_gmt"])),
      section,
      author: author || (authors[0]?.id ?? "unknown"),
      tags: categories
        .filter((c) => c["@_domain"] === "post_tag")
        .filter((c) => addTag(str(c["@_nicename"]) || plain(c), plain(c), `bài ${id}`))
        .map((c) => plain(c)),
      featuredMedia: meta.get("_thumbnail_id")?.trim() || null,
      permalinks,
      comments: readComments(approvedComments(item, offset), `Bài ${id}`, warnings),
    });
  }
  if (!authors.length) authors.push({ id: "unknown", slug: "ban-bien-tap", name: "Ban biên tập" });
  // The export keeps "[gallery ids=…]" as written (WordPress draws it only
  // when showing the post, as the REST API's content has it): its photos
  // become figures here, or they would be lost.
  const mediaById = new Map(media.map((m) => [String(m.id), m]));
  const quote = (v: unknown) =>
    String(v ?? "")
      .replace(/&/g, "&amp;")
      .replace(/"/g, "&quot;")
      .replace(/</g, "&lt;");
  for (const item of items) {
    item.bodyHtml = String(item.bodyHtml).replace(/\[gallery\b([^\]]*)\]/gi, (whole, attrs: string) => {
      const ids = /\bids="([\d,\s]+)"/.exec(attrs)?.[1];
      if (!ids) return whole;
      return ids
        .split(",")
        .map((i) => mediaById.get(i.trim()))
        .filter((m) => m !== undefined)
        .map(
          (m) =>
            `<figure><img src="${quote(m.url)}" alt="${quote(m.alt)}"><figcaption>${quote(m.caption)}</figcaption></figure>`,
        )
        .join("\n");
    });
  }
  for (const [type, n] of ignored) warnings.push(`Bỏ qua ${n} mục loại ${type}.`);
  return {
    doc: {
      format: FORMAT_ID,
      source: baseUrl || "wxr",
      ...(baseUrl ? { baseUrl } : {}),
      sections: [...sections.values()],
      authors,
      media,
      tags: [...tags.values()],
      items,
    },
    warnings,
  };
}
