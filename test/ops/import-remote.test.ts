// `npm run import -- … --remote` against a loopback fake of Cloudflare's
// APIs (scripts/import/remote-loopback.ts: the D1 query endpoint's JSON
// envelopes and R2's S3 PUT with SigV4, over a REAL local D1 and R2, so the
// SQL really runs). The same archive imported through wrangler's own local
// bindings and "remotely" must give the same rows and objects; an API that answers 429 is waited for; one
// that answers 500 past the retries stops the run naming the article, with
// nothing half written, and the rerun finishes; a bad token gets a clear
// message. Also the SigV4 signer against AWS's published example.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchBytes } from "../../scripts/import";
import { readDocument } from "../../scripts/import/format";
import { startLoopbackApi } from "../../scripts/import/remote-loopback";
import { signV4 } from "../../scripts/import/remote-r2";
import { writeImport } from "../../scripts/import/writer";
import { writeImportSample } from "../../scripts/import-sample";
import { withLocalPlatform } from "../../scripts/local-platform";
import { createTempState, removeTempState } from "../../scripts/temp-state";
import { runScript } from "./run-script";

const ARTICLES = 30;
const CREDS = { token: "tok-thu", accountId: "acc123", databaseId: "11111111-2222-3333-4444-555555555555" };
const BUCKET = "bao-media";
const KEYS = { accessKeyId: "AKIDTHU", secret: "bi-mat" };

const dirs: string[] = [];
let sample: string;
let config: string;

beforeAll(async () => {
  const work = await createTempState("edge-news-import-remote-files");
  dirs.push(work);
  sample = await writeImportSample(join(work, "sample"), { articles: ARTICLES, photos: 6 });
  config = join(work, "wrangler.toml");
  await writeFile(
    config,
    `name = "edge-news"\ncompatibility_date = "2025-01-01"\n[[d1_databases]]\nbinding = "DB"\ndatabase_name = "edge-news"\ndatabase_id = "${CREDS.databaseId}"\n[[r2_buckets]]\nbinding = "MEDIA"\nbucket_name = "${BUCKET}"\n`,
  );
});
afterAll(async () => {
  for (const d of dirs) await removeTempState(d);
});

async function state() {
  const dir = await createTempState("edge-news-import-remote");
  dirs.push(dir);
  return dir;
}

async function remoteRun(
  dir: string,
  fault?: { after: number; status: 429 | 500; times: number },
  token = CREDS.token,
) {
  const api = await startLoopbackApi({
    persistTo: dir,
    ...CREDS,
    bucket: BUCKET,
    accessKeyId: KEYS.accessKeyId,
    ...(fault ? { fault } : {}),
  });
  try {
    return await runScript("scripts/import.ts", [sample, "--remote", "--config", config, "--comments"], {
      env: {
        CLOUDFLARE_API_TOKEN: token,
        CLOUDFLARE_ACCOUNT_ID: CREDS.accountId,
        R2_ACCESS_KEY_ID: KEYS.accessKeyId,
        R2_SECRET_ACCESS_KEY: KEYS.secret,
        CLOUDFLARE_API_BASE_URL: api.base,
        R2_ENDPOINT_URL: api.endpoint,
      },
    });
  } finally {
    await api.stop();
  }
}

