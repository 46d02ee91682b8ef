import { env } from "cloudflare:test";
import type { HTMLElement } from "node-html-parser";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { DEMO_ARTICLES } from "../scripts/demo/articles/index";
import { DEMO_SECTIONS } from "../scripts/demo/people";
import { JPEG, PNG } from "./fixtures/image-formats";
import { loadDemo } from "./setup/demo";
import { articleUrl } from "./setup/demo-urls";
import { get, getPage, text } from "./setup/http";
import { type Editor, loginAs, ORIGIN } from "./setup/newsroom";

beforeAll(loadDemo);
afterEach(() => vi.useRealTimers());

const secondPaper = JSON.parse(env.SECOND_PAPER) as Record<string, string>;
const footer = (doc: HTMLElement) => text(doc.querySelector(".site-footer"));

async function pageTypes(): Promise<string[]> {
  const article = await articleUrl(DEMO_ARTICLES[0]!.headline);
  const doc = (await getPage(article)).doc;
  return [
    "/",
    "/kinh-te",
    article,
    `/lite${article}`,
    doc.querySelector('a[href^="/chu-de/"]')!.getAttribute("href")!,
    doc.querySelector('a[href^="/tac-gia/"]')!.getAttribute("href")!,
    "/tim-kiem?q=lua",
    "/gioi-thieu",
    "/khong-co-trang-nay",
  ];
}

function upload(editor: Editor, bytes: Uint8Array, name: string, type: string): Promise<Response> {
  const form = new FormData();
  form.set("_csrf", editor.csrf);
  form.set("file", new File([bytes as BlobPart], name, { type }));
  form.set("alt", "Logo");
  return get("/admin/anh", { method: "POST", headers: { cookie: editor.cookie, origin: ORIGIN }, body: form });
}
const uploadedId = (res: Response) => Number(/\/admin\/anh\/(\d+)/.exec(res.headers.get("location")!)![1]);

/** The settings form as stored now, with some fields changed. */
async function settingsForm(admin: Editor, changes: Record<string, string>): Promise<Record<string, string>> {
  const form = await admin.page("/admin/cai-dat");
  const fields: Record<string, string> = {};
  for (const input of form.querySelectorAll("form.card input")) {
    const name = input.getAttribute("name");
    if (name && name !== "_csrf") fields[name] = input.getAttribute("value") ?? "";
  }
  return { ...fields, ...changes };
}

const settingsRow = () => env.DB.prepare("select data from site_settings where id = 1").first<string>("data");

// First, before anything is saved in D1: the second paper is only other settings.
describe("a second paper from the same code", () => {
  it("renders its own name, colour and legal footer from its wrangler environment", async () => {
    expect(secondPaper.SITE_NAME).not.toBe(env.SITE_NAME);
    // Another deployment: its own vars and its own deployment id (so its own cache keys).
    const overrides = { ...secondPaper, CF_VERSION_METADATA: { id: "dat-mui", tag: "", timestamp: "" } } as Partial<
      typeof env
    >;
    const res = await get("/", {}, overrides);
    const html = await res.text();
    const { doc } = { doc: (await import("node-html-parser")).parse(html) };
    expect(text(doc.querySelector(".logo"))).toBe(secondPaper.SITE_NAME);
    expect(doc.querySelector("title")?.textContent).toBe(secondPaper.SITE_NAME);
    expect(doc.querySelector('meta[name="theme-color"]')?.getAttribute("content")).toBe(secondPaper.SITE_BRAND_COLOR);
    expect(html).toContain(`--brand:${secondPaper.SITE_BRAND_COLOR}`);
    const foot = footer(doc);
    expect(foot).toContain(`Tổng biên tập: ${secondPaper.SITE_EDITOR_IN_CHIEF}`);
    expect(foot).toContain(`Giấy phép số ${secondPaper.SITE_LICENCE_NUMBER} do ${secondPaper.SITE_LICENCE_ISSUER} cấp`);
    expect(foot).not.toContain(env.SITE_NAME);
    // The first paper is untouched.
    const first = await getPage("/");
    expect(text(first.doc.querySelector(".logo"))).toBe(env.SITE_NAME);
    expect(footer(first.doc)).toContain(`Tổng biên tập: ${env.SITE_EDITOR_IN_CHIEF}`);
  });
});

