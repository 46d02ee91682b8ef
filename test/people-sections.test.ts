import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { loadDemo } from "./setup/demo";
import { get, getPage, text } from "./setup/http";
import { articleFields, type Editor, firstIds, idFromLocation, loginAs } from "./setup/newsroom";

beforeAll(loadDemo);

const count = async (table: string) =>
  (await env.DB.prepare(`select count(*) as n from ${table}`).first<number>("n")) ?? 0;
const auditActions = async (action: string) =>
  (await env.DB.prepare("select count(*) as n from audit_log where action = ?").bind(action).first<number>("n")) ?? 0;

async function publish(editor: Editor, fields: Record<string, string>): Promise<number> {
  const res = await editor.post("/admin/bai-viet", articleFields({ "hanh-dong": "dang", ...fields }));
  expect(res.status).toBe(303);
  return idFromLocation(res);
}

const articlePathOf = async (id: number) => {
  const row = await env.DB.prepare(
    "select a.slug, s.slug as section from articles a join sections s on s.id = a.section_id where a.id = ?",
  )
    .bind(id)
    .first<{ slug: string; section: string }>();
  return `/${row!.section}/${row!.slug}-${id}.html`;
};

const headerLinks = async (path = "/") =>
  (await getPage(path)).doc.querySelectorAll("header details.menu a").map((a) => a.getAttribute("href"));

describe("authors", () => {
  it("are created and edited in the newsroom, with byline, bio and photo on the reader pages", async () => {
    const editor = await loginAs("editor");
    const photo = await env.DB.prepare(
      "select id, r2_key from images order by created_at desc, id desc limit 1",
    ).first<{
      id: number;
      r2_key: string;
    }>();
    const form = await editor.page("/admin/tac-gia/moi");
    expect(form.querySelector(`input[type=radio][name=photoImageId][value="${photo!.id}"]`)).not.toBeNull();

    const created = await editor.post("/admin/tac-gia", {
      name: "Nguyễn Tú Anh",
      byline: "TÚ ANH",
      slug: "",
      bio: "Phóng viên mảng nông nghiệp.",
      photoImageId: String(photo!.id),
    });
    expect(created.status).toBe(303);
    const authorId = Number(/\/admin\/tac-gia\/(\d+)/.exec(created.headers.get("location")!)![1]);
    const row = await env.DB.prepare("select * from authors where id = ?").bind(authorId).first();
    expect(row).toMatchObject({ slug: "nguyen-tu-anh", byline: "TÚ ANH", photo_image_id: photo!.id });
    expect(await auditActions("author.create")).toBe(1);

    const { sectionId } = await firstIds();
    const id = await publish(editor, {
      headline: "Nông dân xuống giống vụ mới",
      sectionId: String(sectionId),
      authorId: String(authorId),
    });
    const article = await getPage(await articlePathOf(id));
    expect(article.html).toContain("TÚ ANH");

    const page = await getPage("/tac-gia/nguyen-tu-anh");
    expect(page.res.status).toBe(200);
    expect(text(page.doc.querySelector("h1"))).toBe("Nguyễn Tú Anh");
    expect(page.html).toContain("Phóng viên mảng nông nghiệp.");
    expect(page.doc.querySelector("img.portrait")?.getAttribute("src")).toContain(photo!.r2_key);
    expect(page.doc.querySelectorAll(".teaser h3").map(text)).toContain("Nông dân xuống giống vụ mới");

    // An edit shows at once on the cached author and article pages.
    const edited = await editor.post(`/admin/tac-gia/${authorId}`, {
      name: "Nguyễn Tú Anh",
      byline: "TÚ ANH (Đồng Tháp)",
      slug: "nguyen-tu-anh",
      bio: "Phụ trách mảng nông nghiệp và môi trường.",
      photoImageId: "",
    });
    expect(edited.status).toBe(303);
    const again = await getPage("/tac-gia/nguyen-tu-anh");
    expect(again.html).toContain("Phụ trách mảng nông nghiệp và môi trường.");
    expect(again.doc.querySelector("img.portrait")).toBeNull();
    expect((await getPage(await articlePathOf(id))).html).toContain("TÚ ANH (Đồng Tháp)");
    expect(await auditActions("author.save")).toBe(1);
  });

  it("refuse a taken slug, an empty byline or a photo not in the library with a Vietnamese 400, storing nothing", async () => {
    const editor = await loginAs("editor");
    const taken = await env.DB.prepare("select slug from authors order by id limit 1").first<string>("slug");
    const before = await count("authors");
    const dup = await editor.post("/admin/tac-gia", { name: "Người mới", byline: "NM", slug: taken!, bio: "" });
    expect(dup.status).toBe(400);
    const html = await dup.text();
    expect(html).toContain(`Đã có tác giả khác tại “/tac-gia/${taken}”`);
    expect(html).toContain('aria-describedby="slug-error"');
    const empty = await editor.post("/admin/tac-gia", { name: "Người mới", byline: " ", slug: "", bio: "" });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("Cần nhập bút danh");
    const photo = await editor.post("/admin/tac-gia", {
      name: "Người mới",
      byline: "NM",
      slug: "",
      bio: "",
      photoImageId: "999999",
    });
    expect(photo.status).toBe(400);
    expect(await photo.text()).toContain("Ảnh này không có trong thư viện");
    expect(await count("authors")).toBe(before);
  });
});