/** What an import leaves, ids replaced by what they name (photos are stored concurrently). */
function snapshot(dir: string) {
  return withLocalPlatform(async (env) => {
    const all = async <T>(q: string) => (await env.DB.prepare(q).all<T>()).results;
    const images = await all<{ id: number; r2_key: string; width: number; caption: string; credit: string }>(
      "select id, r2_key, width, caption, credit from images order by r2_key",
    );
    const keyOf = new Map(images.map((i) => [i.id, i.r2_key]));
    const articles = (
      await all<Record<string, unknown> & { id: number; slug: string; body: string; hero_image_id: number | null }>(
        "select id, slug, headline, lead, status, published_at, updated_at, hero_image_id, body, section_id, author_id from articles order by id",
      )
    ).map((a) => ({
      ...a,
      hero_image_id: a.hero_image_id === null ? null : keyOf.get(a.hero_image_id),
      body: a.body.replace(/"imageId":(\d+)/g, (_, id) => `"image":"${keyOf.get(Number(id))}"`),
    }));
    const objects = await env.MEDIA.list();
    return {
      articles,
      images: images.map(({ id: _id, ...rest }) => rest),
      objects: objects.objects.map((o) => [o.key, o.size, o.httpMetadata?.contentType]),
      tags: await all("select id, slug, name from tags order by id"),
      articleTags: await all("select article_id, tag_id, position from article_tags order by article_id, position"),
      comments: await all(
        "select id, article_id, parent_id, name, body, body_hash, status, ip_hash, created_at from comments order by id",
      ),
      redirects: (
        await all<{ path: string; kind: string; target_id: number }>(
          "select path, kind, target_id from legacy_redirects order by path",
        )
      ).map((r) => [r.path, r.kind, r.kind === "image" ? keyOf.get(r.target_id) : r.target_id]),
      mappings: (
        await all<{ kind: string; source_id: string; target_id: number; hash: string }>(
          "select kind, source_id, target_id, hash from import_mappings order by kind, source_id",
        )
      ).map((m) => [m.kind, m.source_id, m.kind.startsWith("media") ? keyOf.get(m.target_id) : m.target_id, m.hash]),
      search: await all("select count(*) as n from search_index"),
    };
  }, dir);
}

/** Every article whole: its mapping, its revision, its search row; no mapping without its article. */
function wholeness(dir: string) {
  return withLocalPlatform(async (env) => {
    const n = (q: string) => env.DB.prepare(q).first<number>("n");
    return {
      articles: await n("select count(*) as n from articles"),
      withoutMapping: await n(
        "select count(*) as n from articles a where not exists (select 1 from import_mappings m where m.kind = 'article' and m.target_id = a.id)",
      ),
      mappingWithoutArticle: await n(
        "select count(*) as n from import_mappings m where m.kind = 'article' and not exists (select 1 from articles a where a.id = m.target_id)",
      ),
      withoutRevision: await n(
        "select count(*) as n from articles a where not exists (select 1 from article_revisions r where r.article_id = a.id)",
      ),
    };
  }, dir);
}

describe("SigV4", () => {
  it("signs AWS's published GET Object example to its published signature", () => {
    const headers = signV4({
      method: "GET",
      url: new URL("https://examplebucket.s3.amazonaws.com/test.txt"),
      headers: { Range: "bytes=0-9" },
      payloadHash: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      accessKeyId: "AKIAIOSFODNN7EXAMPLE",
      secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
      region: "us-east-1",
      service: "s3",
      now: new Date("2013-05-24T00:00:00Z"),
    });
    expect(headers.authorization).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
    );
  });
});