describe("legal footer", () => {
  it("is on every page type", async () => {
    for (const path of await pageTypes()) {
      const { doc } = await getPage(path);
      const foot = footer(doc);
      expect(foot, path).toContain(`Cơ quan chủ quản: ${env.SITE_AGENCY}`);
      expect(foot, path).toContain(`Giấy phép số ${env.SITE_LICENCE_NUMBER} do ${env.SITE_LICENCE_ISSUER} cấp`);
      expect(foot, path).toContain(`Tổng biên tập: ${env.SITE_EDITOR_IN_CHIEF}`);
      expect(foot, path).toContain(env.SITE_PHONE!);
    }
  });
});

describe("menus", () => {
  it("work without JavaScript: a <details> menu with every header link, and the static pages in the footer", async () => {
    const { doc } = await getPage("/kinh-te");
    const menu = doc.querySelector("header details.menu");
    expect(text(menu?.querySelector("summary"))).toBe("Chuyên mục");
    expect(menu?.querySelectorAll("a").map((a) => a.getAttribute("href"))).toEqual([
      "/",
      ...DEMO_SECTIONS.map((s) => `/${s.slug}`),
    ]);
    expect(menu?.querySelector('a[aria-current="page"]')?.getAttribute("href")).toBe("/kinh-te");
    expect(doc.querySelectorAll("header script")).toHaveLength(0);
    const footerLinks = doc.querySelectorAll(".footer-menu a").map((a) => a.getAttribute("href"));
    for (const p of ["/gioi-thieu", "/lien-he", "/quang-cao", "/chinh-sach-bao-mat"]) expect(footerLinks).toContain(p);
  });

  it("follow the admin's order and visibility, on every cached page at once", async () => {
    const admin = await loginAs("admin");
    await get("/");
    expect((await get("/")).headers.get("x-cache")).toBe("HIT");
    const form = await admin.page("/admin/menu");
    const fields: Record<string, string> = {};
    for (const input of form.querySelectorAll("form.card input")) {
      const name = input.getAttribute("name")!;
      if (name === "_csrf") continue;
      if (input.getAttribute("type") === "checkbox") {
        if (input.hasAttribute("checked")) fields[name] = "1";
      } else fields[name] = input.getAttribute("value") ?? "";
    }
    const sectionIds = Object.keys(fields)
      .filter((k) => /^s-\d+-position$/.test(k))
      .map((k) => Number(k.split("-")[1]));
    const [firstId, , , lastId] = sectionIds;
    fields[`s-${lastId}-position`] = "-5"; // the last section first
    delete fields[`s-${firstId}-header`]; // the first one out of the header
    const pageId = Object.keys(fields)
      .find((k) => /^p-\d+-position$/.test(k))!
      .split("-")[1];
    fields[`p-${pageId}-header`] = "1"; // a static page into the header
    const saved = await admin.post("/admin/menu", fields);
    expect(saved.status).toBe(303);

    const { doc } = await getPage("/");
    const header = doc.querySelectorAll("header .nav a").map((a) => a.getAttribute("href"));
    expect(header[1]).toBe(`/${DEMO_SECTIONS[3]!.slug}`);
    expect(header).not.toContain(`/${DEMO_SECTIONS[0]!.slug}`);
    expect(header.some((h) => ["/gioi-thieu", "/lien-he", "/quang-cao", "/chinh-sach-bao-mat"].includes(h!))).toBe(
      true,
    );

    expect((await admin.post("/admin/menu", { ...fields, [`s-${firstId}-position`]: "abc" })).status).toBe(400);
  });
});

