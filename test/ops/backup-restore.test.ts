// Backup and restore of a local state, end to end: the demo paper served by
// `wrangler dev`, backed up, its database wiped, restored, served again.
import { existsSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWranglerDev } from "../../scripts/dev-server";
import { withLocalPlatform } from "../../scripts/local-platform";
import { type Manifest, sha256 } from "../../scripts/ops/manifest";
import { repositoryMigrations } from "../../scripts/ops/migration-files";
import { countArticles, createDemoState, type DemoState } from "./demo-state";
import { runScript } from "./run-script";
import { choosePaths, type PagePaths, readSite, type SiteContent } from "./site-pages";

// The one port the operations suite may use (the browser suite has its own).
const PORT = 8792;
// wrangler dev's output, kept after the run for when a start fails (test-results/ is git-ignored).

let state: DemoState;
let work: string;
let paths: PagePaths;
let before: SiteContent;
let backupDir: string;
/** Photos in the backed-up state, read from its manifest. */
let photos = 0;
/** The source's article_months (not backed up: the triggers of migration 0016 refill it). */
let sourceMonths: unknown[] = [];

const readMonths = (dir: string) =>
  withLocalPlatform(
    async (env) => (await env.DB.prepare("select month, lastmod from article_months order by month").all()).results,
    dir,
  );

async function withSite<T>(fn: (baseUrl: string) => Promise<T>): Promise<T> {
  const dev = await startWranglerDev({
    port: PORT,
    persistTo: state.dir,
    vars: { SITE_URL: `http://localhost:${PORT}` },
  });
  try {
    return await fn(dev.url);
  } finally {
    await dev.stop();
  }
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "edge-news-ops-backups-"));
  state = await createDemoState();
  await withSite(async (url) => {
    paths = await choosePaths(url, "Bạc Liêu");
    before = await readSite(url, paths);
  });
  // The comparison below means something only if the pages had content.
  expect(before.home.links.length).toBeGreaterThan(5);
  expect(before.section.links.length).toBeGreaterThan(1);
  expect(before.tag.links.length).toBeGreaterThan(0);
  expect(before.article.html).toContain("<h1>");
  expect(before.search.links.length).toBeGreaterThan(3);
  sourceMonths = await readMonths(state.dir);
  expect(sourceMonths.length).toBeGreaterThan(0);
});

afterAll(async () => {
  await state?.remove();
  if (work) await rm(work, { recursive: true, force: true });
});

