// The archive's shortcuts (migrations/0016): article_months and
// article_tags.published_at are kept by triggers through every write path, and
// the queries reading them answer exactly what the old aggregates answered.
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { createArticle, deleteArticle, publishDueArticles, updateArticle } from "../src/db/article-writes";
import { listRelated } from "../src/db/articles";
import { openDatabase } from "../src/db/client";
import {
  listArticleMonths,
  listAuthorLastmods,
  listSectionLastmods,
  listTagLastmods,
  newestArticleChange,
} from "../src/db/syndication";
import { loadDemo } from "./setup/demo";
import { firstIds } from "./setup/newsroom";

beforeAll(loadDemo);

const db = () => openDatabase(env.DB);
const DAY = 86_400_000;

/** The sitemap index's months as the old aggregate over all articles computed them. */
async function monthsByAggregate(now: Date) {
  const { results } = await env.DB.prepare(
    `select strftime('%Y-%m', published_at / 1000 + 25200, 'unixepoch') as month,
            max(max(updated_at, published_at)) as lastmod
       from articles where status = 'published' and published_at <= ?
      group by month order by month desc`,
  )
    .bind(now.getTime())
    .all<{ month: string; lastmod: number }>();
  return results.map((r) => ({ month: r.month, lastmod: new Date(r.lastmod) }));
}

/** A list of (slug, lastmod) as the old aggregates over every article computed it. */
async function lastmodsByAggregate(sql: string, now: Date) {
  const { results } = await env.DB.prepare(sql).bind(now.getTime()).all<{ slug: string; lastmod: number | null }>();
  return results.map((r) => ({ slug: r.slug, lastmod: r.lastmod === null ? null : new Date(r.lastmod) }));
}
const CHANGE = "max(max(a.updated_at, a.published_at))";
const OLD_SECTIONS = `select s.slug, ${CHANGE} as lastmod from sections s left join articles a
  on a.section_id = s.id and a.status = 'published' and a.published_at <= ?1
  where s.hidden = 0 group by s.id order by s.position, s.id`;
const OLD_AUTHORS = `select au.slug, ${CHANGE} as lastmod from authors au join articles a
  on a.author_id = au.id and a.status = 'published' and a.published_at <= ?1 group by au.id order by au.slug`;
const OLD_TAGS = `select t.slug, ${CHANGE} as lastmod from tags t join article_tags x on x.tag_id = t.id
  join articles a on a.id = x.article_id and a.status = 'published' and a.published_at <= ?1
  group by t.id order by lastmod desc, t.slug`;

const newest = (list: { lastmod: Date | null }[]) =>
  list.reduce<Date | null>((a, s) => (s.lastmod && (!a || s.lastmod > a) ? s.lastmod : a), null);
const bySlug = <T extends { slug: string }>(list: T[]) => [...list].sort((a, b) => a.slug.localeCompare(b.slug));

async function expectSummariesRight(now = new Date()) {
  expect(await listArticleMonths(db(), now)).toEqual(await monthsByAggregate(now));
  const { results } = await env.DB.prepare(
    `select count(*) as n from article_tags t join articles a on a.id = t.article_id
      where t.published_at is not a.published_at or t.changed_at is not max(a.updated_at, a.published_at)`,
  ).all<{ n: number }>();
  expect(results[0]!.n, "article_tags' dates differ from their article's").toBe(0);
  const sections = await lastmodsByAggregate(OLD_SECTIONS, now);
  expect(await listSectionLastmods(db(), now)).toEqual(sections);
  expect(await listAuthorLastmods(db(), now)).toEqual(await lastmodsByAggregate(OLD_AUTHORS, now));
  // Tags changed at the same moment may come in any order, as before.
  const oldTags = await lastmodsByAggregate(OLD_TAGS, now);
  const tagList = await listTagLastmods(db(), now);
  expect(bySlug(tagList)).toEqual(bySlug(oldTags));
  expect(tagList.map((t) => t.lastmod)).toEqual(oldTags.map((t) => t.lastmod));
  expect(await newestArticleChange(db(), now, "sections")).toEqual(newest(sections));
  expect(await newestArticleChange(db(), now, "tags")).toEqual(oldTags[0]?.lastmod ?? null);
}

async function write(
  headline: string,
  publishedAt: Date | null,
  status: "published" | "draft" | "scheduled",
  tags = ["Lưu trữ"],
) {
  const { sectionId, authorId } = await firstIds();
  return createArticle(db(), {
    sectionId,
    authorId,
    headline,
    lead: `Sapo: ${headline}`,
    body: [{ type: "paragraph", text: "Nội dung." }],
    status,
    publishedAt,
    tags,
  });
}

