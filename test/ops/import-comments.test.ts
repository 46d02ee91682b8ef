// The writer's tags, comments and modified times, and its batching of several
// articles per D1 call, against a real throwaway local D1 (wrangler's
// platform proxy). A failing article is made by a real SQLite trigger, so the
// combined call really fails and the retry one by one really runs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IMPORTED_IP_HASH, threadTops } from "../../scripts/import/comment-writes";
import { FORMAT_ID, readDocument } from "../../scripts/import/format";
import { writeImport } from "../../scripts/import/writer";
import { withLocalPlatform } from "../../scripts/local-platform";
import { createTempState, removeTempState } from "../../scripts/temp-state";
import { commentBodyHash } from "../../src/community/comment-rules";

const noImages = async () => {
  throw new Error("không có ảnh trong bài thử");
};

function document(overrides: { comments?: unknown[]; items?: unknown[] } = {}) {
  const comments = overrides.comments ?? [
    {
      id: 1,
      parent: null,
      name: "Chú Ba",
      email: "ba@example.vn",
      text: "Bài hay quá.",
      createdAt: "2024-10-05T10:00:00+07:00",
    },
    { id: 2, parent: 1, name: "Cô Tư", text: "Đồng ý  với chú\r\nBa.", createdAt: "2024-10-05T11:00:00+07:00" },
    { id: 3, parent: 2, name: "Anh Năm", text: "Trả lời cô Tư.", createdAt: "2024-10-05T12:00:00+07:00" },
    { id: 4, parent: 99, name: "Chị Sáu", text: "Cha không có.", createdAt: "2024-10-05T13:00:00+07:00" },
  ];
  return readDocument({
    format: FORMAT_ID,
    source: "bao-thu",
    sections: [{ id: "ts", name: "Thời sự" }],
    authors: [{ id: "lan", name: "Trần Thị Lan" }],
    tags: [
      { id: 7, name: "Lũ lụt", slug: "lu-lut", permalinks: ["/tag/lu-lut/", "/?tag=lu-lut"] },
      { id: 8, name: "Cần Thơ", permalinks: ["/tag/can-tho/"] },
    ],
    items: overrides.items ?? [
      {
        id: 201,
        status: "published",
        title: "Lũ về sớm",
        bodyHtml: "<p>Nước lên nhanh.</p>",
        publishedAt: "2024-10-05T08:30:00+07:00",
        modifiedAt: "2024-10-06T09:00:00+07:00",
        section: "ts",
        author: "lan",
        tags: ["Lũ lụt"],
        permalinks: ["/?p=201"],
        comments,
      },
    ],
  });
}

let dir: string;
beforeAll(async () => {
  dir = await createTempState("edge-news-import-comments");
});
afterAll(async () => {
  if (dir) await removeTempState(dir);
});

describe("threads", () => {
  it("hangs a reply to a reply from the top comment; an unknown parent makes a top comment", () => {
    const { doc } = document();
    expect([...threadTops(doc.items[0]!.comments)]).toEqual([
      ["1", null],
      ["2", "1"],
      ["3", "1"],
      ["4", null],
    ]);
  });
});