describe("static pages", () => {
  it("are written in the newsroom, served at /{slug}, cached, and updated at once", async () => {
    const editor = await loginAs("editor");
    const created = await editor.post("/admin/trang", {
      title: "Đường dây nóng",
      slug: "",
      body: "Gọi 0291 3 800 000 khi có tin.\n\n## Giờ làm việc\n\nCả tuần.",
      status: "published",
    });
    expect(created.status).toBe(303);
    const id = /\/admin\/trang\/(\d+)/.exec(created.headers.get("location")!)![1];
    const first = await getPage("/duong-day-nong");
    expect(first.res.status).toBe(200);
    expect(text(first.doc.querySelector("h1"))).toBe("Đường dây nóng");
    expect(text(first.doc.querySelector(".body h2"))).toBe("Giờ làm việc");
    expect(first.doc.querySelector('link[rel="canonical"]')?.getAttribute("href")).toMatch(/\/duong-day-nong$/);
    expect((await get("/duong-day-nong")).headers.get("x-cache")).toBe("HIT");

    await editor.post(`/admin/trang/${id}`, {
      title: "Đường dây nóng 24/7",
      slug: "duong-day-nong",
      body: "Gọi bất cứ lúc nào.",
      status: "published",
    });
    expect(text((await getPage("/duong-day-nong")).doc.querySelector("h1"))).toBe("Đường dây nóng 24/7");

    await editor.post(`/admin/trang/${id}`, {
      title: "Đường dây nóng 24/7",
      slug: "duong-day-nong",
      body: "Gọi bất cứ lúc nào.",
      status: "draft",
    });
    expect((await get("/duong-day-nong")).status).toBe(404);
    await editor.post(`/admin/trang/${id}/xoa`, {});
    expect((await editor.get(`/admin/trang/${id}`)).status).toBe(404);
  });

  it("refuse a slug taken by a section, the system or another page, and a bad body, storing nothing", async () => {
    const editor = await loginAs("editor");
    const before = await env.DB.prepare("select count(*) as n from static_pages").first<number>("n");
    const cases: [Record<string, string>, string][] = [
      [{ title: "Kinh tế", slug: "kinh-te" }, "Đã có chuyên mục hoặc trang"],
      [{ title: "Quản trị", slug: "admin" }, "đường dẫn của hệ thống"],
      [{ title: "Giới thiệu lại", slug: "gioi-thieu" }, "Đã có chuyên mục hoặc trang"],
      [{ title: "Sai", slug: "Có Dấu" }, "chữ thường không dấu"],
      [{ title: "" }, "Cần nhập tiêu đề"],
      [{ title: "Ảnh mất", body: "[[anh:999999]]" }, "Không có ảnh mã 999999"],
    ];
    for (const [fields, message] of cases) {
      const res = await editor.post("/admin/trang", { slug: "", body: "Nội dung.", status: "published", ...fields });
      expect(res.status, JSON.stringify(fields)).toBe(400);
      expect(await res.text(), JSON.stringify(fields)).toContain(message);
    }
    expect(await env.DB.prepare("select count(*) as n from static_pages").first<number>("n")).toBe(before);
    const reporter = await loginAs("reporter");
    expect(
      (await reporter.post("/admin/trang", { title: "Của phóng viên", slug: "", body: "x", status: "published" }))
        .status,
    ).toBe(403);
  });
});

