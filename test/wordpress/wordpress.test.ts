// The real WordPress the importer is tested against (scripts/wordpress/):
// Debian's WordPress on MariaDB and PHP, seeded with Vietnamese content. This
// file checks the source side (REST API, permalinks, application password,
// WXR export) and stops everything; the importer's end-to-end comparison
// goes in the marked block below. Without the Debian packages (and no root
// or sudo to install them) it is skipped with a note; under CI=true that is
// a failure.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer } from "node:net";
import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensurePackages, startWordPress, type WordPressSite, WordPressUnavailable } from "../../scripts/wordpress/site";

const unavailable = await ensurePackages().then(
  () => "",
  (error: unknown) => {
    if (error instanceof WordPressUnavailable && process.env.CI !== "true") return error.message;
    throw error;
  },
);
if (unavailable) console.warn(`Skipping the WordPress tests: ${unavailable}`);

/** A loopback port nothing listens on now, so a WordPress another run left up is never the one tested. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

interface RestPost {
  id: number;
  slug: string;
  link: string;
  status: string;
  featured_media: number;
}

describe.skipIf(unavailable)("a real WordPress seeded with Vietnamese content", () => {
  let site: WordPressSite;
  const published = () => site.manifest.posts.filter((p) => p.status === "publish");

  beforeAll(async () => {
    const started = Date.now();
    site = await startWordPress({ port: await freePort() });
    console.log(`WordPress up and seeded in ${Date.now() - started} ms: ${JSON.stringify(site.timings)}`);
  });
  afterAll(() => site?.stop());

  it("has what the importer must handle", () => {
    const m = site.manifest;
    expect(m.authors.length).toBeGreaterThanOrEqual(3);
    expect(m.categories).toHaveLength(4);
    expect(published().length).toBeGreaterThanOrEqual(12);
    expect(m.posts.filter((p) => p.status === "draft")).toHaveLength(1);
    expect(m.posts.filter((p) => p.status === "future")).toHaveLength(1);
    expect(m.attachments.length).toBeGreaterThanOrEqual(12);
    // One photo uploaded twice (same bytes, two attachments) for deduplication.
    expect(new Set(m.attachments.map((a) => a.sha256)).size).toBe(m.attachments.length - 1);
  });

  it("lists the published posts in the REST API, with their featured media", async () => {
    const res = await fetch(`${site.restApi}/posts?per_page=5`);
    expect(res.status).toBe(200);
    expect(res.headers.get("x-wp-total")).toBe(String(published().length));
    expect(res.headers.get("x-wp-totalpages")).toBe(String(Math.ceil(published().length / 5)));
    const all = (await (await fetch(`${site.restApi}/posts?per_page=100`)).json()) as RestPost[];
    expect(all.map((p) => p.id).sort()).toEqual(
      published()
        .map((p) => p.id)
        .sort(),
    );
    for (const post of published()) {
      const rest = all.find((p) => p.id === post.id)!;
      expect(rest.featured_media, post.key).toBe(post.featured_media);
      expect(rest.link).toBe(post.link);
      if (!post.featured_media) continue;
      const media = (await (await fetch(`${site.restApi}/media/${post.featured_media}`)).json()) as {
        source_url: string;
      };
      const photo = await fetch(media.source_url);
      expect(photo.status, media.source_url).toBe(200);
      expect(photo.headers.get("content-type")).toBe("image/jpeg");
    }
  });

  it("serves a photo with its Exif orientation, as archives from before WordPress 5.3 have", async () => {
    const turned = site.manifest.attachments.filter((a) => a.orientation !== 1);
    expect(turned).toHaveLength(1);
    const bytes = Buffer.from(await (await fetch(turned[0]!.url)).arrayBuffer());
    expect(bytes.subarray(0, 4).toString("hex")).toBe("ffd8ffe1");
    expect(bytes.subarray(6, 10).toString("latin1")).toBe("Exif");
  });

  it("shows drafts and scheduled posts only with the application password", async () => {
    const { user, password } = site.manifest.application_password;
    const url = `${site.restApi}/posts?status=draft,future&context=edit`;
    expect((await fetch(url)).status).toBe(400);
    const res = await fetch(url, {
      headers: { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}` },
    });
    expect(res.status).toBe(200);
    const statuses = ((await res.json()) as RestPost[]).map((p) => p.status).sort();
    expect(statuses).toEqual(["draft", "future"]);
  });

  it("answers the old addresses: /YYYY/MM/DD/slug/ and /?p=ID", async () => {
    for (const post of published()) {
      expect(post.link).toMatch(/\/\d{4}\/\d{2}\/\d{2}\/[a-z0-9-]+\/$/);
      expect((await fetch(post.link)).status, post.link).toBe(200);
      const short = await fetch(`${site.url}/?p=${post.id}`, { redirect: "manual" });
      expect(short.status).toBe(301);
      expect(short.headers.get("location")).toBe(post.link);
    }
  });

  it("exports every post, attachment and author to WXR with export_wp()", async () => {
    const xml = await readFile(site.wxrFile, "utf8");
    const rss = new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => ["item", "wp:author"].includes(name),
    }).parse(xml).rss;
    const items = rss.channel.item as Record<string, unknown>[];
    const ids = (type: string) =>
      items
        .filter((i) => i["wp:post_type"] === type)
        .map((i) => Number(i["wp:post_id"]))
        .sort();
    expect(ids("post")).toEqual(site.manifest.posts.map((p) => p.id).sort());
    expect(ids("attachment")).toEqual(site.manifest.attachments.map((a) => a.id).sort());
    const logins = (rss.channel["wp:author"] as Record<string, unknown>[]).map((a) => a["wp:author_login"]);
    for (const author of site.manifest.authors) expect(logins).toContain(author.login);
    // What the importer must not carry over is really in the source.
    expect(xml).toContain("<script>document.write(");
    expect(xml).toContain('<iframe width="560" height="315" src="https://www.youtube.com/embed/');
    expect(xml).toContain("[caption id=");
    expect(xml).toContain("[gallery ");
    expect(xml).toContain("<figcaption");
  });

  // ---------------------------------------------------------------------
  // IMPORTER END-TO-END (issue 19, Deliver 4): to be wired in when the
  // importer (branch i19-import) is merged. Against a fresh temp local state
  // (scripts/temp-state.ts) and `wrangler dev`:
  //   npm run import -- <site.wxrFile>
  //   npm run import -- <site.restApi>   (with site.manifest.application_password)
  // then, page by page against site.manifest: same count of published
  // articles, every photo in R2 (site.manifest.attachments[].sha256, the
  // duplicate stored once), captions and credits kept, every old URL
  // (post.link, /?p=ID, /slug/, category archives, /wp-content/uploads/...)
  // answers 301 to a 200 page, no <script>/<style>/<iframe> survives, the
  // draft stays a draft, the scheduled post is not public, rerunning
  // changes nothing.
  it.todo("imports this site through WXR and the REST API and compares page by page");
  // ---------------------------------------------------------------------

  it("stops MariaDB and PHP and deletes its directory", async () => {
    await site.stop();
    expect(existsSync(site.dir)).toBe(false);
    await expect(fetch(`${site.url}/wp-json/`)).rejects.toThrow();
  });
});
