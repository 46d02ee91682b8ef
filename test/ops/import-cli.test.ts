// `npm run import -- <REST API address>` end to end, as a person runs it:
// a fake WordPress on loopback (posts, a photo served twice under two
// names), a throwaway local state, then the same command again, which must
// change nothing. Prints the import speed.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import sharp from "sharp";
import { afterAll, beforeAll, expect, it } from "vitest";
import { withLocalPlatform } from "../../scripts/local-platform";
import { createTempState, removeTempState } from "../../scripts/temp-state";
import { runScript } from "./run-script";

const POSTS = 40;
let server: Server;
let api: string;
let dir: string;

beforeAll(async () => {
  dir = await createTempState("edge-news-import-cli");
  const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#2a6" } })
    .jpeg()
    .toBuffer();
  server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (url.pathname.startsWith("/wp-content/uploads/")) {
      res.writeHead(200, { "content-type": "image/jpeg" }).end(jpeg);
      return;
    }
    const kind = url.pathname.replace("/wp-json/wp/v2/", "");
    const page = Number(url.searchParams.get("page") ?? 1);
    const lists: Record<string, unknown[]> = {
      categories: [{ id: 5, slug: "dong-bang", name: "Đồng bằng", link: `${origin}/category/dong-bang/` }],
      tags: [{ id: 7, name: "Mùa nước nổi" }],
      users: [{ id: 2, slug: "lan", name: "Trần Thị Lan", link: `${origin}/author/lan/` }],
      media: [
        {
          id: 10,
          source_url: `${origin}/wp-content/uploads/2024/10/ghe.jpg`,
          caption: { rendered: "Ghe chở lúa" },
          alt_text: "Ghe",
        },
      ],
      posts: Array.from({ length: POSTS }, (_, i) => ({
        id: 1000 + i,
        date: "2023-09-01T06:00:00",
        date_gmt: "2023-08-31T23:00:00",
        slug: `mua-nuoc-noi-${i}`,
        status: "publish",
        link: `${origin}/2023/09/01/mua-nuoc-noi-${i}/`,
        title: { rendered: `Mùa nước nổi, kỳ ${i + 1}` },
        content: {
          rendered: `<p>Nước về đồng, bà con <strong>đánh bắt cá linh</strong>.</p><figure class="wp-caption"><img src="${origin}/wp-content/uploads/2024/10/ghe-${i % 2}.jpg" alt=""><figcaption class="wp-caption-text">Ghe trên đồng</figcaption></figure><script>document.write("x")</script>`,
        },
        excerpt: { rendered: "" },
        author: 2,
        featured_media: 10,
        categories: [5],
        tags: [7],
      })),
    };
    const list = lists[kind] ?? [];
    if (page > 1) {
      res.writeHead(400).end("{}");
      return;
    }
    res.writeHead(200, { "content-type": "application/json", "x-wp-totalpages": "1" }).end(JSON.stringify(list));
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}/wp-json/wp/v2`;
});
afterAll(async () => {
  await new Promise<void>((done) => server.close(() => done()));
  if (dir) await removeTempState(dir);
});

it("imports a WordPress site through its REST API, and a rerun changes nothing", async () => {
  const started = Date.now();
  const first = await runScript("scripts/import.ts", [api, "--persist-to", dir]);
  const seconds = (Date.now() - started) / 1000;
  expect(first.output, first.output).toContain(`Đã nhập mới ${POSTS} bài, cập nhật 0 bài, bỏ qua 0 bài`);
  expect(first.code).toBe(0);
  const report = /Đã nhập mới.*\(([\d.]+) s\)/.exec(first.output);
  console.log(
    `import CLI: ${POSTS} articles in ${seconds.toFixed(1)} s with migrations and wrangler start; writing ${report?.[1]} s`,
  );
  const counts = () =>
    withLocalPlatform(async (env) => {
      const n = (q: string) => env.DB.prepare(q).first<number>("n");
      return {
        articles: await n("select count(*) as n from articles"),
        images: await n("select count(*) as n from images"),
        redirects: await n("select count(*) as n from legacy_redirects"),
        scripts: await n(
          "select count(*) as n from articles where body like '%script%' or body like '%document.write%'",
        ),
      };
    }, dir);
  const after = await counts();
  // Three URLs, one photo: the featured image and both inline names are the same bytes.
  expect(after).toEqual({ articles: POSTS, images: 1, redirects: after.redirects, scripts: 0 });
  expect(after.redirects).toBeGreaterThan(POSTS * 3);

  const again = await runScript("scripts/import.ts", [api, "--persist-to", dir]);
  expect(again.code).toBe(0);
  expect(again.output).toContain(`Đã nhập mới 0 bài, cập nhật 0 bài, bỏ qua ${POSTS} bài`);
  expect(await counts()).toEqual(after);
});