describe("breaking news", () => {
  it("appears on cached pages without re-rendering them, and disappears when it expires", async () => {
    const editor = await loginAs("editor");
    const article = await articleUrl(DEMO_ARTICLES[2]!.headline);
    await get(article);
    expect((await get(article)).headers.get("x-cache")).toBe("HIT");

    const inOneHour = new Date(Date.now() + 3600_000 + 7 * 3600_000).toISOString().slice(0, 16);
    const saved = await editor.post("/admin/tin-nong", {
      text: "Bão số 9 đổ bộ Cà Mau - Bạc Liêu",
      url: article,
      expiresAt: inOneHour,
    });
    expect(saved.status).toBe(303);

    const during = await getPage(article);
    expect(during.res.headers.get("x-cache")).toBe("HIT");
    const banner = during.doc.querySelector(".breaking");
    expect(text(banner)).toBe("Tin nóng Bão số 9 đổ bộ Cà Mau - Bạc Liêu");
    expect(banner?.querySelector("a")?.getAttribute("href")).toBe(article);
    expect(text((await getPage("/")).doc.querySelector(".breaking"))).toContain("Bão số 9");

    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 2 * 3600_000 });
    const after = await getPage(article);
    expect(after.doc.querySelector(".breaking")).toBeNull();
  });

  it("can be taken down at once, and refuses bad input with Vietnamese messages", async () => {
    const editor = await loginAs("editor");
    const soon = new Date(Date.now() + 3600_000 + 7 * 3600_000).toISOString().slice(0, 16);
    await editor.post("/admin/tin-nong", { text: "Cúp điện toàn thành phố tối nay", url: "", expiresAt: soon });
    expect(text((await getPage("/")).doc.querySelector(".breaking"))).toContain("Cúp điện");
    expect(text((await editor.page("/admin/tin-nong")).querySelector("td:last-child"))).toBe("Đang chạy");
    const admin = await editor.page("/admin/tin-nong");
    const takeDown = admin.querySelector('form[action$="/go"]')!.getAttribute("action")!;
    expect((await editor.post(takeDown, {})).status).toBe(303);
    expect((await getPage("/")).doc.querySelector(".breaking")).toBeNull();

    const past = new Date(Date.now() - 3600_000 + 7 * 3600_000).toISOString().slice(0, 16);
    const cases: [Record<string, string>, string][] = [
      [{ text: "", url: "", expiresAt: soon }, "Cần nhập nội dung"],
      [{ text: "x".repeat(201), url: "", expiresAt: soon }, "tối đa 200 ký tự"],
      [{ text: "Tin", url: "javascript:alert(1)", expiresAt: soon }, "Liên kết phải là"],
      [{ text: "Tin", url: "//evil.example/", expiresAt: soon }, "Liên kết phải là"],
      [{ text: "Tin", url: "", expiresAt: past }, "phải ở tương lai"],
      [{ text: "Tin", url: "", expiresAt: "2026-02-30T10:00" }, "hợp lệ"],
    ];
    for (const [fields, message] of cases) {
      const res = await editor.post("/admin/tin-nong", fields);
      expect(res.status, JSON.stringify(fields)).toBe(400);
      expect(await res.text()).toContain(message);
    }
    expect((await getPage("/")).doc.querySelector(".breaking")).toBeNull();
  });
});