describe("accounts and bylines", () => {
  it("an admin links an account to an author; a reporter files under their own byline and cannot pick another", async () => {
    const admin = await loginAs("admin");
    const mine = await admin.post("/admin/tac-gia", { name: "Lê Minh", byline: "MINH LÊ", slug: "", bio: "" });
    const myAuthor = Number(/(\d+)/.exec(mine.headers.get("location")!.replace("/admin/tac-gia/", ""))![1]);
    const other = await env.DB.prepare("select id from authors where id != ? order by id limit 1")
      .bind(myAuthor)
      .first<number>("id");
    const reporter = await loginAs("reporter", { authorId: null });

    // Not linked yet: no article under anyone's name.
    const { sectionId } = await firstIds();
    const unlinked = await reporter.post(
      "/admin/bai-viet",
      articleFields({ headline: "Bài chưa có bút danh", sectionId: String(sectionId), authorId: String(other) }),
    );
    expect(unlinked.status).toBe(400);
    expect(await unlinked.text()).toContain("chưa gắn với tác giả nào");

    const linked = await admin.post(`/admin/nguoi-dung/${reporter.id}`, {
      role: "reporter",
      authorId: String(myAuthor),
    });
    expect(linked.status).toBe(303);
    expect(await env.DB.prepare("select author_id from users where id = ?").bind(reporter.id).first("author_id")).toBe(
      myAuthor,
    );
    expect(await auditActions("user.author")).toBe(1);
    const people = await admin.page("/admin/nguoi-dung");
    expect(people.querySelector(`#authorId-${reporter.id} option[selected]`)?.getAttribute("value")).toBe(
      String(myAuthor),
    );

    // The form offers only their own byline, chosen.
    const form = await reporter.page("/admin/bai-viet/moi");
    const options = form.querySelectorAll("#authorId option").filter((o) => o.getAttribute("value"));
    expect(options.map((o) => o.getAttribute("value"))).toEqual([String(myAuthor)]);
    expect(form.querySelector("#authorId option[selected]")?.getAttribute("value")).toBe(String(myAuthor));

    const before = await count("articles");
    const picked = await reporter.post(
      "/admin/bai-viet",
      articleFields({ headline: "Bài đứng tên người khác", sectionId: String(sectionId), authorId: String(other) }),
    );
    expect(picked.status).toBe(400);
    expect(await picked.text()).toContain("Phóng viên chỉ được đứng tên bút danh của chính mình");
    expect(await count("articles")).toBe(before);

    const own = await reporter.post(
      "/admin/bai-viet",
      articleFields({ headline: "Bài của phóng viên", sectionId: String(sectionId), authorId: "" }),
    );
    expect(own.status).toBe(303);
    expect(
      await env.DB.prepare("select author_id from articles where id = ?").bind(idFromLocation(own)).first("author_id"),
    ).toBe(myAuthor);

    // An unknown author is refused.
    const bad = await admin.post(`/admin/nguoi-dung/${reporter.id}`, { role: "reporter", authorId: "999999" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Tác giả không tồn tại.");
  });
});

describe("sections", () => {
  it("are created, renamed with 301s from every old address, reordered and hidden", async () => {
    const editor = await loginAs("editor");
    const created = await editor.post("/admin/chuyen-muc", {
      name: "Nông nghiệp",
      slug: "",
      description: "Tin nhà nông.",
      position: "50",
    });
    expect(created.status).toBe(303);
    const sectionId = Number(/\/admin\/chuyen-muc\/(\d+)/.exec(created.headers.get("location")!)![1]);
    expect(await env.DB.prepare("select slug from sections where id = ?").bind(sectionId).first("slug")).toBe(
      "nong-nghiep",
    );
    expect(await headerLinks()).toContain("/nong-nghiep");
    const { authorId } = await firstIds();
    const id = await publish(editor, {
      headline: "Giá lúa tăng",
      sectionId: String(sectionId),
      authorId: String(authorId),
    });
    const oldArticle = `/nong-nghiep/gia-lua-tang-${id}.html`;
    expect((await get(oldArticle)).status).toBe(200);
    expect((await get("/nong-nghiep")).status).toBe(200);

    const renamed = await editor.post(`/admin/chuyen-muc/${sectionId}`, {
      name: "Nhà nông",
      slug: "nha-nong",
      description: "Tin nhà nông.",
      position: "50",
    });
    expect(renamed.status).toBe(303);
    const redirects: [string, string][] = [
      ["/nong-nghiep", "/nha-nong"],
      ["/nong-nghiep?page=2", "/nha-nong?page=2"],
      ["/nong-nghiep/rss.xml", "/nha-nong/rss.xml"],
      [oldArticle, `/nha-nong/gia-lua-tang-${id}.html`],
      ["/lite/nong-nghiep", "/lite/nha-nong"],
    ];
    for (const [from, to] of redirects) {
      const res = await get(from);
      expect(res.status, from).toBe(301);
      expect(res.headers.get("location"), from).toBe(to);
    }
    const now = await getPage("/nha-nong");
    expect(now.res.status).toBe(200);
    expect(text(now.doc.querySelector("h1"))).toBe("Nhà nông");
    expect((await get(`/nha-nong/gia-lua-tang-${id}.html`)).status).toBe(200);
    expect((await get("/nha-nong/rss.xml")).status).toBe(200);
    // The cached home page's menu follows at once.
    const links = await headerLinks();
    expect(links).toContain("/nha-nong");
    expect(links).not.toContain("/nong-nghiep");
    expect(await auditActions("section.rename")).toBe(1);
    expect(await (await editor.get(`/admin/chuyen-muc/${sectionId}`)).text()).toContain("/nong-nghiep");

    // Reorder: first in the menu.
    const first = await editor.post("/admin/chuyen-muc/thu-tu", { [`position-${sectionId}`]: "-5" });
    expect(first.status).toBe(303);
    expect((await headerLinks()).filter((h) => h !== "/")[0]).toBe("/nha-nong");
    expect((await editor.post("/admin/chuyen-muc/thu-tu", { [`position-${sectionId}`]: "đầu" })).status).toBe(400);

    // Hidden: out of the menus and the home page; its page and articles still answer.
    const hidden = await editor.post(`/admin/chuyen-muc/${sectionId}`, {
      name: "Nhà nông",
      slug: "nha-nong",
      description: "Tin nhà nông.",
      position: "-5",
      hidden: "1",
    });
    expect(hidden.status).toBe(303);
    const home = await getPage("/");
    expect(home.doc.querySelectorAll("a").map((a) => a.getAttribute("href"))).not.toContain("/nha-nong");
    expect(home.doc.querySelector("#s-nha-nong")).toBeNull();
    expect((await get("/nha-nong")).status).toBe(200);
    expect((await get(`/nha-nong/gia-lua-tang-${id}.html`)).status).toBe(200);
    // The article form still offers it, marked as hidden.
    const form = await editor.page("/admin/bai-viet/moi");
    expect(text(form.querySelector(`#sectionId option[value="${sectionId}"]`))).toBe("Nhà nông (đang ẩn)");
  });

  it("refuse reserved, taken and former slugs with a Vietnamese 400, storing nothing", async () => {
    const editor = await loginAs("editor");
    const section = (slug: string, name = "Chuyên mục thử") =>
      editor.post("/admin/chuyen-muc", { name, slug, description: "", position: "1" });
    const before = await count("sections");
    const cases: [string, string][] = [
      ["tac-gia", "“/tac-gia” là đường dẫn của hệ thống"],
      ["admin", "“/admin” là đường dẫn của hệ thống"],
      ["kinh-te", "Đã có chuyên mục khác tại “/kinh-te”"],
      ["gioi-thieu", "Đã có trang tĩnh tại “/gioi-thieu”"],
      ["Có Dấu", "Đường dẫn chỉ gồm chữ thường không dấu"],
    ];
    for (const [slug, message] of cases) {
      const res = await section(slug);
      expect(res.status, slug).toBe(400);
      const html = await res.text();
      expect(html, slug).toContain(message);
      expect(html).toContain('aria-describedby="slug-error"');
    }
    expect((await section("", "")).status).toBe(400);
    expect(await count("sections")).toBe(before);

    // A former slug stays with its section: another section or a static page may not take it.
    const made = await section("mua-nuoc-noi", "Mùa nước nổi");
    const id = /\/admin\/chuyen-muc\/(\d+)/.exec(made.headers.get("location")!)![1];
    await editor.post(`/admin/chuyen-muc/${id}`, { name: "Mùa lũ", slug: "mua-lu", description: "", position: "1" });
    const again = await section("mua-nuoc-noi");
    expect(again.status).toBe(400);
    expect(await again.text()).toContain("địa chỉ cũ của chuyên mục khác");
    const page = await editor.post("/admin/trang", {
      title: "Mùa nước nổi",
      slug: "mua-nuoc-noi",
      body: "Chữ.",
      status: "draft",
    });
    expect(page.status).toBe(400);
    // ...but the section itself may take it back, and then answers there again.
    const back = await editor.post(`/admin/chuyen-muc/${id}`, {
      name: "Mùa nước nổi",
      slug: "mua-nuoc-noi",
      description: "",
      position: "1",
    });
    expect(back.status).toBe(303);
    expect((await get("/mua-nuoc-noi")).status).toBe(200);
    expect((await get("/mua-lu")).headers.get("location")).toBe("/mua-nuoc-noi");
  });
});

describe("permissions", () => {
  it("reporters get a Vietnamese 403 for authors and sections; editors may; only admins edit menus", async () => {
    const reporter = await loginAs("reporter");
    const before = [await count("authors"), await count("sections")];
    for (const path of ["/admin/tac-gia", "/admin/tac-gia/moi", "/admin/chuyen-muc", "/admin/chuyen-muc/moi"]) {
      const res = await reporter.get(path);
      expect(res.status, path).toBe(403);
    }
    const post = await reporter.post("/admin/chuyen-muc", { name: "Lén", slug: "len", description: "", position: "1" });
    expect(post.status).toBe(403);
    expect(await post.text()).toContain("Chỉ biên tập viên và quản trị viên được quản lý chuyên mục.");
    expect((await reporter.post("/admin/tac-gia", { name: "Lén", byline: "LÉN", slug: "", bio: "" })).status).toBe(403);
    expect([await count("authors"), await count("sections")]).toEqual(before);

    const editor = await loginAs("editor");
    expect((await editor.get("/admin/tac-gia")).status).toBe(200);
    expect((await editor.get("/admin/chuyen-muc")).status).toBe(200);
    expect((await editor.get("/admin/menu")).status).toBe(403);
    const admin = await loginAs("admin");
    expect((await admin.get("/admin/menu")).status).toBe(200);
    // Newsroom screens are never cached.
    expect((await admin.get("/admin/chuyen-muc")).headers.get("cache-control")).toBe("private, no-store");
  });
});
