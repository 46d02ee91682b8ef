// Reference Worker for `npm run bench` (issue 20): the least an article MISS
// can cost on this machine. `GET /1/{n}` reads page n's bytes from a local
// D1 table (one round trip), answers them and stores them with the Cache API
// in waitUntil, as the site stores what it renders; `GET /2/{n}` first reads
// a version number, then the page (two round trips in a row, as a versioned
// cache must: the version decides whether the stored page is still good).
// Nothing is rendered, stitched or logged. `PUT /?n=N` with a page's bytes
// fills N rows with them (the bench sends the site's own article page).
// Not part of the site: started with its own wrangler config and local state.
interface Env {
  DB: D1Database;
}

const HEADERS = { "content-type": "text/html; charset=utf-8", "cache-control": "public, max-age=86400" };

// `caches.default`, typed as in src/edge/cache.ts.
const cache = () => (caches as CacheStorage & { default: Cache }).default;

async function fill(env: Env, html: string, rows: number): Promise<void> {
  await env.DB.batch([
    env.DB.prepare(
      "create table if not exists pages (id integer primary key, version integer not null, html text not null)",
    ),
    env.DB.prepare("delete from pages"),
    env.DB.prepare(
      `with recursive n(i) as (select 1 union all select i + 1 from n where i < ?)
       insert into pages (id, version, html) select i, i, ? from n`,
    ).bind(rows, html),
  ]);
}

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === "/ready") return new Response("ready");
    if (request.method === "PUT") {
      await fill(env, await request.text(), Number(url.searchParams.get("n") ?? 0));
      return new Response(null, { status: 204 });
    }
    const [, trips, n] = /^\/([12])\/(\d+)$/.exec(url.pathname) ?? [];
    if (!n) return new Response("GET /1/{n} or /2/{n}", { status: 404 });
    const id = Number(n);
    let key = `https://floor.internal/${id}`;
    if (trips === "2") {
      const version = await env.DB.prepare("select version from pages where id = ?").bind(id).first<number>("version");
      key += `/${version}`;
    }
    const html = await env.DB.prepare("select html from pages where id = ?").bind(id).first<string>("html");
    if (html === null) return new Response("no such page: PUT them first", { status: 404 });
    ctx.waitUntil(cache().put(key, new Response(html, { headers: HEADERS })));
    return new Response(html, { headers: { ...HEADERS, "x-cache": "MISS" } });
  },
} satisfies ExportedHandler<Env>;
