// Migrations are forward-only, reviewed SQL: they build the schema the code
// expects, and a database that already holds a paper keeps every row through
// every later migration. Runs on two empty D1 databases of its own
// (MIGRATIONS_EMPTY_DB, MIGRATIONS_DATA_DB in vitest.config.ts).
import { applyD1Migrations, env } from "cloudflare:test";
import { is } from "drizzle-orm";
import { getTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../src/db/client";
import * as schema from "../src/db/schema";
import { searchArticles } from "../src/db/search";
import { reindexAllArticles } from "../src/db/search-reindex";
import { parseSearchQuery } from "../src/search/query";

const migrations = env.TEST_MIGRATIONS;

// Tables holding what the newsroom and readers wrote. A migration that drops
// one (drizzle-kit's "recreate the table" for some ALTERs does) would lose
// data in production unless its copy step is right: such a change must be
// written and reviewed by hand instead, without DROP TABLE.
const CONTENT_TABLES = [
  "sections",
  "authors",
  "images",
  "articles",
  "tags",
  "article_tags",
  "article_revisions",
  "users",
  "audit_log",
  "comments",
  "polls",
  "poll_options",
  "poll_articles",
  "poll_voters",
];

const tablesOf = async (db: D1Database) =>
  (await db.prepare("select name from sqlite_master where type = 'table'").all<{ name: string }>()).results.map(
    (r) => r.name,
  );

const columnsOf = async (db: D1Database, table: string) =>
  (await db.prepare(`pragma table_info("${table}")`).all<{ name: string }>()).results.map((r) => r.name).sort();

describe("migration files", () => {
  it("are numbered 0000, 0001, … without gaps or duplicates", () => {
    expect(migrations.length).toBeGreaterThan(0);
    for (const m of migrations) expect(m.name).toMatch(/^\d{4}_[a-z0-9_]+\.sql$/);
    expect(migrations.map((m) => m.name.slice(0, 4))).toEqual(migrations.map((_, i) => String(i).padStart(4, "0")));
  });

  it("never drop a content table", () => {
    const drops = migrations.flatMap((m) =>
      [...m.queries.join("\n").matchAll(/drop\s+table\s+(?:if\s+exists\s+)?[`"'[]?(\w+)/gi)].map(
        (d) => `${m.name}: ${d[1]}`,
      ),
    );
    expect(drops.filter((d) => CONTENT_TABLES.includes(d.split(": ")[1]!))).toEqual([]);
  });
});

describe("applying the migrations", () => {
  it("builds, on an empty database, every table and column src/db/schema.ts declares", async () => {
    const db = env.MIGRATIONS_EMPTY_DB;
    await applyD1Migrations(db, migrations);
    const applied = (
      await db.prepare("select name from d1_migrations order by id").all<{ name: string }>()
    ).results.map((r) => r.name);
    expect(applied).toEqual(migrations.map((m) => m.name));
    const tables = await tablesOf(db);
    expect(tables).toEqual(expect.arrayContaining(["search_index", "search_toned", ...CONTENT_TABLES]));
    const declared = (Object.values(schema) as unknown[]).filter((v): v is SQLiteTable => is(v, SQLiteTable));
    expect(declared.length).toBeGreaterThan(15);
    for (const table of declared) {
      const config = getTableConfig(table);
      expect({ table: config.name, columns: await columnsOf(db, config.name) }).toEqual({
        table: config.name,
        columns: config.columns.map((c) => c.name).sort(),
      });
    }
  });

  it("keeps a paper's rows through every later migration, and search finds them after a reindex", async () => {
    const db = env.MIGRATIONS_DATA_DB;
    // The first schema articles were ever written in.
    const [first, ...later] = migrations;
    await applyD1Migrations(db, [first!]);
    const body = JSON.stringify([
      { type: "paragraph", text: "Mưa lớn kéo dài ở Đà Nẵng, nhiều tuyến đường ngập sâu." },
    ]);
    await db.batch([
      db.prepare(
        "insert into sections (id, slug, name, description, position) values (1, 'thoi-su', 'Thời sự', 'Tin trong ngày', 0)",
      ),
      db.prepare(
        "insert into authors (id, slug, name, byline, bio) values (1, 'minh-chau', 'Nguyễn Minh Châu', 'Minh Châu', 'Phóng viên thời sự')",
      ),
      db.prepare(
        "insert into images (id, r2_key, width, height, mime, bytes, alt, caption, credit, created_at) values (1, 'photos/2026/mua.jpg', 1200, 675, 'image/jpeg', 51234, 'Đường ngập nước', 'Đường Lê Duẩn sáng nay', 'M.C', 1790000000000)",
      ),
      db
        .prepare(
          "insert into articles (id, section_id, author_id, kicker, headline, slug, lead, body, status, hero_image_id, published_at, created_at, updated_at) values (1, 1, 1, 'Thời tiết', 'Đà Nẵng mưa lớn, phố thành sông', 'da-nang-mua-lon-pho-thanh-song', 'Cơn mưa kéo dài từ đêm qua.', ?, 'published', 1, 1790000000000, 1790000000000, 1790000000000)",
        )
        .bind(body),
      db.prepare(
        "insert into articles (id, section_id, author_id, kicker, headline, slug, lead, body, status, hero_image_id, published_at, created_at, updated_at) values (2, 1, 1, null, 'Bản nháp chưa đăng', 'ban-nhap', 'Chưa đăng.', '[]', 'draft', null, null, 1790000000000, 1790000000000)",
      ),
      db.prepare("insert into tags (id, slug, name) values (1, 'thoi-tiet', 'Thời tiết'), (2, 'da-nang', 'Đà Nẵng')"),
      db.prepare("insert into article_tags (article_id, tag_id, position) values (1, 1, 0), (1, 2, 1)"),
    ]);
    const snapshot = async () => ({
      sections: (await db.prepare("select id, slug, name, description, position from sections").all()).results,
      authors: (await db.prepare("select id, slug, name, byline, bio from authors").all()).results,
      images: (
        await db
          .prepare("select id, r2_key, width, height, mime, bytes, alt, caption, credit, created_at from images")
          .all()
      ).results,
      articles: (
        await db
          .prepare(
            "select id, section_id, author_id, kicker, headline, slug, lead, body, status, hero_image_id, published_at, created_at, updated_at from articles order by id",
          )
          .all()
      ).results,
      tags: (await db.prepare("select id, slug, name from tags order by id").all()).results,
      articleTags: (
        await db.prepare("select article_id, tag_id, position from article_tags order by article_id, tag_id").all()
      ).results,
    });
    const before = await snapshot();

    await applyD1Migrations(db, migrations);
    const applied = await db.prepare("select count(*) as n from d1_migrations").first<number>("n");
    expect(applied).toBe(1 + later.length);
    expect(await snapshot()).toEqual(before);
    // Columns added later got their defaults, so the newsroom can edit these articles.
    expect((await db.prepare("select version from articles order by id").all()).results).toEqual([
      { version: 1 },
      { version: 1 },
    ]);
    expect((await db.prepare("pragma foreign_key_check").all()).results).toEqual([]);

    const app = openDatabase(db);
    expect(await reindexAllArticles(app)).toBe(2);
    const search = async (q: string) => {
      const parsed = parseSearchQuery(q);
      const { hits } = await searchArticles(app, parsed.match!, null, new Date(), 10, 0);
      return hits.map((h) => h.headline);
    };
    expect(await search("da nang")).toEqual(["Đà Nẵng mưa lớn, phố thành sông"]);
    expect(await search("Minh Châu thời tiết")).toEqual(["Đà Nẵng mưa lớn, phố thành sông"]);
    // Drafts stay out of search.
    expect(await search("ban nhap")).toEqual([]);
  });
});
