// Search above RANKED_WINDOW matches (src/db/search.ts): the latest matches
// are ranked by relevance, exact tones first; older ones follow newest first;
// every match is on exactly one page.
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../src/db/client";
import { RANKED_WINDOW, searchArticles } from "../src/db/search";
import { loadDemo } from "./setup/demo";

beforeAll(loadDemo);

const EXTRA = 300;
const TOTAL = RANKED_WINDOW + EXTRA;

describe("search over more matches than the ranked window", () => {
  it("ranks the latest matches, then lists the older ones, each match once", async () => {
    const base = Number((await env.DB.prepare("select coalesce(max(id), 0) as m from articles").first("m")) ?? 0);
    const { results } = await env.DB.prepare(
      "select id, (select id from authors limit 1) as author from sections limit 1",
    ).all<{
      id: number;
      author: number;
    }>();
    const { id: sectionId, author } = results[0]!;
    const start = Date.UTC(2020, 0, 1);
    // Written as rows (the Worker's write path would take minutes for 2,300). Every
    // tenth headline says the word twice (ranks higher); every seventh has the tone marks.
    await env.DB.batch([
      env.DB.prepare(
        `with recursive n(i) as (select 1 union all select i + 1 from n where i < ?1)
         insert into articles (id, section_id, author_id, headline, slug, lead, body, status, published_at, created_at, updated_at)
         select ?2 + i, ?3, ?4, 'Cửa sổ ' || i, 'cua-so-' || i, 'Sapo', '[]', 'published', ?5 + i * 60000, ?5, ?5 from n`,
      ).bind(TOTAL, base, sectionId, author, start),
      env.DB.prepare(
        `with recursive n(i) as (select 1 union all select i + 1 from n where i < ?1)
         insert into search_index (rowid, headline, kicker, lead, body, tags, author)
         select ?2 + i, case when i % 10 = 0 then 'song song' else 'song nuoc' end, '', 'sapo', 'noi dung', '', '' from n`,
      ).bind(TOTAL, base),
      env.DB.prepare(
        `with recursive n(i) as (select 1 union all select i + 1 from n where i < ?1)
         insert into search_toned (rowid, text) select ?2 + i, case when i % 7 = 0 then 'sông' else 'song' end from n`,
      ).bind(TOTAL, base),
    ]);
    const db = openDatabase(env.DB);
    const now = new Date();
    const windowStart = base + EXTRA + 1;

    const first = await searchArticles(db, '"song"', '"sông"', now, 20, 0);
    expect(first.total).toBeGreaterThanOrEqual(TOTAL);
    // Page 1: from the window only, exact tones (every seventh) first, then the double word.
    const ids = first.hits.map((h) => h.id - base);
    expect(ids.every((i) => i + base >= windowStart)).toBe(true);
    const toned = ids.filter((i) => i % 7 === 0);
    expect(ids.slice(0, toned.length)).toEqual(toned);
    expect(toned.length).toBe(20);
    const plain = await searchArticles(db, '"song"', null, now, 20, 0);
    expect(plain.hits.every((h) => (h.id - base) % 10 === 0)).toBe(true);

    // Every page, in order: each of ours exactly once, the window's before the older ones.
    const seen: number[] = [];
    for (let offset = 0; offset < first.total + 20; offset += 20) {
      const page = await searchArticles(db, '"song"', '"sông"', now, 20, offset);
      seen.push(...page.hits.map((h) => h.id).filter((id) => id > base));
    }
    expect(seen.length).toBe(TOTAL);
    expect(new Set(seen).size).toBe(TOTAL);
    const older = seen.slice(RANKED_WINDOW);
    expect(older.every((id) => id < windowStart)).toBe(true);
    expect(older).toEqual([...older].sort((a, b) => b - a));
  });
});