describe("--remote through Cloudflare's APIs (loopback fake over a real local D1 and R2)", () => {
  let local: Awaited<ReturnType<typeof snapshot>>;
  let requests = 0;

  it("gives the same rows and objects as a local import", async () => {
    // The baseline goes through wrangler's own bindings (platform proxy), not our HTTP adapters.
    const localDir = await state();
    const { doc, problems } = readDocument(JSON.parse(await readFile(sample, "utf8")));
    const here = await withLocalPlatform(
      (env) => writeImport(env, doc, problems, { fetchBytes, comments: true }),
      localDir,
    );
    expect(here.imported).toBe(ARTICLES);
    local = await snapshot(localDir);

    const remoteDir = await state();
    const there = await remoteRun(remoteDir);
    expect(there.output, there.output).toContain(`Đã nhập mới ${ARTICLES} bài`);
    expect(there.code).toBe(0);
    requests = Number(/• (\d+) yêu cầu tới API D1/.exec(there.output)?.[1]);
    expect(requests).toBeGreaterThan(5);
    console.log(`--remote: ${ARTICLES} articles, 6 photos, comments: ${requests} D1 API requests`);
    const remote = await snapshot(remoteDir);
    expect(remote.articles).toHaveLength(ARTICLES);
    expect(remote.comments.length).toBeGreaterThan(0);
    expect(remote.objects).toHaveLength(6);
    // Stamps of the import itself (updated_at comes from the source's modifiedAt) are equal too.
    expect(remote).toEqual(local);

    const again = await remoteRun(remoteDir);
    expect(again.output).toContain(`Đã nhập mới 0 bài, cập nhật 0 bài, bỏ qua ${ARTICLES} bài`);
    expect(await snapshot(remoteDir)).toEqual(local);
  });

  it("waits out 429s; stops on 500s past the retries naming the article, whole; the rerun finishes", async () => {
    const busy = await state();
    const waited = await remoteRun(busy, { after: Math.floor(requests / 2), status: 429, times: 2 });
    expect(waited.code, waited.output).toBe(0);
    expect(await snapshot(busy)).toEqual(local);

    const down = await state();
    const stopped = await remoteRun(down, { after: Math.floor(requests * 0.6), status: 500, times: 1000 });
    expect(stopped.code, stopped.output).toBe(1);
    expect(stopped.output).toMatch(/Dừng ở Bài \d+|Cloudflare không trả lời được sau 4 lần thử/);
    expect(stopped.output).toContain("HTTP 500");
    const partial = await wholeness(down);
    expect(partial).toMatchObject({ withoutMapping: 0, mappingWithoutArticle: 0, withoutRevision: 0 });
    expect(partial.articles).toBeLessThan(ARTICLES);

    const resumed = await remoteRun(down);
    expect(resumed.code, resumed.output).toBe(0);
    expect(resumed.output).toContain(`Đã nhập mới ${ARTICLES - partial.articles!} bài`);
    const done = await snapshot(down);
    // Resumed articles get later ids; the same articles, each whole, with its photos.
    const bySlug = (list: typeof local.articles) =>
      list.map(({ id: _id, ...a }) => a).sort((x, y) => String(x.slug).localeCompare(String(y.slug)));
    expect(bySlug(done.articles)).toEqual(bySlug(local.articles));
    expect(done.objects).toEqual(local.objects);
    expect(await wholeness(down)).toMatchObject({ articles: ARTICLES, withoutMapping: 0, mappingWithoutArticle: 0 });
  });

  it("says which token is wrong, and what is missing", async () => {
    const refused = await remoteRun(await state(), undefined, "sai-token");
    expect(refused.code).toBe(1);
    expect(refused.output).toContain("Cloudflare từ chối (HTTP 401");
    expect(refused.output).toContain("CLOUDFLARE_API_TOKEN");

    const bare = await runScript("scripts/import.ts", [sample, "--remote", "--config", config], {
      env: { CLOUDFLARE_API_TOKEN: "", CLOUDFLARE_ACCOUNT_ID: "", R2_ACCESS_KEY_ID: "", R2_SECRET_ACCESS_KEY: "" },
    });
    expect(bare.code).toBe(2);
    expect(bare.output).toContain("CLOUDFLARE_API_TOKEN");
    expect(bare.output).toContain("R2_ACCESS_KEY_ID");
    const placeholder = await runScript("scripts/import.ts", [sample, "--remote"], {
      env: { CLOUDFLARE_API_TOKEN: "x", CLOUDFLARE_ACCOUNT_ID: "y", R2_ACCESS_KEY_ID: "k", R2_SECRET_ACCESS_KEY: "s" },
    });
    expect(placeholder.code).toBe(2);
    expect(placeholder.output).toContain("database_id");
    const elsewhere = await runScript("scripts/import.ts", [sample, "--remote", "--config", config], {
      env: {
        CLOUDFLARE_API_TOKEN: "x",
        CLOUDFLARE_ACCOUNT_ID: "y",
        R2_ACCESS_KEY_ID: "k",
        R2_SECRET_ACCESS_KEY: "s",
        CLOUDFLARE_API_BASE_URL: "https://example.com/client/v4",
      },
    });
    expect(elsewhere.code).toBe(2);
    expect(elsewhere.output).toContain("loopback");
  });
});
