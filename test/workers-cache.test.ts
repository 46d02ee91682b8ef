// Production's Workers Cache (EDGE_CACHE = "workers"), checked at its
// boundary: it does not run locally, so what is checked is what the Worker
// tells it (Cache-Tag, cloudflare-cdn-cache-control, Vary, Cache-Control) and
// what the Worker purges through ctx.cache, with a recorder in its place. The
// database, the Cache API and the routes are the real ones.
import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from "cloudflare:test";
import { Hono } from "hono";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { DEMO_ARTICLES } from "../scripts/demo/articles/index";
import { issueFormToken, networkOf } from "../src/community/form-token";
import { formSecret } from "../src/community/signing";
import { edgeCacheGuard } from "../src/edge/edge-guard";
import { toVietnamLocalInput } from "../src/vi/dates";
import worker from "../worker/index";
import forecastFixture from "./fixtures/open-meteo/bac-lieu-forecast.json";
import { loadDemo } from "./setup/demo";
import { articleId, articleUrl } from "./setup/demo-urls";
import {
  articleFields,
  articleFormValues,
  type Editor,
  firstIds,
  loginAs,
  ORIGIN,
  pollFields,
  pollIdFromLocation,
  pollOptionIds,
} from "./setup/newsroom";

beforeAll(loadDemo);
afterEach(() => vi.restoreAllMocks());

const WORKERS = { EDGE_CACHE: "workers" };
const API = { EDGE_CACHE: "api" };
const HTML_EDGE = "max-age=15, stale-while-revalidate=86400, stale-if-error=86400";
const XML_EDGE = "max-age=600, stale-while-revalidate=86400, stale-if-error=86400";
const BROWSER = "public, max-age=60, stale-while-revalidate=86400, stale-if-error=86400";

/** Every purge the Worker asked for, in order: the recorder standing in for ctx.cache. */
let purges: string[][] = [];
const recorder = {
  async purge(options: { tags: string[] }) {
    purges.push([...options.tags]);
    return { success: true, errors: [] };
  },
};

/** An ExecutionContext whose `cache` is the recorder, as production's is Workers Cache. */
function contextWithCache(): ExecutionContext {
  const ctx = createExecutionContext();
  Object.defineProperty(ctx, "cache", { value: recorder });
  return ctx;
}

/** One exchange with the Worker, read to the end and its background work done. */
async function send(path: string, init: RequestInit = {}, mode = WORKERS): Promise<Response> {
  const ctx = contextWithCache();
  const res = await worker.fetch(new Request(`http://localhost${path}`, init), { ...env, ...mode }, ctx);
  const body = res.status === 304 || res.status === 204 ? null : await res.arrayBuffer();
  await waitOnExecutionContext(ctx);
  return new Response(body, { status: res.status, headers: res.headers });
}

