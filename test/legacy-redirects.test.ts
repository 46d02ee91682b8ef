// Old addresses of an imported site answer 301 to where the content is now
// (src/reader/legacy-redirect.ts, the legacy_redirects table the importer
// fills: docs/import.md).
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { authorPath, tagPath } from "../src/site/urls";
import { loadDemo } from "./setup/demo";
import { get } from "./setup/http";

beforeAll(loadDemo);

async function first<T>(query: string): Promise<T> {
  const row = await env.DB.prepare(query).first<T>();
  if (!row) throw new Error(`no row: ${query}`);
  return row;
}

describe("old addresses of imported content", () => {
  let articlePath: string;
  let sectionSlug: string;
  let mediaKey: string;
  let tagSlug: string;
  let authorSlug: string;
  beforeAll(async () => {
    const a = await first<{ id: number; slug: string; section: string; section_id: number }>(
      "select a.id, a.slug, s.slug as section, s.id as section_id from articles a join sections s on s.id = a.section_id where a.status = 'published' and a.published_at <= unixepoch() * 1000 order by a.id limit 1",
    );
    articlePath = `/${a.section}/${a.slug}-${a.id}.html`;
    sectionSlug = a.section;
    const tag = await first<{ id: number; slug: string }>("select id, slug from tags order by id limit 1");
    const author = await first<{ id: number; slug: string }>("select id, slug from authors order by id limit 1");
    tagSlug = tag.slug;
    authorSlug = author.slug;
    const img = await first<{ id: number; r2_key: string }>("select id, r2_key from images order by id limit 1");
    mediaKey = img.r2_key;
    const draft = await env.DB.prepare(
      "insert into articles (section_id, author_id, headline, slug, lead, body, status) select section_id, author_id, 'Nháp', 'nhap-cu-legacy', 'x', '[]', 'draft' from articles limit 1 returning id",
    ).first<{ id: number }>();
    const rows: [string, string, number][] = [
      ["/?p=201", "article", a.id],
      ["/2024/10/05/lu-ve-som", "article", a.id],
      ["/lu-ve-som", "article", a.id],
      ["/tin-tức-cũ", "article", a.id],
      ["/category/thoi-su-cu", "section", a.section_id],
      ["/?cat=4", "section", a.section_id],
      ["/tag/lu-lut", "tag", tag.id],
      ["/?tag=lu-lut", "tag", tag.id],
      ["/author/lan", "author", author.id],
      ["/?author=2", "author", author.id],
      ["/wp-content/uploads/2024/10/lu.png", "image", img.id],
      ["/?p=204", "article", draft!.id],
      ["/?p=999", "article", 987654],
    ];
    await env.DB.batch(
      rows.map(([path, kind, id]) =>
        env.DB.prepare("insert into legacy_redirects (path, kind, target_id) values (?, ?, ?)").bind(path, kind, id),
      ),
    );
  });

  it("answer 301 to the current address, cacheable, whatever the old shape", async () => {
    const cases: [string, () => string][] = [
      ["/?p=201", () => articlePath],
      ["/?p=201&utm_source=facebook", () => articlePath],
      ["/2024/10/05/lu-ve-som/", () => articlePath],
      ["/lu-ve-som/", () => articlePath],
      ["/lu-ve-som", () => articlePath],
      ["/tin-t%E1%BB%A9c-c%C5%A9/", () => articlePath],
      ["/category/thoi-su-cu/", () => `/${sectionSlug}`],
      ["/?cat=4", () => `/${sectionSlug}`],
      ["/tag/lu-lut/", () => tagPath(tagSlug)],
      ["/?tag=lu-lut", () => tagPath(tagSlug)],
      ["/author/lan/", () => authorPath(authorSlug)],
      ["/?author=2", () => authorPath(authorSlug)],
      ["/wp-content/uploads/2024/10/lu.png", () => `/media/${mediaKey.split("/").map(encodeURIComponent).join("/")}`],
    ];
    for (const [old, target] of cases) {
      const res = await get(old, { redirect: "manual" });
      expect(res.status, old).toBe(301);
      expect(res.headers.get("location"), old).toBe(target());
      expect(res.headers.get("cache-control"), old).toMatch(/public/);
    }
    expect((await get(articlePath)).status).toBe(200);
    expect((await get(`/${sectionSlug}`)).status).toBe(200);
    expect((await get(tagPath(tagSlug))).status).toBe(200);
    expect((await get(authorPath(authorSlug))).status).toBe(200);
  });

  it("never lead to a draft, a deleted target or an unknown address", async () => {
    for (const path of ["/khong-co-bai-nay/", "/2020/01/01/khong-co/", "/wp-content/uploads/khong-co.jpg"])
      expect((await get(path, { redirect: "manual" })).status, path).toBe(404);
    // A WordPress query the table does not know (or whose article is a draft
    // or gone) is a dead old link: our Vietnamese 404, not the home page.
    for (const path of ["/?p=204", "/?p=999", "/?p=12345", "/?cat=77", "/?tag=khong-co", "/?author=9", "/?page_id=3"]) {
      const res = await get(path, { redirect: "manual" });
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).toContain("Không tìm thấy trang");
    }
    // Any other query is still the home page.
    for (const path of ["/?utm_source=zalo", "/?p=", "/?fbclid=abc"])
      expect((await get(path, { redirect: "manual" })).status, path).toBe(200);
  });
});