describe("article_months and article_tags.published_at", () => {
  it("follow creating, editing, moving, unpublishing, scheduling and deleting", async () => {
    await expectSummariesRight();
    const old = await write("Bài tháng ba năm 2020", new Date(Date.UTC(2020, 2, 10)), "published");
    const other = await write("Bài khác tháng ba năm 2020", new Date(Date.UTC(2020, 2, 20)), "published");
    await write("Bản nháp", null, "draft");
    // The last hours of February in UTC are already March in Vietnam.
    await write("Bài đêm cuối tháng hai", new Date(Date.UTC(2020, 1, 29, 20)), "published");
    const later = await write("Bài hẹn giờ", new Date(Date.now() + 3 * DAY), "scheduled");
    await expectSummariesRight();

    // An edit raises its month's date; a move takes the article out of its old month.
    const input = (headline: string, publishedAt: Date, status: "published" | "unpublished" = "published") => ({
      sectionId: 1,
      authorId: 1,
      headline,
      lead: "Sapo.",
      body: [{ type: "paragraph", text: "Nội dung mới." }],
      status,
      publishedAt,
      tags: ["Lưu trữ", "Chuyển tháng"],
    });
    const { sectionId, authorId } = await firstIds();
    await updateArticle(db(), old, { ...input("Bài sửa", new Date(Date.UTC(2020, 2, 10))), sectionId, authorId });
    await expectSummariesRight();
    await updateArticle(db(), old, { ...input("Bài chuyển", new Date(Date.UTC(2019, 5, 1))), sectionId, authorId });
    await expectSummariesRight();
    // Unpublished: its month falls back to what is left, or goes.
    await updateArticle(db(), old, {
      ...input("Bài gỡ", new Date(Date.UTC(2019, 5, 1)), "unpublished"),
      sectionId,
      authorId,
    });
    await expectSummariesRight();
    // A change time going back (a console's fix) recomputes the month too.
    await env.DB.prepare("update articles set updated_at = published_at where id = ?").bind(other).run();
    await expectSummariesRight();
    // Scheduled, then due: the month appears once its time has come, not before.
    await expectSummariesRight(new Date(Date.now() + 4 * DAY));
    await publishDueArticles(db(), new Date(Date.now() + 4 * DAY));
    await expectSummariesRight();
    await expectSummariesRight(new Date(Date.now() + 4 * DAY));
    await deleteArticle(db(), other);
    await deleteArticle(db(), later);
    await expectSummariesRight();
  });
});

/** Related reading as the old query ranked it: every shared tag counted over all articles. */
async function relatedByAggregate(articleId: number, now: number, limit: number): Promise<number[]> {
  const { results } = await env.DB.prepare(
    `with scored as (select c.id as id, max(c.score) as score from (
        select t2.article_id as id, count(*) as score
          from article_tags t1 join article_tags t2 on t2.tag_id = t1.tag_id
         where t1.article_id = ?1 and t2.article_id != ?1 group by t2.article_id
        union all
        select id, 0 from (select id from articles where section_id = (select section_id from articles where id = ?1)
          and status = 'published' and published_at <= ?2 and id != ?1 order by published_at desc limit ?3)
        union all
        select id, -1 from (select id from articles where status = 'published' and published_at <= ?2 and id != ?1
          order by published_at desc limit ?3)) c group by c.id)
     select a.id from scored s join articles a on a.id = s.id
      where a.status = 'published' and a.published_at <= ?2
      order by s.score desc, a.published_at desc limit ?4`,
  )
    .bind(articleId, now, limit * 2, limit)
    .all<{ id: number }>();
  return results.map((r) => r.id);
}

describe("related reading", () => {
  it("ranks exactly as counting shared tags over every article did", async () => {
    // A big tag on every article, and small ones spread so that some old articles share two or three.
    const start = Date.UTC(2021, 0, 1);
    const ids: number[] = [];
    for (let i = 0; i < 60; i++) {
      const tags = ["Tin chung", `Nhóm ${i % 4}`, `Cặp ${i % 7}`];
      if (i % 5 === 0) tags.push("Hiếm");
      const status = i % 11 === 3 ? "draft" : i === 59 ? "scheduled" : "published";
      const at = i === 59 ? new Date(Date.now() + DAY) : new Date(start + i * 3_600_000);
      ids.push(await write(`Bài liên quan ${i}`, status === "draft" ? null : at, status, tags));
    }
    const now = new Date();
    for (const id of [ids[0]!, ids[5]!, ids[14]!, ids[30]!, ids[58]!]) {
      const got = (await listRelated(db(), id, now, 5)).map((a) => a.id);
      expect(got, `article ${id}`).toEqual(await relatedByAggregate(id, now.getTime(), 5));
    }
    // An article without tags still gets its section's and the site's latest.
    const bare = await write("Bài không có chủ đề", new Date(start), "published", []);
    expect((await listRelated(db(), bare, now, 5)).map((a) => a.id)).toEqual(
      await relatedByAggregate(bare, now.getTime(), 5),
    );
  });
});
