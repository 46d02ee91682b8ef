// `npm run archive:generate`: a 10-year archive of 250,000 published articles
// (6 sections, 2,000 tags, 50 authors, 500,000 photo records, the search
// index's rows) in a separate local state, .wrangler/archive-state, for
// `npm run bench -- --archive`. Never the demo state (.wrangler/state).
//
// Written as set-based SQL (recursive CTEs over a small vocabulary) straight
// into the state's SQLite file with the sqlite3 CLI, in one transaction: the
// Worker's write path would take hours for 250,000 articles; this takes about
// a minute on two shared cores. The migrations are wrangler's own, so the
// schema is exactly what `wrangler dev --persist-to` serves.
import { spawnSync } from "node:child_process";
import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { foldVietnamese } from "../src/search/fold";
import { ARCHIVE } from "./archive/shape";

// --small: a hundredth of the archive in its own state, to try the generator quickly.
const small = process.argv.includes("--small");
const A = small
  ? { ...ARCHIVE, articles: ARCHIVE.articles / 100, photos: ARCHIVE.photos / 100, rareEvery: 50 }
  : ARCHIVE;
const state = small ? `${ARCHIVE.state}-small` : ARCHIVE.state;
if (!state.includes("archive"))
  throw new Error(`refusing to overwrite ${state}: the archive state's path names "archive"`);

const started = performance.now();
const lap = (what: string) => console.log(`${what}: ${((performance.now() - started) / 1000).toFixed(1)} s`);

rmSync(state, { recursive: true, force: true });
const migrate = spawnSync("npx", ["wrangler", "d1", "migrations", "apply", "DB", "--local", "--persist-to", state], {
  env: { ...process.env, CI: "1", WRANGLER_SEND_METRICS: "false" },
  encoding: "utf8",
});
if (migrate.status !== 0) throw new Error(`wrangler d1 migrations apply failed\n${migrate.stderr}${migrate.stdout}`);
lap("migrations");

const dir = join(state, "v3", "d1", "miniflare-D1DatabaseObject");
const file = readdirSync(dir).find((f) => f.endsWith(".sqlite") && f !== "metadata.sqlite");
if (!file) throw new Error(`no D1 database file in ${dir}`);
const dbFile = join(dir, file);

/** Vietnamese words, with their folded form for search_index (the Worker folds the same way). */
const WORDS = (
  "biển đảo mùa lũ lúa gạo nông dân đồng bằng sông Cửu Long tỉnh thành phố kinh tế xã hội giáo dục " +
  "học sinh trường học bệnh viện bác sĩ giao thông cầu đường cao tốc mưa bão hạn mặn du lịch lễ hội " +
  "văn hóa thể thao bóng đá ngư dân tôm cá xuất khẩu doanh nghiệp đầu tư chợ nổi trái cây vườn " +
  "người dân chính quyền hội nghị điện gió năng lượng nước sạch rừng ngập mặn khu công nghiệp"
).split(" ");
const RARE = "kỳ lân";
const q = (s: string) => `'${s.replaceAll("'", "''")}'`;
const words = WORDS.map((w, i) => `(${i},${q(w.toLowerCase())},${q(foldVietnamese(w))})`).join(",");
const sectionRows = A.sections.map((s, i) => `(${i + 1},${q(s.slug)},${q(s.name)},'',${i + 1})`).join(",");
const end = Date.UTC(2026, 10, 1);
const start = end - A.years * 365.25 * 86_400_000;
const step = (end - start) / A.articles;
const N = WORDS.length;
const S = 2000;

/** A sentence of 12 words, picked by a multiplicative walk over the vocabulary. */
const pick = (col: "toned" | "plain") =>
  Array.from({ length: 12 }, (_, j) => `(select ${col} from w where i = (n.i * ${7 + j * 13} + ${j * 5}) % ${N})`).join(
    " || ' ' || ",
  );