describe("tags, comments and times, on a real local D1", () => {
  it("maps tags with their old addresses, and writes comments only with --comments, once", async () => {
    await withLocalPlatform(async (env) => {
      const all = <T>(q: string, ...params: unknown[]) =>
        env.DB.prepare(q)
          .bind(...params)
          .all<T>()
          .then((r) => r.results);
      const { doc, problems } = document();
      const first = await writeImport(env, doc, problems, { fetchBytes: noImages });
      expect([first.imported, first.tags, first.commentsAdded]).toEqual([1, 2, 0]);
      const tags = await all<{ id: number; slug: string; name: string }>(
        "select id, slug, name from tags order by slug",
      );
      expect(tags.map((t) => [t.slug, t.name])).toEqual([
        ["can-tho", "Cần Thơ"],
        ["lu-lut", "Lũ lụt"],
      ]);
      const luLut = tags.find((t) => t.slug === "lu-lut")!;
      expect(
        await all("select path, kind, target_id as t from legacy_redirects where kind = 'tag' order by path"),
      ).toEqual([
        { path: "/?tag=lu-lut", kind: "tag", t: luLut.id },
        { path: "/tag/can-tho", kind: "tag", t: tags[0]!.id },
        { path: "/tag/lu-lut", kind: "tag", t: luLut.id },
      ]);
      expect(
        await all("select source_id as s, target_id as t from import_mappings where kind = 'tag' order by source_id"),
      ).toEqual([
        { s: "7", t: luLut.id },
        { s: "8", t: tags[0]!.id },
      ]);
      // The article's tag is the same row (matched by name, as the newsroom does).
      const [article] = await all<{ id: number; updated_at: number }>("select id, updated_at from articles");
      expect(await all("select tag_id as t from article_tags")).toEqual([{ t: luLut.id }]);
      expect(new Date(article!.updated_at).toISOString()).toBe("2024-10-06T02:00:00.000Z");
      expect(await all("select id from comments")).toEqual([]);

      // With --comments: the unchanged article is not rewritten; its comments come in.
      const second = await writeImport(env, doc, problems, { fetchBytes: noImages, comments: true });
      expect([second.imported, second.updated, second.commentsAdded, second.commentsUpdated]).toEqual([0, 0, 4, 0]);
      const rows = await all<{
        id: number;
        parent_id: number | null;
        name: string;
        email: string | null;
        body: string;
        body_hash: string;
        status: string;
        ip_hash: string;
        created_at: number;
      }>("select * from comments order by id");
      const byName = new Map(rows.map((r) => [r.name, r]));
      const top = byName.get("Chú Ba")!;
      expect(rows.map((r) => [r.name, r.parent_id, r.status, r.ip_hash])).toEqual([
        ["Chú Ba", null, "approved", IMPORTED_IP_HASH],
        ["Cô Tư", top.id, "approved", IMPORTED_IP_HASH],
        ["Anh Năm", top.id, "approved", IMPORTED_IP_HASH],
        ["Chị Sáu", null, "approved", IMPORTED_IP_HASH],
      ]);
      expect(byName.get("Cô Tư")!.body).toBe("Đồng ý  với chú\nBa.");
      expect(byName.get("Cô Tư")!.body_hash).toBe(await commentBodyHash("Đồng ý  với chú\nBa."));
      expect(new Date(top.created_at).toISOString()).toBe("2024-10-05T03:00:00.000Z");
      // The article page's comment list misses (its cache version moved).
      expect(await all("select scope from cache_versions where scope = ?", `comments:${article!.id}`)).toHaveLength(1);

      // Rerun: nothing changes. An edited comment is updated in place.
      const third = await writeImport(env, doc, problems, { fetchBytes: noImages, comments: true });
      expect([third.commentsAdded, third.commentsUpdated]).toEqual([0, 0]);
      const edited = document({
        comments: [
          {
            id: 1,
            parent: null,
            name: "Chú Ba",
            text: "Bài hay, cảm ơn tác giả.",
            createdAt: "2024-10-05T10:00:00+07:00",
          },
          { id: 2, parent: 1, name: "Cô Tư", text: "Đồng ý  với chú\r\nBa.", createdAt: "2024-10-05T11:00:00+07:00" },
          { id: 3, parent: 2, name: "Anh Năm", text: "Trả lời cô Tư.", createdAt: "2024-10-05T12:00:00+07:00" },
          { id: 4, parent: 99, name: "Chị Sáu", text: "Cha không có.", createdAt: "2024-10-05T13:00:00+07:00" },
        ],
      });
      const fourth = await writeImport(env, edited.doc, edited.problems, { fetchBytes: noImages, comments: true });
      expect([fourth.updated, fourth.commentsAdded, fourth.commentsUpdated]).toEqual([0, 0, 1]);
      const after = await all<{ id: number; body: string; email: string | null }>(
        "select id, body, email from comments order by id",
      );
      expect(after.map((r) => r.id)).toEqual(rows.map((r) => r.id));
      expect(after[0]).toMatchObject({ id: top.id, body: "Bài hay, cảm ơn tác giả.", email: null });
    }, dir);
  });

  it("sends a group's articles in one D1 call; a failing article is retried alone and named", async () => {
    await withLocalPlatform(async (env) => {
      const item = (n: number, title = `Tin số ${n}`) => ({
        id: 1000 + n,
        status: "published",
        title,
        bodyHtml: `<p>Nội dung ${n}.</p>`,
        publishedAt: "2024-10-05T08:30:00+07:00",
        section: "ts",
        author: "lan",
        tags: ["Cần Thơ"],
        permalinks: [`/?p=${1000 + n}`],
      });
      await env.DB.prepare(
        "create trigger import_test_boom before insert on articles when new.headline = 'Bài hỏng' begin select raise(abort, 'bài hỏng theo ý bài thử'); end",
      ).run();
      let calls = 0;
      const counted = new Proxy(env.DB, {
        get(target, key) {
          if (key === "batch")
            return (statements: D1PreparedStatement[]) => {
              calls++;
              return target.batch(statements);
            };
          const value = Reflect.get(target, key);
          return typeof value === "function" ? value.bind(target) : value;
        },
      });
      const items = [...Array.from({ length: 9 }, (_, i) => item(i)), item(9, "Bài hỏng")];
      const { doc, problems } = document({ items });
      const before = (await env.DB.prepare("select count(*) as n from articles").first<number>("n")) ?? 0;
      const report = await writeImport({ DB: counted, MEDIA: env.MEDIA }, doc, problems, { fetchBytes: noImages });
      await env.DB.prepare("drop trigger import_test_boom").run();
      expect(report.imported).toBe(9);
      expect(report.skipped).toHaveLength(1);
      expect(report.skipped[0]!.item).toContain("1009");
      expect(report.skipped[0]!.reason).toContain("bài hỏng theo ý bài thử");
      expect(await env.DB.prepare("select count(*) as n from articles").first<number>("n")).toBe(before + 9);
      // Sections, authors, tags: a few calls; the ten articles: one combined call, then ten alone.
      expect(calls).toBeLessThan(20);
      // Ids follow the source order.
      const ids = await env.DB.prepare(
        "select a.id, m.source_id as s from articles a join import_mappings m on m.kind = 'article' and m.target_id = a.id where m.source_id like '100%' order by a.id",
      ).all<{ s: string }>();
      expect(ids.results.map((r) => r.s)).toEqual(items.slice(0, 9).map((i) => String(i.id)));
    }, dir);
  });
});
