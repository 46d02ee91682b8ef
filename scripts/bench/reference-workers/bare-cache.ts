// Reference Worker for `npm run bench` (issue 20): the cheapest cache HIT a
// Worker can serve. Every GET answers from one Cache API entry
// (`caches.default.match`), so its speed is what the cache itself costs; the
// site's HITs are measured against it. `PUT /` with a page's bytes sets the
// page (the bench sends the site's real article page, so the byte count is
// identical) and stores it; a GET that misses stores it again.
// Not part of the site: no bindings, started with its own wrangler config.
const KEY = "https://reference.internal/page";
const HEADERS = { "content-type": "text/html; charset=utf-8", "cache-control": "public, max-age=86400" };

let page: ArrayBuffer | null = null;

// `caches.default`, typed as in src/edge/cache.ts.
const cache = () => (caches as CacheStorage & { default: Cache }).default;

const stored = (body: ArrayBuffer) => new Response(body, { headers: { ...HEADERS, "x-cache": "HIT" } });

export default {
  async fetch(request: Request, _env: unknown, ctx: ExecutionContext): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === "/ready") return new Response("ready");
    if (request.method === "PUT") {
      page = await request.arrayBuffer();
      await cache().put(KEY, stored(page));
      return new Response(null, { status: 204 });
    }
    const hit = await cache().match(KEY);
    if (hit) return hit;
    if (!page) return new Response("no page yet: PUT one first", { status: 503 });
    ctx.waitUntil(cache().put(KEY, stored(page)));
    return new Response(page, { headers: { ...HEADERS, "x-cache": "MISS" } });
  },
} satisfies ExportedHandler;