const sql = `
pragma synchronous = off;
pragma journal_mode = memory;
begin;
create temp table w(i integer primary key, toned text, plain text);
insert into w values ${words};
create temp table s(i integer primary key, toned text, plain text);
with recursive n(i) as (select 0 union all select i + 1 from n where i < ${S - 1})
insert into s select i, ${pick("toned")}, ${pick("plain")} from n;
insert into sections(id, slug, name, description, position) values ${sectionRows};
with recursive n(i) as (select 1 union all select i + 1 from n where i < ${A.authors})
insert into authors(id, slug, name, byline, bio) select i, 'phong-vien-' || i, 'Phóng viên ' || i, 'Phóng viên ' || i, '' from n;
with recursive n(i) as (select 1 union all select i + 1 from n where i < ${A.tags})
insert into tags(id, slug, name) select i, 'chu-de-' || i, 'Chủ đề ' || i from n;
with recursive n(i) as (select 1 union all select i + 1 from n where i < ${A.photos})
insert into images(id, r2_key, width, height, mime, bytes, alt, caption, credit, created_at)
  select i, 'archive/' || i || '.jpg', 1200, 675, 'image/jpeg', 180000, 'Ảnh ' || i, 'Chú thích ảnh ' || i, 'Phóng viên ' || (1 + i % ${A.authors}),
         cast(${start} + (i - 1) * ${(end - start) / A.photos} as integer) from n;
with recursive n(i, at) as (select 1, ${Math.round(start)} union all
  select i + 1, cast(${start} + i * ${step} + ((i + 1) * 7919) % 600000 as integer) from n where i < ${A.articles})
insert into articles(id, section_id, author_id, headline, slug, lead, body, status, hero_image_id, published_at, created_at, updated_at)
  select n.i, case when n.i % 5 < 2 then 1 else 2 + (n.i / 5) % ${A.sections.length - 1} end, 1 + (n.i * 7) % ${A.authors},
         upper(substr(h.toned, 1, 1)) || substr(h.toned, 2, 60) || case when n.i % ${A.rareEvery} = 0 then ' ${RARE}' else '' end,
         'bai-' || n.i, l.toned,
         json_array(json_object('type', 'paragraph', 'text', l.toned || ' ' || b.toned), json_object('type', 'paragraph', 'text', b.toned || ' ' || h.toned)),
         'published', 2 * n.i - 1, n.at, n.at, n.at
    from n
    join s h on h.i = (n.i * 7) % ${S}
    join s l on l.i = (n.i * 13 + 5) % ${S}
    join s b on b.i = (n.i * 29 + 11) % ${S};
insert into article_tags(article_id, tag_id, position)
  select id, 1 + id % 50, 0 from articles
  union all select id, 51 + (id * 31) % 950, 1 from articles
  union all select id, 1001 + (id * 101) % 1000, 2 from articles;
insert into search_index(rowid, headline, kicker, lead, body, tags, author)
  select a.id, h.plain || case when a.id % ${A.rareEvery} = 0 then ' ${foldVietnamese(RARE)}' else '' end, '', l.plain, b.plain || ' ' || h.plain,
         'chu de ' || (1 + a.id % 50), 'phong vien ' || a.author_id
    from articles a
    join s h on h.i = (a.id * 7) % ${S}
    join s l on l.i = (a.id * 13 + 5) % ${S}
    join s b on b.i = (a.id * 29 + 11) % ${S};
insert into search_toned(rowid, text) select id, headline || ' ' || lead from articles;
commit;
`;
const gen = spawnSync("sqlite3", [dbFile], { input: sql, encoding: "utf8", maxBuffer: 1 << 26 });
if (gen.status !== 0 || gen.stderr) throw new Error(`sqlite3 failed\n${gen.stderr}`);
lap("archive written");
const count = spawnSync(
  "sqlite3",
  [dbFile, "select count(*) from articles; select count(*) from images; pragma page_count; pragma page_size;"],
  {
    encoding: "utf8",
  },
);
console.log(count.stdout.trim().split("\n").join(" | "), "(articles | photos | pages | page size)");
console.log(`state: ${state}  database: ${dbFile}`);