// Last: these change the paper's identity for the rest of the file.
describe("site settings", () => {
  it("are for admins only", async () => {
    const editor = await loginAs("editor");
    expect((await editor.get("/admin/cai-dat")).status).toBe(403);
    expect((await editor.post("/admin/cai-dat", { name: "Báo Khác" })).status).toBe(403);
  });

  it("refuse a brand colour without AA contrast on white, or a logo that is not a small PNG/WebP in the library, storing nothing", async () => {
    const admin = await loginAs("admin");
    const before = await settingsRow();
    const jpeg = uploadedId(await upload(admin, JPEG, "anh.jpg", "image/jpeg"));
    // A 600 KB PNG already in the library (a print-resolution logo someone uploaded).
    const heavy = (await env.DB.prepare(
      "insert into images (r2_key, width, height, mime, bytes, alt) values ('logo-in-dam.png', 3000, 800, 'image/png', 614400, 'Logo') returning id",
    ).first<number>("id"))!;
    const cases: [Record<string, string>, string][] = [
      [{ brandColor: "#ffd700" }, "quá nhạt trên nền trắng"],
      [{ brandColor: "#777777" }, "cần ít nhất 4.5:1"],
      [{ brandColor: "xanh" }, "#rrggbb"],
      [{ logoImageId: "999999" }, "Không có ảnh mã 999999"],
      [{ logoImageId: String(jpeg) }, "Logo phải là ảnh PNG hoặc WebP"],
      [{ logoImageId: "abc" }, "Mã ảnh phải là một số nguyên dương"],
      [{ logoImageId: String(heavy) }, "Logo nặng 600 KB, tối đa 30 KB"],
      [{ name: "" }, "Cần nhập tên báo"],
      [{ email: "khong-phai-email" }, "Email không hợp lệ"],
    ];
    for (const [changes, message] of cases) {
      const res = await admin.post("/admin/cai-dat", await settingsForm(admin, changes));
      expect(res.status, JSON.stringify(changes)).toBe(400);
      const html = await res.text();
      expect(html, JSON.stringify(changes)).toContain(message);
      // The admin's input is kept in the form.
      const value = Object.values(changes)[0]!;
      if (value) expect(html).toContain(`value="${value}"`);
    }
    expect(await settingsRow()).toBe(before);
  });

  it("round-trip and change every page at once: name, colour, logo, footer lines", async () => {
    const admin = await loginAs("admin");
    const article = await articleUrl(DEMO_ARTICLES[0]!.headline);
    await get(article);
    expect((await get(article)).headers.get("x-cache")).toBe("HIT");
    const logo = uploadedId(await upload(admin, PNG, "logo.png", "image/png"));
    const changes = {
      name: "Báo Đồng Bằng Điện Tử",
      shortName: "ĐBĐT",
      tagline: "Nhanh - Đúng - Gần",
      brandColor: "#1d4ed8",
      logoImageId: String(logo),
      editorInChief: "Lê Thị Hoa",
      licenceNumber: "99/GP-BTTTT",
      licenceIssuer: "Bộ Thông tin và Truyền thông",
      agency: "Ủy ban nhân dân tỉnh",
      address: "1 Hùng Vương",
      phone: "0291 999 999",
      email: "bandoc@dongbang.example",
    };
    const saved = await admin.post("/admin/cai-dat", await settingsForm(admin, changes));
    expect(saved.status).toBe(303);
    const form = await admin.page("/admin/cai-dat");
    for (const [field, value] of Object.entries(changes))
      expect(form.querySelector(`#${field}`)?.getAttribute("value"), field).toBe(value);

    const { res, doc, html } = await getPage(article);
    expect(res.headers.get("x-cache")).toBe("MISS");
    const logoImg = doc.querySelector(".logo img");
    expect(logoImg?.getAttribute("alt")).toBe("Báo Đồng Bằng Điện Tử");
    expect(logoImg?.getAttribute("src")).toMatch(/^\/media\//);
    expect(doc.querySelector("title")?.textContent).toMatch(/ - Báo Đồng Bằng Điện Tử$/);
    expect(html).toContain("--brand:#1d4ed8");
    expect(footer(doc)).toContain("Tổng biên tập: Lê Thị Hoa");
    expect(footer(doc)).toContain("Giấy phép số 99/GP-BTTTT do Bộ Thông tin và Truyền thông cấp");
    const ld = doc
      .querySelectorAll('script[type="application/ld+json"]')
      .map((s) => JSON.parse(s.textContent))
      .find((d) => d["@type"] === "NewsArticle");
    expect(ld.publisher.name).toBe("Báo Đồng Bằng Điện Tử");
    expect(ld.publisher.logo.url).toContain("/media/");
    // The logo cannot be deleted from the library while it is the logo.
    const refused = await admin.post(`/admin/anh/${logo}/xoa`, {});
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("Logo của trang báo");
    const rss = await (await get("/rss.xml")).text();
    expect(rss).toContain("<title>Báo Đồng Bằng Điện Tử</title>");
  });
});