/** A reader's or editor's address for one POST: a new one each time, unless given. */
const randomIp = () => `198.19.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

function post(
  path: string,
  fields: Record<string, string>,
  cookie?: string,
  mode = WORKERS,
  ip = randomIp(),
): Promise<Response> {
  return send(
    path,
    {
      method: "POST",
      headers: {
        origin: ORIGIN,
        "content-type": "application/x-www-form-urlencoded",
        "cf-connecting-ip": ip,
        ...(cookie ? { cookie } : {}),
      },
      body: new URLSearchParams(fields).toString(),
    },
    mode,
  );
}

const editorPost = (editor: Editor, path: string, fields: Record<string, string>, mode = WORKERS) =>
  post(path, { _csrf: editor.csrf, ...fields }, editor.cookie, mode);

const tagsOf = (res: Response) => new Set((res.headers.get("cache-tag") ?? "").split(",").filter(Boolean));
const asTag = (scope: string) => scope.replaceAll(":", "-");

async function versions(): Promise<Map<string, number>> {
  const { results } = await env.DB.prepare("select scope, stamp from cache_versions").all<{
    scope: string;
    stamp: number;
  }>();
  return new Map(results.map((r) => [r.scope, r.stamp]));
}

/**
 * Runs a write and returns the tags it purged and the tags of the
 * cache_versions rows it changed (as Cache-Tag values), both sorted.
 */
async function purgedBy(write: () => Promise<unknown>): Promise<{ purged: string[]; bumped: string[] }> {
  const before = await versions();
  purges = [];
  await write();
  const after = await versions();
  const bumped = [...after].filter(([s, stamp]) => before.get(s) !== stamp).map(([s]) => asTag(s));
  return { purged: [...new Set(purges.flat())].sort(), bumped: bumped.sort() };
}

async function articleScopes(id: number): Promise<string[]> {
  const row = await env.DB.prepare("select section_id, author_id from articles where id = ?")
    .bind(id)
    .first<{ section_id: number; author_id: number }>();
  const tags = await env.DB.prepare("select tag_id from article_tags where article_id = ?")
    .bind(id)
    .all<{ tag_id: number }>();
  const related = await env.DB.prepare(
    "select json_extract(b.value, '$.articleId') as id from articles, json_each(articles.body) b where articles.id = ? and json_extract(b.value, '$.type') = 'related'",
  )
    .bind(id)
    .all<{ id: number }>();
  return [
    `article-${id}`,
    `section-${row!.section_id}`,
    `author-${row!.author_id}`,
    ...tags.results.map((t) => `tag-${t.tag_id}`),
    ...related.results.map((r) => `article-${r.id}`),
  ];
}

const idOf = async (table: string, slug: string) =>
  (await env.DB.prepare(`select id from ${table} where slug = ?`).bind(slug).first<{ id: number }>())!.id;

/** Every page's chrome: the breaking-news banner and the weather box (src/views/Document.tsx). */
const CHROME = ["page", "global", "breaking", "weather"];

describe("Workers Cache: what each reader page tells it", () => {
  it("tags an article with its own scopes and its fragments', fresh as long as its breaking-news banner", async () => {
    const headline = DEMO_ARTICLES[4]!.headline;
    const id = await articleId(headline);
    const url = await articleUrl(headline);
    // Comments, latest news (home), most read (global), the poll box (polls).
    const expected = new Set([...CHROME, ...(await articleScopes(id)), `comments-${id}`, "home", "polls"]);
    for (const expectCache of ["MISS", "HIT"]) {
      const res = await send(url);
      expect(res.status).toBe(200);
      expect(res.headers.get("x-cache")).toBe(expectCache);
      expect(tagsOf(res)).toEqual(expected);
      expect(res.headers.get("cloudflare-cdn-cache-control")).toBe(HTML_EDGE);
      expect(res.headers.get("cache-control")).toBe(BROWSER);
      expect(res.headers.get("vary")).toBe("Save-Data, Cookie");
    }
  });

  it("tags the home, section, tag and author pages with their scopes and the poll box's", async () => {
    const { sectionId, sectionSlug } = await firstIds();
    const tag = await env.DB.prepare(
      "select t.id, t.slug from tags t join article_tags at on at.tag_id = t.id group by t.id limit 1",
    ).first<{ id: number; slug: string }>();
    const author = await env.DB.prepare(
      "select au.id, au.slug from authors au join articles a on a.author_id = au.id where a.status = 'published' limit 1",
    ).first<{ id: number; slug: string }>();
    const pages: [string, string[]][] = [
      ["/", ["home", "polls"]],
      [`/${sectionSlug}`, [`section-${sectionId}`, "polls"]],
      [`/chu-de/${tag!.slug}`, [`tag-${tag!.id}`, "polls"]],
      [`/tac-gia/${author!.slug}`, [`author-${author!.id}`, "polls"]],
    ];
    for (const [path, own] of pages) {
      const res = await send(path);
      expect(res.status, path).toBe(200);
      expect(tagsOf(res), path).toEqual(new Set([...CHROME, ...own]));
      expect(res.headers.get("cloudflare-cdn-cache-control"), path).toBe(HTML_EDGE);
    }
    expect(await idOf("sections", sectionSlug)).toBe(sectionId);
  });

  it("tags feeds and sitemaps with their own scope, fresh for the edge's full ten minutes", async () => {
    for (const [path, own] of [
      ["/rss.xml", "feeds"],
      ["/sitemap.xml", "sitemaps"],
    ] as const) {
      const res = await send(path);
      expect(res.status, path).toBe(200);
      expect(tagsOf(res), path).toEqual(new Set(["page", "global", own]));
      expect(res.headers.get("cloudflare-cdn-cache-control"), path).toBe(XML_EDGE);
    }
  });
});

describe("Workers Cache: what each write purges", () => {
  it("purges exactly the scopes an article edit bumped: the article, its section, author, tags, home, feeds", async () => {
    const editor = await loginAs("editor");
    const id = await articleId(DEMO_ARTICLES[2]!.headline);
    const fields = { ...(await articleFormValues(editor, id)), headline: "Tiêu đề đã sửa cho bộ nhớ đệm" };
    const { purged, bumped } = await purgedBy(async () => {
      expect((await editorPost(editor, `/admin/bai-viet/${id}`, fields)).status).toBe(303);
    });
    expect(bumped).toEqual(expect.arrayContaining(await articleScopes(id)));
    expect(bumped).toEqual(expect.arrayContaining(["home", "feeds", "sitemaps"]));
    expect(purged).toEqual(bumped);
  });

  it("purges a new article's scopes, found in SQL after the insert", async () => {
    const editor = await loginAs("editor");
    const { sectionId, authorId } = await firstIds();
    let location = "";
    const { purged, bumped } = await purgedBy(async () => {
      const res = await editorPost(
        editor,
        "/admin/bai-viet",
        articleFields({
          sectionId: String(sectionId),
          authorId: String(authorId),
          headline: "Bài mới trên bộ nhớ đệm Workers",
          "hanh-dong": "dang",
        }),
      );
      expect(res.status).toBe(303);
      location = res.headers.get("location") ?? "";
    });
    const id = Number(/\/admin\/bai-viet\/(\d+)/.exec(location)![1]);
    expect(bumped).toEqual(expect.arrayContaining([`article-${id}`, `section-${sectionId}`, `author-${authorId}`]));
    expect(purged).toEqual(bumped);
  });

  it("purges only a comment list when a comment is approved", async () => {
    const headline = DEMO_ARTICLES[5]!.headline;
    const id = await articleId(headline);
    const ip = randomIp();
    const token = await issueFormToken(formSecret(env), networkOf(ip), Date.now() - 8_000);
    const sent = await post(
      "/binh-luan",
      {
        article: String(id),
        t: token,
        website: "",
        email: "",
        name: "Bạn đọc Workers",
        body: "Một bình luận để duyệt.",
      },
      undefined,
      WORKERS,
      ip,
    );
    expect(sent.status).toBe(303);
    const editor = await loginAs("editor");
    const commentId = (await env.DB.prepare("select id from comments where name = 'Bạn đọc Workers'").first<{
      id: number;
    }>())!.id;
    const { purged, bumped } = await purgedBy(async () => {
      const res = await editorPost(editor, "/admin/binh-luan", { ids: String(commentId), "hanh-dong": "approved" });
      expect(res.status).toBe(303);
    });
    expect(bumped).toEqual([`comments-${id}`]);
    expect(purged).toEqual(bumped);
  });

  it("purges nothing for a reader's vote, and the results page shows it to the voter and lives 15 s at the edge", async () => {
    const editor = await loginAs("editor");
    const pollId = pollIdFromLocation(await editorPost(editor, "/admin/binh-chon", pollFields(), API));
    const [option] = await pollOptionIds(pollId);
    const results = `/binh-chon/${pollId}`;
    const before = await send(results);
    expect(tagsOf(before).has(`poll-${pollId}`)).toBe(true);
    expect(before.headers.get("cloudflare-cdn-cache-control")).toBe(HTML_EDGE);
    let voterCookie = "";
    const { purged, bumped } = await purgedBy(async () => {
      const res = await post(results, { option: String(option) });
      expect(res.status).toBe(303);
      // A vote's answer sets a cookie: never cacheable.
      expect(res.headers.get("cache-control")).toBe("private, no-store");
      expect(res.headers.get("cache-tag")).toBeNull();
      voterCookie = res.headers.get("set-cookie")!.split(";")[0]!;
    });
    // The results' version moves, so the Worker's own cache has the vote at once, but a busy
    // poll must not spend Workers Cache's purge rate (5 a minute), which editors' writes need.
    expect(bumped).toEqual([`poll-${pollId}`]);
    expect(purged).toEqual([]);
    // The voter sends its cookie (Vary: Cookie): Workers Cache's readers' copy is not theirs.
    const seen = await send(results, { headers: { cookie: voterCookie } });
    expect(seen.headers.get("vary")).toContain("Cookie");
    expect(await seen.text()).toContain("1 lượt bình chọn");
  });

  it("purges only the weather box when the cron job brings a new forecast", async () => {
    vi.spyOn(globalThis, "fetch").mockImplementation(async (input) => {
      const url = String(input instanceof Request ? input.url : input);
      if (!/\/v1\/forecast\?/.test(url)) throw new Error(`unexpected fetch ${url}`);
      return new Response(JSON.stringify(forecastFixture), { headers: { "content-type": "application/json" } });
    });
    const { purged, bumped } = await purgedBy(async () => {
      const ctx = contextWithCache();
      await worker.scheduled(
        createScheduledController({ scheduledTime: Date.now(), cron: "*/30 * * * *" }),
        { ...env, ...WORKERS },
        ctx,
      );
      await waitOnExecutionContext(ctx);
    });
    expect(bumped).toEqual(["weather"]);
    expect(purged).toEqual(bumped);
  });

  it("purges only the banner when breaking news starts and when it stops", async () => {
    const editor = await loginAs("editor");
    const start = await purgedBy(async () => {
      const res = await editorPost(editor, "/admin/tin-nong", {
        text: "Bão số 9 đổ bộ",
        url: "",
        expiresAt: toVietnamLocalInput(new Date(Date.now() + 3600_000)),
      });
      expect(res.status).toBe(303);
    });
    expect(start.bumped).toEqual(["breaking"]);
    expect(start.purged).toEqual(start.bumped);
    const id = (await env.DB.prepare("select id from breaking_news order by id desc limit 1").first<{ id: number }>())!
      .id;
    const stop = await purgedBy(async () => {
      expect((await editorPost(editor, `/admin/tin-nong/${id}/go`, {})).status).toBe(303);
    });
    expect(stop.bumped).toEqual(["breaking"]);
    expect(stop.purged).toEqual(stop.bumped);
  });
});

describe("Workers Cache: what is never cacheable", () => {
  it("keeps the newsroom, an editor's view of a reader page and a reader's POST to themselves", async () => {
    const editor = await loginAs("editor");
    const url = await articleUrl(DEMO_ARTICLES[1]!.headline);
    const reader = await send(url);
    expect(reader.headers.get("vary")).toContain("Cookie");
    for (const [what, res] of [
      ["/admin", await send("/admin", { headers: { cookie: editor.cookie } })],
      ["an editor's view", await send(url, { headers: { cookie: editor.cookie } })],
      ["a POST", await post("/binh-chon/999999", { option: "1" })],
    ] as const) {
      expect(res.headers.get("cache-control"), what).toBe("private, no-store");
      expect(res.headers.get("cache-tag"), what).toBeNull();
      expect(res.headers.get("cloudflare-cdn-cache-control"), what).toBeNull();
    }
    const view = await send(url, { headers: { cookie: editor.cookie } });
    expect(view.headers.get("x-cache")).toBe("BYPASS");
  });
});

describe("Workers Cache: the guard on every response", () => {
  // Workers Cache keeps a 200 that says nothing for two hours: the guard makes
  // every route that forgets to say something uncacheable at the edge only.
  const app = new Hono()
    .use(edgeCacheGuard())
    .get("/silent", (c) => c.text("nothing said"))
    .get("/said", (c) => c.text("a minute", 200, { "cache-control": "public, max-age=60" }))
    .get("/cookie", (c) => c.text("yours", 200, { "cache-control": "public, max-age=60", "set-cookie": "a=b" }));
  const at = (path: string, mode = WORKERS) => app.request(path, {}, { ...env, ...mode });

  it("keeps at the edge nothing that does not say it may, and nothing that sets a cookie", async () => {
    const silent = await at("/silent");
    expect(silent.headers.get("cloudflare-cdn-cache-control")).toBe("no-store");
    expect(silent.headers.get("cache-control")).toBeNull();
    expect(await silent.text()).toBe("nothing said");
    const said = await at("/said");
    expect(said.headers.get("cloudflare-cdn-cache-control")).toBeNull();
    expect(said.headers.get("cache-control")).toBe("public, max-age=60");
    const cookie = await at("/cookie");
    expect(cookie.headers.get("cache-control")).toBe("private, no-store");
  });

  it('changes nothing in "api" mode', async () => {
    expect((await at("/silent", API)).headers.get("cloudflare-cdn-cache-control")).toBeNull();
    expect((await at("/cookie", API)).headers.get("cache-control")).toBe("public, max-age=60");
  });
});

describe('the Cache API path (EDGE_CACHE = "api", local and tests)', () => {
  it("sends the same headers as before and purges nothing", async () => {
    const url = await articleUrl(DEMO_ARTICLES[3]!.headline);
    const res = await send(url, {}, API);
    expect(res.headers.get("cache-control")).toBe(
      "public, max-age=60, s-maxage=600, stale-while-revalidate=86400, stale-if-error=86400",
    );
    expect(res.headers.get("vary")).toBe("Save-Data");
    expect(res.headers.get("cloudflare-cdn-cache-control")).toBeNull();
    expect(tagsOf(res)).toContain(`article-${await articleId(DEMO_ARTICLES[3]!.headline)}`);

    const editor = await loginAs("editor");
    const { purged, bumped } = await purgedBy(async () => {
      const res = await editorPost(
        editor,
        "/admin/tin-nong",
        { text: "Tin nóng cục bộ", url: "", expiresAt: toVietnamLocalInput(new Date(Date.now() + 3600_000)) },
        API,
      );
      expect(res.status).toBe(303);
    });
    expect(bumped).toEqual(["breaking"]);
    expect(purged).toEqual([]);
  });
});
