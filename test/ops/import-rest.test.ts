// The WordPress REST reader (scripts/import/rest.ts) against a fake
// /wp-json/wp/v2 on loopback: pagination, _embed authors, statuses, a 500
// half way (clear message naming the page, then a resumed run that fetches
// only what it had not), and an application password sent as Basic auth.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readDocument } from "../../scripts/import/format";
import { RestReadError, readRest } from "../../scripts/import/rest";

const posts = Array.from({ length: 150 }, (_, i) => ({
  id: i + 1,
  date: "2024-10-05T08:30:00",
  date_gmt: "2024-10-05T01:30:00",
  modified_gmt: "2024-10-05T02:00:00",
  slug: `bai-${i + 1}`,
  status: i === 149 ? "draft" : "publish",
  link: `http://wp.local/2024/10/05/bai-${i + 1}/`,
  title: { rendered: `Bài số ${i + 1} &#8211; Cần Thơ` },
  content: { rendered: `<p>Nội dung ${i + 1}</p><script>alert(1)</script>` },
  excerpt: { rendered: "<p>Tóm tắt</p>" },
  author: i % 2 ? 2 : 3,
  featured_media: i === 0 ? 10 : 0,
  categories: [5],
  tags: [7],
  _embedded: {
    author: [{ id: i % 2 ? 2 : 3, slug: i % 2 ? "lan" : "minh", name: i % 2 ? "Trần Thị Lan" : "Lê Văn Minh" }],
  },
}));
const data: Record<string, unknown[]> = {
  categories: [{ id: 5, slug: "thoi-su", name: "Thời sự", description: "", link: "http://wp.local/category/thoi-su/" }],
  tags: [{ id: 7, name: "Lũ lụt" }],
  users: [{ id: 2, slug: "lan", name: "Trần Thị Lan", description: "", link: "http://wp.local/author/lan/" }],
  media: [
    {
      id: 10,
      source_url: "http://wp.local/wp-content/uploads/2024/10/a.jpg",
      caption: { rendered: "<p>Chú thích</p>" },
      alt_text: "Mô tả",
      media_details: { image_meta: { credit: "Trần Lan" } },
      link: "http://wp.local/anh-a/",
    },
  ],
  posts,
};

let server: Server;
let api: string;
const requests: string[] = [];
let failPostsPage2 = 0;
let lastAuth = "";

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    requests.push(url.pathname + url.search);
    lastAuth = String(req.headers.authorization ?? "");
    const kind = url.pathname.replace("/wp-json/wp/v2/", "");
    const page = Number(url.searchParams.get("page") ?? 1);
    const perPage = Number(url.searchParams.get("per_page") ?? 10);
    if (kind === "posts" && page === 2 && failPostsPage2 > 0) {
      failPostsPage2--;
      res.writeHead(500).end("lỗi");
      return;
    }
    const list = (data[kind] ?? []).filter(
      (p) => kind !== "posts" || lastAuth || (p as { status: string }).status === "publish",
    );
    const pages = Math.max(1, Math.ceil(list.length / perPage));
    if (page > pages) {
      res.writeHead(400, { "content-type": "application/json" }).end("{}");
      return;
    }
    res
      .writeHead(200, { "content-type": "application/json", "x-wp-totalpages": String(pages) })
      .end(JSON.stringify(list.slice((page - 1) * perPage, page * perPage)));
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}/wp-json/wp/v2`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

describe("WordPress REST reader", () => {
  it("reads every page into a valid document", async () => {
    const { doc, problems } = readDocument(await readRest(api));
    expect(problems).toEqual([]);
    expect(doc.items).toHaveLength(149); // the draft needs an application password
    expect(doc.items[0]).toMatchObject({
      title: "Bài số 1 – Cần Thơ",
      section: "5",
      tags: ["Lũ lụt"],
      featuredMedia: "10",
      permalinks: ["/?p=1", "/2024/10/05/bai-1", "/bai-1"],
    });
    expect(doc.items[0]!.publishedAt!.toISOString()).toBe("2024-10-05T01:30:00.000Z");
    expect(doc.authors.map((a) => a.name).sort()).toEqual(["Lê Văn Minh", "Trần Thị Lan"]);
    expect(doc.media[0]).toMatchObject({ caption: "Chú thích", credit: "Trần Lan", alt: "Mô tả" });
    expect(doc.sections[0]!.permalinks).toEqual(["/category/thoi-su", "/?cat=5"]);
  });

  it("sends the application password and gets drafts too", async () => {
    const { doc } = readDocument(await readRest(api, { auth: "admin:abcd efgh" }));
    expect(lastAuth).toBe(`Basic ${Buffer.from("admin:abcd efgh").toString("base64")}`);
    expect(doc.items.find((i) => i.id === "150")).toMatchObject({ status: "draft", publishedAt: null });
  });

  it("stops at a 500 half way naming the page, and the rerun resumes without refetching", async () => {
    const dir = await mkdtemp(join(tmpdir(), "import-resume-"));
    try {
      failPostsPage2 = 5;
      const stopped = await readRest(api, { resumeDir: dir, attempts: 2 }).catch((e: Error) => e);
      expect(stopped).toBeInstanceOf(RestReadError);
      expect((stopped as Error).message).toMatch(/posts.* trang 2 .*500.*chạy lại/);
      expect((await readdir(dir)).length).toBeGreaterThan(0);
      failPostsPage2 = 0;
      requests.length = 0;
      const { doc } = readDocument(await readRest(api, { resumeDir: dir }));
      expect(doc.items).toHaveLength(149);
      // Only the page that failed was fetched again.
      expect(requests).toEqual([expect.stringMatching(/^\/wp-json\/wp\/v2\/posts\?.*page=2&per_page=100$/)]);
      await expect(readdir(dir)).rejects.toThrow(); // done: nothing kept
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("names a timeout", async () => {
    const slow = createServer(() => undefined);
    await new Promise<void>((done) => slow.listen(0, "127.0.0.1", done));
    const url = `http://127.0.0.1:${(slow.address() as AddressInfo).port}/wp-json/wp/v2`;
    try {
      await expect(readRest(url, { timeoutMs: 200, attempts: 1 })).rejects.toThrow(
        /categories.*trang 1.*hết thời gian chờ/,
      );
    } finally {
      slow.closeAllConnections();
      await new Promise<void>((done) => slow.close(() => done()));
    }
  });
});
