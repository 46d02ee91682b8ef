import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from "cloudflare:test";
import { parse } from "node-html-parser";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { toVietnamLocalInput } from "../src/vi/dates";
import worker from "../worker/index";
import { loadDemo } from "./setup/demo";
import { get, text } from "./setup/http";
import { articleFields, articleFormValues, type Editor, firstIds, idFromLocation, loginAs } from "./setup/newsroom";

beforeAll(loadDemo);

async function fieldsFor(over: Record<string, string> = {}) {
  const { sectionId, authorId } = await firstIds();
  return articleFields({ sectionId: String(sectionId), authorId: String(authorId), ...over });
}

async function create(editor: Editor, over: Record<string, string> = {}): Promise<number> {
  const res = await editor.post("/admin/bai-viet", await fieldsFor(over));
  expect(
    res.status,
    await res
      .clone()
      .text()
      .then((t) => parse(t).querySelector(".error, .field-error")?.textContent ?? ""),
  ).toBe(303);
  return idFromLocation(res);
}

const stored = (id: number) =>
  env.DB.prepare("select * from articles where id = ?").bind(id).first<Record<string, unknown>>();

describe("writing and publishing", () => {
  it("publishes an article that appears at once on the home page, its section and its own page, through the edge cache", async () => {
    const editor = await loginAs("editor");
    const { sectionSlug } = await firstIds();
    // Readers have these pages cached.
    for (const p of ["/", `/${sectionSlug}`]) {
      await get(p);
      await get(p);
    }
    const id = await create(editor, {
      headline: "Cầu Bạc Liêu 3 chính thức thông xe",
      kicker: "Giao thông:",
      body: "Đoạn mở đầu.\n\n## Kết nối hai bờ\n\nĐoạn thứ hai.",
      "hanh-dong": "dang",
    });
    for (const p of ["/", `/${sectionSlug}`]) {
      const res = await get(p);
      expect(res.headers.get("x-cache"), p).toBe("MISS");
      expect(await res.text(), p).toContain("Cầu Bạc Liêu 3 chính thức thông xe");
    }
    const row = (await stored(id))!;
    const page = await get(`/${sectionSlug}/${row.slug}-${id}.html`);
    expect(page.status).toBe(200);
    const doc = parse(await page.text());
    expect(text(doc.querySelector(".body h2"))).toBe("Kết nối hai bờ");
    expect(text(doc.querySelector("h1 .kicker"))).toBe("Giao thông:");
  });

  it("keeps drafts off the site and shows inline Vietnamese errors with the typed text kept", async () => {
    const editor = await loginAs("editor");
    const res = await editor.post(
      "/admin/bai-viet",
      await fieldsFor({ headline: "  ", body: "Nội dung tôi vừa gõ rất dài." }),
    );
    expect(res.status).toBe(400);
    const doc = parse(await res.text());
    expect(text(doc.querySelector(".error"))).toContain("Bài chưa được lưu");
    expect(text(doc.querySelector("#headline-error"))).toBe("Tiêu đề không được để trống");
    expect(doc.querySelector("textarea#body")?.textContent).toBe("Nội dung tôi vừa gõ rất dài.");

    const bad = await editor.post("/admin/bai-viet", await fieldsFor({ body: "Đoạn.\n\n[[anh:999999]]" }));
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Ảnh không tồn tại trong thư viện: 999999");
  });

  it("makes slugs from Vietnamese headlines, keeps them unique, and refuses a taken slug typed by hand", async () => {
    const editor = await loginAs("editor");
    const a = await create(editor, { headline: "Đà Nẵng: Mưa lớn kéo dài" });
    const b = await create(editor, { headline: "Đà Nẵng: Mưa lớn kéo dài" });
    expect((await stored(a))!.slug).toBe("da-nang-mua-lon-keo-dai");
    expect((await stored(b))!.slug).toBe("da-nang-mua-lon-keo-dai-2");
    const taken = await editor.post(
      "/admin/bai-viet",
      await fieldsFor({ headline: "Bài khác", slug: "da-nang-mua-lon-keo-dai" }),
    );
    expect(taken.status).toBe(400);
    expect(text(parse(await taken.text()).querySelector("#slug-error"))).toContain("đã được bài khác dùng");
  });

  it("refuses the second of two editors saving the same version, keeping their text", async () => {
    const first = await loginAs("editor");
    const second = await loginAs("editor");
    const id = await create(first, { headline: "Bài hai người cùng sửa" });
    const a = await articleFormValues(first, id);
    const b = await articleFormValues(second, id);
    expect((await first.post(`/admin/bai-viet/${id}`, { ...a, headline: "Sửa bởi người thứ nhất" })).status).toBe(303);
    const conflict = await second.post(`/admin/bai-viet/${id}`, { ...b, headline: "Sửa bởi người thứ hai" });
    expect(conflict.status).toBe(409);
    const doc = parse(await conflict.text());
    expect(text(doc.querySelector(".error"))).toContain("vừa được người khác lưu");
    expect(doc.querySelector("#headline")?.getAttribute("value")).toBe("Sửa bởi người thứ hai");
    expect((await stored(id))!.headline).toBe("Sửa bởi người thứ nhất");
  });

  it("keeps a revision of every save, and restores one", async () => {
    const editor = await loginAs("editor");
    const id = await create(editor, { headline: "Phiên bản đầu" });
    await editor.post(`/admin/bai-viet/${id}`, { ...(await articleFormValues(editor, id)), headline: "Phiên bản hai" });
    await editor.post(`/admin/bai-viet/${id}`, { ...(await articleFormValues(editor, id)), headline: "Phiên bản ba" });
    const list = await editor.page(`/admin/bai-viet/${id}/phien-ban`);
    const links = list.querySelectorAll("td a");
    expect(links.map(text)).toEqual(["Phiên bản 3", "Phiên bản 2", "Phiên bản 1"]);
    const firstRevision = links[2]!.getAttribute("href")!;
    expect(text((await editor.page(firstRevision)).querySelector(".card h2"))).toBe("Phiên bản đầu");
    const restored = await editor.post(`${firstRevision}/khoi-phuc`, {});
    expect(restored.status).toBe(303);
    expect((await stored(id))!.headline).toBe("Phiên bản đầu");
    expect((await stored(id))!.version).toBe(4);
  });

  it("refuses, with a Vietnamese 409, to restore a version whose slug another article has taken", async () => {
    const editor = await loginAs("editor");
    const id = await create(editor, { headline: "Bài đổi đường dẫn", slug: "duong-dan-cu-khoi-phuc" });
    await editor.post(`/admin/bai-viet/${id}`, {
      ...(await articleFormValues(editor, id)),
      slug: "duong-dan-moi-khoi-phuc",
    });
    // Another article takes the old slug in the meantime.
    await create(editor, { headline: "Bài khác", slug: "duong-dan-cu-khoi-phuc" });
    const before = await stored(id);
    const list = await editor.page(`/admin/bai-viet/${id}/phien-ban`);
    const firstRevision = list.querySelectorAll("td a").at(-1)!.getAttribute("href")!;
    const res = await editor.post(`${firstRevision}/khoi-phuc`, {});
    expect(res.status).toBe(409);
    const page = parse(await res.text());
    expect(text(page.querySelector("h1"))).toBe("Không khôi phục được phiên bản này");
    expect(text(page.querySelector("main"))).toContain("Bài viết hiện tại không thay đổi");
    expect(await stored(id)).toEqual(before);
  });

  it("shows a preview exactly as readers will see it, without saving", async () => {
    const editor = await loginAs("editor");
    const before = await env.DB.prepare("select count(*) as n from articles").first("n");
    const res = await editor.post(
      "/admin/bai-viet/xem-truoc",
      await fieldsFor({ headline: "Bản xem trước chưa lưu", body: "Đoạn một.\n\n## Tiêu đề nhỏ" }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const doc = parse(await res.text());
    expect(text(doc.querySelector("h1"))).toBe("Bản xem trước chưa lưu");
    expect(doc.querySelector("article .lead")).not.toBeNull();
    expect(text(doc.querySelector(".body h2"))).toBe("Tiêu đề nhỏ");
    expect(await env.DB.prepare("select count(*) as n from articles").first("n")).toBe(before);
  });

  it("fills the preview's boxes and links the byline and tags to their real pages", async () => {
    const editor = await loginAs("editor");
    const { authorId } = await firstIds();
    const author = await env.DB.prepare("select slug from authors where id = ?")
      .bind(authorId)
      .first<{ slug: string }>();
    const res = await editor.post(
      "/admin/bai-viet/xem-truoc",
      await fieldsFor({ headline: "Xem trước có hộp tin", tags: "Giao thông, Mùa nước nổi" }),
    );
    expect(res.status).toBe(200);
    const html = await res.text();
    const doc = parse(html);
    expect(doc.querySelector(".byline a")?.getAttribute("href")).toBe(`/tac-gia/${author!.slug}`);
    expect(doc.querySelectorAll(".tags a").map((a) => a.getAttribute("href"))).toEqual([
      "/chu-de/giao-thong",
      "/chu-de/mua-nuoc-noi",
    ]);
    // The boxes readers see beside the article are filled, not left as empty placeholders.
    expect(doc.querySelectorAll(".latest-news li").length).toBeGreaterThan(0);
    expect(html).not.toContain('data-fragment="latest-news"');
    expect(res.headers.get("cache-control")).toBe("private, no-store");
  });

  it("publishes a scheduled article from the cron job once its time has come", async () => {
    const editor = await loginAs("editor");
    const at = new Date(Date.now() + 5 * 60_000);
    const id = await create(editor, {
      headline: "Bài hẹn giờ đăng sáng mai",
      "hanh-dong": "hen-gio",
      publishAt: toVietnamLocalInput(at),
    });
    expect((await stored(id))!.status).toBe("scheduled");
    const { sectionSlug } = await firstIds();
    const url = `/${sectionSlug}/bai-hen-gio-dang-sang-mai-${id}.html`;
    expect((await get(url)).status).toBe(404);

    const run = async (time: number) => {
      const ctx = createExecutionContext();
      await worker.scheduled(createScheduledController({ scheduledTime: time, cron: "* * * * *" }), env, ctx);
      await waitOnExecutionContext(ctx);
    };
    await run(Date.now());
    expect((await stored(id))!.status).toBe("scheduled");
    // Half a minute after the chosen time (the Worker shares this isolate's clock).
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(at.getTime() + 30_000);
      await run(Date.now());
      expect((await stored(id))!.status).toBe("published");
      expect((await get(url)).status).toBe(200);
      expect(await (await get("/")).text()).toContain("Bài hẹn giờ đăng sáng mai");
    } finally {
      vi.useRealTimers();
    }
  });

  it("turns HTML pasted from a word processor into clean body markup on the server", async () => {
    const editor = await loginAs("reporter");
    const html = `<html><head><style>p.MsoNormal{mso-style-name:x}</style></head><body><!--[if gte mso 9]><xml><o:OfficeDocumentSettings/></xml><![endif]-->
      <h2 class="MsoHeading2">Mùa nước nổi<o:p></o:p></h2><p class="MsoNormal" style="mso-line-height:150%">Đoạn&nbsp;một <b>đậm</b>.<o:p></o:p></p>
      <p class="MsoNormal">Đoạn hai<script>alert(1)</script></p></body></html>`;
    const res = await editor.post("/admin/bai-viet/chuyen-doi-html", { html });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("## Mùa nước nổi\n\nĐoạn một **đậm**.\n\nĐoạn hai");
  });

  it("refuses a schedule in the past", async () => {
    const editor = await loginAs("editor");
    const res = await editor.post(
      "/admin/bai-viet",
      await fieldsFor({ "hanh-dong": "hen-gio", publishAt: toVietnamLocalInput(new Date(Date.now() - 3600_000)) }),
    );
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Giờ hẹn đăng phải ở tương lai");
  });

  it("unpublishes: the article leaves the site at once", async () => {
    const editor = await loginAs("editor");
    const id = await create(editor, { headline: "Bài sẽ bị gỡ xuống", "hanh-dong": "dang" });
    const { sectionSlug } = await firstIds();
    const url = `/${sectionSlug}/bai-se-bi-go-xuong-${id}.html`;
    await get(url);
    expect((await get(url)).status).toBe(200);
    await editor.post(`/admin/bai-viet/${id}`, { ...(await articleFormValues(editor, id)), "hanh-dong": "go" });
    expect((await get(url)).status).toBe(404);
    expect(await (await get("/")).text()).not.toContain("Bài sẽ bị gỡ xuống");
  });

  it("lists articles with filters and records publishes in the audit log for admins", async () => {
    const admin = await loginAs("admin");
    await create(admin, { headline: "Bài lọc theo trạng thái duy nhất", "hanh-dong": "dang" });
    const list = await admin.page(
      `/admin/bai-viet?q=${encodeURIComponent("lọc theo trạng thái")}&trang-thai=published`,
    );
    expect(list.querySelectorAll("tbody tr").map((tr) => text(tr.querySelector("a")))).toEqual([
      "Bài lọc theo trạng thái duy nhất",
    ]);
    expect(
      (await admin.page("/admin/bai-viet?trang-thai=draft&q=l%E1%BB%8Dc%20theo")).querySelectorAll("tbody tr"),
    ).toHaveLength(0);
    const audit = await admin.page("/admin/nhat-ky");
    expect(audit.querySelectorAll("td").map(text)).toContain("article.publish");
    expect(audit.querySelectorAll("td").map(text)).toContain("login");
  });
});
