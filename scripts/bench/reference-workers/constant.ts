// Reference Worker for `npm run bench` (issue 20): a page answered from a
// string in memory, nothing looked up: the ceiling for any Worker on this
// machine. `PUT /` with a page's bytes sets the string (the bench sends the
// site's real article page, so the byte count is identical).
// Not part of the site: no bindings, started with its own wrangler config.
let page: string | null = null;

export default {
  async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === "/ready") return new Response("ready");
    if (request.method === "PUT") {
      page = await request.text();
      return new Response(null, { status: 204 });
    }
    if (page === null) return new Response("no page yet: PUT one first", { status: 503 });
    return new Response(page, { headers: { "content-type": "text/html; charset=utf-8", "x-cache": "CONSTANT" } });
  },
} satisfies ExportedHandler;
