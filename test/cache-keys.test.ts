// Issue 21, items 1, 2 and 6: what a page's cache entry is named by, who may
// skip the cache, and tags that only unpublished articles use.
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_ARTICLES } from "../scripts/demo/articles/index";
import { createArticle } from "../src/db/article-writes";
import { openDatabase } from "../src/db/client";
import { insertAuthor } from "../src/db/people";
import { insertSession } from "../src/db/users";
import { signSessionToken } from "../src/edge/policy";
import { randomToken, sha256Hex } from "../src/platform/crypto";
import { loadDemo } from "./setup/demo";
import { articleUrl } from "./setup/demo-urls";
import { get } from "./setup/http";
import { createUser, firstIds, loginAs } from "./setup/newsroom";

beforeAll(loadDemo);

/** Requests a page until the background cache.put of its first render has landed. */
async function warm(path: string): Promise<void> {
  for (let i = 0; i < 20; i++) {
    if ((await get(path)).headers.get("x-cache") === "HIT") return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${path} never became a cache HIT`);
}

const xCache = async (path: string, init?: RequestInit) => (await get(path, init)).headers.get("x-cache");

describe("cache keys hold only what a page reads (item 1)", () => {
  it("an article ignores ?q= and ?page=: the same entry, a HIT, not a new copy", async () => {
    const path = await articleUrl(DEMO_ARTICLES[2]!.headline);
    await warm(path);
    const plain = await (await get(path)).text();
    for (const q of ["q=junkA", "q=junkB", "page=2", "page=abc", "q=x&page=99999999999"]) {
      const res = await get(`${path}?${q}`);
      expect(res.status, q).toBe(200);
      expect(res.headers.get("x-cache"), q).toBe("HIT");
      // The very page stored for the bare address (the form's per-request token aside).
      const strip = (html: string) => html.replace(/name="t" value="[^"]*"/g, "");
      expect(strip(await res.text()), q).toBe(strip(plain));
    }
  });

  it("the home page and the feed ignore parameters they do not read", async () => {
    for (const path of ["/", "/rss.xml", "/sitemap.xml"]) {
      await warm(path);
      for (const q of ["q=junk1", "page=2", "truoc=5"])
        expect(await xCache(`${path}?${q}`), `${path}?${q}`).toBe("HIT");
    }
  });

  it("page=1 and no page are one entry on a list; another real page is its own", async () => {
    await warm("/kinh-te");
    expect(await xCache("/kinh-te?page=1")).toBe("HIT");
    expect(await xCache("/kinh-te?page=1&utm_source=zalo&q=junk")).toBe("HIT");
    const id = (await env.DB.prepare("select max(id) as id from articles").first<{ id: number }>())!.id;
    expect(await xCache(`/kinh-te?truoc=${id}`)).toBe("MISS");
  });

  it("a malformed page or cursor is a Vietnamese 400, never a cache entry", async () => {
    for (const q of ["page=abc", "page=0", "page=99999999999", "page=-1", "truoc=abc", "truoc=0"]) {
      for (const path of ["/kinh-te", "/tac-gia/minh-thu", "/tim-kiem"]) {
        if (path === "/tim-kiem" && q.startsWith("truoc")) continue;
        const res = await get(`${path}?${q}`);
        expect(res.status, `${path}?${q}`).toBe(400);
        expect(await res.text()).toMatch(/không hợp lệ/);
        expect(res.headers.get("x-cache"), `${path}?${q}`).toBeNull();
      }
    }
  });

  it("search keys by its words as searched and its page, nothing else", async () => {
    await warm("/tim-kiem?q=lúa");
    expect(await xCache("/tim-kiem?q=l%C3%BAa&page=1&utm_medium=social")).toBe("HIT");
    expect(await xCache("/tim-kiem?q=+l%C3%BAa+")).toBe("HIT");
    // Decomposed tone marks are the same words (NFC).
    expect(await xCache(`/tim-kiem?q=${encodeURIComponent("lúa".normalize("NFD"))}`)).toBe("HIT");
    expect(await xCache("/tim-kiem?q=t%C3%B4m")).toBe("MISS");
  });

  it("a static page answers a list's parameters with a 301 to its one address", async () => {
    await warm("/gioi-thieu");
    const res = await get("/gioi-thieu?page=2");
    expect(res.status).toBe(301);
    expect(res.headers.get("location")).toBe("/gioi-thieu");
    expect(await xCache("/gioi-thieu?page=1")).toBe("HIT");
  });
});

describe("only a real session skips the cache (item 2)", () => {
  const path = "/giao-duc-the-thao";

  it("a forged __Host-phien cookie gets the readers' cached page", async () => {
    await warm(path);
    const future = Math.floor(Date.now() / 1000) + 3600;
    for (const value of [
      "abc",
      "ab".repeat(32),
      `${"ab".repeat(32)}.${future}.${"cd".repeat(16)}`,
      `${"ab".repeat(32)}.${future}`,
    ]) {
      const res = await get(path, { headers: { cookie: `theme=dark; __Host-phien=${value}` } });
      expect(res.headers.get("x-cache"), value).toBe("HIT");
      expect(res.headers.get("cache-control"), value).toMatch(/^public/);
    }
  });

  it("a signed cookie whose end has passed, or signed with another secret, is forged too", async () => {
    await warm(path);
    const token = "12".repeat(32);
    const ended = await signSessionToken(env, token, new Date(Date.now() - 1000));
    const otherSecret = await signSessionToken(
      { FORM_SECRET: "not-the-workers" },
      token,
      new Date(Date.now() + 60_000),
    );
    for (const value of [ended, otherSecret]) {
      expect(await xCache(path, { headers: { cookie: `__Host-phien=${value}` } }), value).toBe("HIT");
    }
  });

  it("a signed-in editor still bypasses and gets a fresh page; a tampered copy of their cookie does not", async () => {
    await warm(path);
    const editor = await loginAs("editor");
    expect(editor.cookie).toMatch(/^__Host-phien=[0-9a-f]{64}\.\d+\.[0-9a-f]{32}$/);
    const res = await editor.get(path);
    expect(res.headers.get("x-cache")).toBe("BYPASS");
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    // Their session works in the newsroom.
    expect((await editor.get("/admin/bai-viet")).status).toBe(200);
    const tampered = editor.cookie.replace(/\.(\d+)\./, (_, s: string) => `.${Number(s) + 1}.`);
    expect(await xCache(path, { headers: { cookie: tampered } })).toBe("HIT");
    const admin = await get("/admin/bai-viet", { headers: { cookie: tampered } });
    expect(admin.status).toBe(303);
    expect(admin.headers.get("location")).toMatch(/^\/admin\/dang-nhap/);
  });
  it("a session cookie from before signing still opens the newsroom, and is answered with a signed one", async () => {
    const user = await createUser("editor");
    const token = randomToken();
    const now = Date.now();
    await insertSession(openDatabase(env.DB), {
      id: await sha256Hex(token),
      userId: user.id,
      csrfToken: randomToken(),
      createdAt: new Date(now),
      lastSeenAt: new Date(now),
      expiresAt: new Date(now + 3_600_000),
      device: "",
    });
    // Unsigned, it no longer skips the reader cache...
    await warm(path);
    expect(await xCache(path, { headers: { cookie: `__Host-phien=${token}` } })).toBe("HIT");
    // ...but the newsroom still knows it, and signs it.
    const res = await get("/admin/bai-viet", { headers: { cookie: `__Host-phien=${token}` } });
    expect(res.status).toBe(200);
    const signed = res.headers.get("set-cookie")!.split(";")[0]!;
    expect(signed).toMatch(new RegExp(`^__Host-phien=${token}\\.\\d+\\.[0-9a-f]{32}$`));
    expect(await xCache(path, { headers: { cookie: signed } })).toBe("BYPASS");
  });
});

describe("tags only unpublished articles use (item 6)", () => {
  async function articleWithTag(tag: string, status: "draft" | "published", publishedAt: Date | null) {
    const { sectionId, authorId } = await firstIds();
    await createArticle(openDatabase(env.DB), {
      sectionId,
      authorId,
      headline: `Bài có chủ đề ${tag} ${status}`,
      lead: "Sapo.",
      body: [{ type: "paragraph", text: "Nội dung." }],
      status,
      publishedAt,
      tags: [tag],
    });
  }

  it("answer 404 like an unknown tag, for drafts and scheduled articles alike", async () => {
    const unknown = await get("/chu-de/khong-co-chu-de-nay");
    expect(unknown.status).toBe(404);
    await articleWithTag("Sáp nhập tỉnh mật", "draft", null);
    await articleWithTag("Cầu mới sắp khởi công", "published", new Date(Date.now() + 86_400_000));
    for (const slug of ["sap-nhap-tinh-mat", "cau-moi-sap-khoi-cong"]) {
      for (const path of [`/chu-de/${slug}`, `/lite/chu-de/${slug}`, `/chu-de/${slug}?page=1`]) {
        const res = await get(path);
        expect(res.status, path).toBe(404);
        const html = await res.text();
        expect(html, path).toContain("Không tìm thấy trang");
        expect(html, path).not.toMatch(/Sáp nhập tỉnh mật|Cầu mới sắp khởi công/);
      }
    }
  });

  it("a tag shows once one of its articles is published", async () => {
    await articleWithTag("Mùa nước nổi", "draft", null);
    expect((await get("/chu-de/mua-nuoc-noi")).status).toBe(404);
    await articleWithTag("Mùa nước nổi", "published", new Date(Date.now() - 1000));
    const res = await get("/chu-de/mua-nuoc-noi");
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Mùa nước nổi");
  });
});

describe("authors none of whose articles is published yet", () => {
  it("answer 404 like an unknown author, then show once an article of theirs is published", async () => {
    const db = openDatabase(env.DB);
    const { sectionId } = await firstIds();
    const authorId = await insertAuthor(db, {
      slug: "phong-vien-moi",
      name: "Lâm Phóng Viên Mới",
      byline: "Lâm P. V. M.",
    });
    const article = (status: "draft" | "published", publishedAt: Date | null) =>
      createArticle(db, {
        sectionId,
        authorId,
        headline: `Bài của phóng viên mới (${status})`,
        lead: "Sapo.",
        body: [{ type: "paragraph", text: "Nội dung." }],
        status,
        publishedAt,
        tags: [],
      });
    await article("draft", null);
    await article("published", new Date(Date.now() + 86_400_000));
    for (const path of ["/tac-gia/phong-vien-moi", "/lite/tac-gia/phong-vien-moi"]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      const html = await res.text();
      expect(html, path).toContain("Không tìm thấy trang");
      expect(html, path).not.toContain("Lâm Phóng Viên Mới");
    }
    await article("published", new Date(Date.now() - 1000));
    const res = await get("/tac-gia/phong-vien-moi");
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Lâm Phóng Viên Mới");
  });
});