describe("npm run backup / npm run restore on a local state", () => {
  it("backs up the real tables as data, with the migrations, row counts and R2 listing", async () => {
    const out = join(work, "backups");
    const run = await runScript("scripts/backup.ts", ["--persist-to", state.dir, "--out-dir", out]);
    expect(run.output).toContain("Đã sao lưu");
    expect(run.code).toBe(0);
    const [name, ...others] = await readdir(out);
    expect(others).toEqual([]);
    expect(name).toMatch(/^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ$/);
    backupDir = join(out, name!);

    const manifest = JSON.parse(await readFile(join(backupDir, "manifest.json"), "utf8")) as Manifest;
    const data = await readFile(join(backupDir, "data.sql"), "utf8");
    expect(manifest.migrations).toEqual(repositoryMigrations());
    expect(manifest.source).toEqual({ kind: "local", state: resolve(state.dir) });
    expect(manifest.tables).toMatchObject({ articles: 12, sections: 4, polls: 1 });
    // The demo's photos: one a figure, hero, portrait or video thumbnail uses, all of them in R2.
    photos = manifest.tables.images!;
    expect(photos).toBeGreaterThanOrEqual(24);
    expect(manifest.tables.article_tags).toBeGreaterThan(12);
    // Neither the FTS5 index nor D1's bookkeeping is backed up.
    expect(Object.keys(manifest.tables).filter((t) => /^search_|^_cf_|^sqlite_|^d1_migrations$/.test(t))).toEqual([]);
    expect(data).not.toMatch(/INSERT INTO "?(search_|d1_migrations|_cf_)/);
    expect(data.match(/^INSERT INTO "articles"/gm)).toHaveLength(12);
    expect(manifest.data.sha256).toBe(sha256(data));
    // Every photo the articles use is listed, with what identifies its bytes.
    expect(manifest.media.count).toBe(photos);
    expect(manifest.media.objects.map((o) => o.key)).toContain("demo/01-river.jpg");
    for (const o of manifest.media.objects) {
      expect(o.size).toBeGreaterThan(0);
      expect(o.etag).toMatch(/^[0-9a-f]{32}$/);
    }
  });

  it("after the database is wiped the site has no articles", async () => {
    await state.wipeDatabase();
    await withSite(async (url) => {
      const wiped = await readSite(url, paths);
      expect(wiped.home).toEqual({ status: 200, links: [] });
      expect(wiped.section.status).toBe(404);
      expect(wiped.tag.status).toBe(404);
      expect(wiped.article.status).toBe(404);
      expect(wiped.search).toEqual({ status: 200, links: [] });
    });
  });

  it("restores the same pages, and search finds the same articles (the index is rebuilt)", async () => {
    const run = await runScript("scripts/restore.ts", [backupDir, "--persist-to", state.dir]);
    expect(run.output).toContain("Đã khôi phục");
    expect(run.output).toContain(`Đủ ${photos} ảnh trong R2`);
    expect(run.code).toBe(0);
    const after = await withSite((url) => readSite(url, paths));
    expect(after).toEqual(before);
  });

  it("loads a dump whose tables break foreign-key order, with newlines and quotes in text", async () => {
    const manifest = JSON.parse(await readFile(join(backupDir, "manifest.json"), "utf8")) as Manifest;
    const original = (await readFile(join(backupDir, "data.sql"), "utf8"))
      .split("\n")
      .filter((l) => l.startsWith("INSERT"));
    // Children before parents everywhere (article_tags before articles and
    // tags, articles before sections and authors), plus a tag row that comes
    // after the article_tags row pointing at it, whose name has a real
    // newline, quotes, a semicolon and "--" inside the string.
    const name = "Dòng một\nDòng hai 'trích'; -- không phải chú thích \"x\"";
    const data = [
      "PRAGMA defer_foreign_keys=TRUE;",
      'INSERT INTO "article_tags" ("article_id","tag_id","position") VALUES(1,9999,7);',
      ...[...original].reverse(),
      `INSERT INTO "tags" ("id","slug","name") VALUES(9999,'dong-mot','${name.replace(/'/g, "''")}');`,
    ].join("\n");
    const reordered = join(work, "reordered");
    await mkdir(reordered);
    await writeFile(join(reordered, "data.sql"), data);
    const tables = {
      ...manifest.tables,
      tags: manifest.tables.tags! + 1,
      article_tags: manifest.tables.article_tags! + 1,
    };
    await writeFile(
      join(reordered, "manifest.json"),
      JSON.stringify({
        ...manifest,
        data: { file: "data.sql", bytes: Buffer.byteLength(data), sha256: sha256(data) },
        tables,
      }),
    );

    const target = join(work, "reordered-state");
    const run = await runScript("scripts/restore.ts", [reordered, "--persist-to", target]);
    expect(run.output).toContain("Đã khôi phục");
    expect(run.code).toBe(0);

    const restored = await withLocalPlatform(async (env) => {
      const tag = await env.DB.prepare("select name from tags where id = 9999").first<string>("name");
      // The 0016 triggers gave every tag row its article's dates, the added one too.
      const undated = await env.DB.prepare(
        "select count(*) as n from article_tags t join articles a on a.id = t.article_id where t.published_at is not a.published_at",
      ).first<number>("n");
      return { tag, undated };
    }, target);
    expect(restored).toEqual({ tag: name, undated: 0 });
    expect(await readMonths(target)).toEqual(sourceMonths);

    // A backup of the restored state holds the same rows, and the two added ones.
    const out = join(work, "reordered-backups");
    const again = await runScript("scripts/backup.ts", ["--persist-to", target, "--out-dir", out]);
    expect(again.code).toBe(0);
    const [dir] = await readdir(out);
    const back = JSON.parse(await readFile(join(out, dir!, "manifest.json"), "utf8")) as Manifest;
    expect(back.tables).toEqual(tables);
    const lines = (await readFile(join(out, dir!, "data.sql"), "utf8"))
      .split("\n")
      .filter((l) => l.startsWith("INSERT"));
    const added = (l: string) =>
      l.startsWith('INSERT INTO "tags"')
        ? l.includes("VALUES(9999,")
        : /^INSERT INTO "article_tags" .*VALUES\(1,9999,/.test(l);
    expect(lines.filter(added)).toHaveLength(2);
    expect(lines.filter((l) => !added(l)).sort()).toEqual([...original].sort());
  });

  it("a restore that fails part-way leaves the target's database as it was", async () => {
    // A backup whose data breaks on its last row (a duplicated primary key).
    const broken = join(work, "broken");
    await mkdir(broken);
    const data = [
      "PRAGMA defer_foreign_keys=TRUE;",
      "INSERT INTO \"sections\" VALUES(1,'thoi-su','Thời sự','',0);",
      "INSERT INTO \"sections\" VALUES(1,'thoi-su-2','Thời sự 2','',1);",
    ].join("\n");
    await writeFile(join(broken, "data.sql"), data);
    const manifest = JSON.parse(await readFile(join(backupDir, "manifest.json"), "utf8")) as Manifest;
    await writeFile(
      join(broken, "manifest.json"),
      JSON.stringify({
        ...manifest,
        migrations: ["0000_init.sql"],
        data: { file: "data.sql", bytes: Buffer.byteLength(data), sha256: sha256(data) },
        tables: { sections: 2 },
      }),
    );

    const run = await runScript("scripts/restore.ts", [broken, "--persist-to", state.dir]);
    expect(run.code).toBe(1);
    expect(run.output).toContain('Khôi phục thất bại ở bước "Nạp dữ liệu"');
    expect(run.output).toContain("D1 đích không bị thay đổi");
    expect(await countArticles(state.dir)).toBe(12);
    // No staging state is left behind in the target.
    expect((await readdir(state.dir)).filter((n) => n.startsWith(".restore-"))).toEqual([]);
  });

  it("refuses a backup whose data.sql does not match its manifest", async () => {
    const tampered = join(work, "tampered");
    await mkdir(tampered);
    await copyFile(join(backupDir, "manifest.json"), join(tampered, "manifest.json"));
    await writeFile(
      join(tampered, "data.sql"),
      (await readFile(join(backupDir, "data.sql"), "utf8")).split("\n").slice(0, -5).join("\n"),
    );
    const run = await runScript("scripts/restore.ts", [tampered, "--persist-to", state.dir]);
    expect(run.code).toBe(1);
    expect(run.output).toContain("không khớp với manifest");
    expect(await countArticles(state.dir)).toBe(12);
  });

  it("never restores into a remote database, nor over the default local state without --yes", async () => {
    const remote = await runScript("scripts/restore.ts", [backupDir, "--remote", "--env", "production"]);
    expect(remote.code).toBe(1);
    expect(remote.output).toContain("chỉ khôi phục vào D1 cục bộ");

    // A project directory of its own, so the default .wrangler/state here is a throwaway one.
    const project = join(work, "project");
    await mkdir(project);
    await copyFile("wrangler.toml", join(project, "wrangler.toml"));
    await symlink(resolve("migrations"), join(project, "migrations"));
    const unconfirmed = await runScript("scripts/restore.ts", [backupDir], { cwd: project });
    expect(unconfirmed.code).toBe(1);
    expect(unconfirmed.output).toContain("thêm --yes để đồng ý");
    expect(existsSync(join(project, ".wrangler"))).toBe(false);
  });

  it("a remote backup without a real database id fails before writing anything", async () => {
    const out = join(work, "remote-backups");
    const run = await runScript("scripts/backup.ts", ["--remote", "--env", "production", "--out-dir", out]);
    expect(run.code).toBe(1);
    expect(run.output).toContain("Sao lưu thất bại");
    expect(run.output).toContain("chưa phải id thật");
    expect(existsSync(out) ? await readdir(out) : []).toEqual([]);
  });
});
