// Issue 18, part 7 "Dates": past publish times, "Cập nhật" on significant
// updates, and correction notes ("Đính chính").
import { env } from "cloudflare:test";
import { parse } from "node-html-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { formatDate, formatTime, parseVietnamLocal, toVietnamIso, toVietnamLocalInput } from "../src/vi/dates";
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
  const why = parse(await res.clone().text()).querySelector(".field-error, .error")?.textContent ?? "";
  expect(res.status, why).toBe(303);
  return idFromLocation(res);
}

const stored = (id: number) =>
  env.DB.prepare("select * from articles where id = ?").bind(id).first<Record<string, unknown>>();
const articleCount = () => env.DB.prepare("select count(*) as n from articles").first<number>("n");

async function readerUrl(id: number): Promise<string> {
  const row = (await stored(id))!;
  const { sectionSlug } = await firstIds();
  return `/${sectionSlug}/${row.slug}-${id}.html`;
}

/** The article page's NewsArticle structured data. */
function newsArticle(html: string): { datePublished: string; dateModified: string } {
  const doc = parse(html);
  for (const s of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const data = JSON.parse(s.textContent);
    if (data["@type"] === "NewsArticle") return data;
  }
  throw new Error("no NewsArticle");
}

describe("past publish times", () => {
  it("an editor publishes with a past time: the article sorts by it on the section page and in RSS, and the audit log records old -> new", async () => {
    const editor = await loginAs("editor");
    const admin = await loginAs("admin");
    const { sectionSlug } = await firstIds();
    // Readers have the section page and its feed cached.
    await get(`/${sectionSlug}`);
    await get(`/${sectionSlug}/rss.xml`);
    const fresh = await create(editor, { headline: "Tin vừa đăng sáng nay", "hanh-dong": "dang" });
    const archive = await create(editor, {
      headline: "Bài lưu trữ năm hai nghìn hai mươi",
      publishAt: "2020-03-15T08:30",
      "hanh-dong": "dang",
    });
    const row = (await stored(archive))!;
    expect(row.status).toBe("published");
    expect(row.published_at).toBe(parseVietnamLocal("2020-03-15T08:30")!.getTime());

    // Section page: newest first, so the 2020 piece comes after today's and after every demo article.
    const section = await get(`/${sectionSlug}`);
    expect(section.headers.get("x-cache")).toBe("MISS");
    const headlines = parse(await section.text())
      .querySelectorAll(".teaser h3 a, .teaser h2 a")
      .map((a) => text(a));
    expect(headlines).toContain("Tin vừa đăng sáng nay");
    expect(headlines.at(-1)).toBe("Bài lưu trữ năm hai nghìn hai mươi");
    expect(headlines.indexOf("Tin vừa đăng sáng nay")).toBeLessThan(
      headlines.indexOf("Bài lưu trữ năm hai nghìn hai mươi"),
    );

    // RSS: same order, and the item's date is the one typed (Vietnam time).
    const rss = await (await get(`/${sectionSlug}/rss.xml`)).text();
    const titles = [...rss.matchAll(/<item>\s*<title>([^<]*)<\/title>/g)].map((m) => m[1]);
    expect(titles.indexOf("Tin vừa đăng sáng nay")).toBeGreaterThanOrEqual(0);
    expect(titles.indexOf("Tin vừa đăng sáng nay")).toBeLessThan(titles.indexOf("Bài lưu trữ năm hai nghìn hai mươi"));
    expect(titles.at(-1)).toBe("Bài lưu trữ năm hai nghìn hai mươi");
    expect(rss).toContain("Sun, 15 Mar 2020 08:30:00 +0700");

    // The reader page's dateline.
    const page = parse(await (await get(await readerUrl(archive))).text());
    expect(text(page.querySelector(".dateline time"))).toBe("Chủ Nhật, 15/03/2020 | 08:30");

    // A corrected time on the published article, with "Lưu".
    const saved = await editor.post(`/admin/bai-viet/${archive}`, {
      ...(await articleFormValues(editor, archive)),
      publishAt: "2019-01-02T07:00",
      "hanh-dong": "luu",
    });
    expect(saved.status).toBe(303);
    expect((await stored(archive))!.published_at).toBe(parseVietnamLocal("2019-01-02T07:00")!.getTime());
    // Saving again with the time unchanged keeps it and logs nothing new.
    expect(
      (
        await editor.post(`/admin/bai-viet/${archive}`, {
          ...(await articleFormValues(editor, archive)),
          "hanh-dong": "luu",
        })
      ).status,
    ).toBe(303);

    const audit = await admin.page("/admin/nhat-ky");
    const rows = audit
      .querySelectorAll("tbody tr")
      .map((tr) => tr.querySelectorAll("td").map(text))
      .filter((cells) => cells.includes("article.publish_time"))
      .map((cells) => cells.at(-1) ?? "")
      .filter((cell) => cell.startsWith(`article:${archive} `));
    // Newest first: the correction, then the backdated publication.
    const details = rows.map((cell) => cell.slice(`article:${archive} `.length));
    expect(details).toEqual(["15/03/2020 08:30 -> 02/01/2019 07:00", "chưa có -> 15/03/2020 08:30"]);
    expect(
      audit.querySelectorAll("tbody tr").some((tr) => tr.querySelectorAll("td").map(text).includes(`article:${fresh}`)),
    ).toBe(true);
  });

  it("refuses a reporter's publish time with a Vietnamese 400 and stores nothing", async () => {
    const { authorId } = await firstIds();
    const reporter = await loginAs("reporter", { authorId });
    const before = await articleCount();
    for (const action of ["luu", "gui-duyet"]) {
      const res = await reporter.post(
        "/admin/bai-viet",
        await fieldsFor({ headline: "Bài phóng viên tự đặt giờ", publishAt: "2020-01-01T08:00", "hanh-dong": action }),
      );
      expect(res.status, action).toBe(400);
      const doc = parse(await res.text());
      expect(text(doc.querySelector("#publishAt-error"))).toContain("Phóng viên không được đặt giờ đăng");
      expect(doc.querySelector("textarea#lead")?.textContent).toBe("Sapo của bài thử.");
    }
    expect(await articleCount()).toBe(before);
    // Their own draft, edited with a time added: refused too, the draft unchanged.
    const id = await create(reporter, { headline: "Bản nháp của phóng viên" });
    const res = await reporter.post(`/admin/bai-viet/${id}`, {
      ...(await articleFormValues(reporter, id)),
      publishAt: "2020-01-01T08:00",
    });
    expect(res.status).toBe(400);
    expect((await stored(id))!.published_at).toBeNull();
    expect((await stored(id))!.version).toBe(1);
  });

  it("refuses a malformed time, and a time that does not fit the button, with a 400 and nothing stored", async () => {
    const editor = await loginAs("editor");
    const before = await articleCount();
    for (const publishAt of ["2026-02-30T10:00", "ngày mai", "2020-01-01 08:00", "2020-01-01T25:00"]) {
      const res = await editor.post("/admin/bai-viet", await fieldsFor({ publishAt, "hanh-dong": "dang" }));
      expect(res.status, publishAt).toBe(400);
      expect(text(parse(await res.text()).querySelector("#publishAt-error")), publishAt).toContain(
        "Hãy chọn ngày giờ đăng hợp lệ",
      );
    }
    // "Đăng ngay" with a future time: that is a schedule, said so.
    const future = toVietnamLocalInput(new Date(Date.now() + 86_400_000));
    const soon = await editor.post("/admin/bai-viet", await fieldsFor({ publishAt: future, "hanh-dong": "dang" }));
    expect(soon.status).toBe(400);
    expect(await soon.text()).toContain("Hẹn giờ đăng");
    // "Lưu" of a draft with a time: the time only means something when publishing.
    const draft = await editor.post("/admin/bai-viet", await fieldsFor({ publishAt: "2020-01-01T08:00" }));
    expect(draft.status).toBe(400);
    expect(await articleCount()).toBe(before);

    // A published article cannot be moved into the future with "Lưu".
    const id = await create(editor, { headline: "Bài đã đăng không dời được", "hanh-dong": "dang" });
    const publishedAt = (await stored(id))!.published_at;
    const moved = await editor.post(`/admin/bai-viet/${id}`, {
      ...(await articleFormValues(editor, id)),
      publishAt: future,
    });
    expect(moved.status).toBe(400);
    expect(text(parse(await moved.text()).querySelector("#publishAt-error"))).toContain("giờ đã qua");
    expect((await stored(id))!.published_at).toBe(publishedAt);
    expect((await stored(id))!.status).toBe("published");
  });
});

describe("“Cập nhật” on significant updates", () => {
  it("shows “Cập nhật” and moves dateModified only when the editor marks the save as significant", async () => {
    const editor = await loginAs("editor");
    const id = await create(editor, {
      headline: "Giá lúa tăng mạnh đầu vụ",
      publishAt: toVietnamLocalInput(new Date(Date.now() - 2 * 3600_000)),
      "hanh-dong": "dang",
    });
    const url = await readerUrl(id);
    const publishedIso = toVietnamIso(new Date((await stored(id))!.published_at as number));

    // An ordinary save (a typo): readers see no update, dateModified stays the publication.
    const form = await editor.page(`/admin/bai-viet/${id}`);
    expect(
      text(form.querySelector("label:has(#significant)")) || text(form.querySelector("#significant")?.parentNode),
    ).toContain("Thay đổi quan trọng (hiện “Cập nhật” cho bạn đọc)");
    expect(
      (
        await editor.post(`/admin/bai-viet/${id}`, {
          ...(await articleFormValues(editor, id)),
          lead: "Sapo đã sửa lỗi chính tả.",
        })
      ).status,
    ).toBe(303);
    let html = await (await get(url)).text();
    expect(html).toContain("Sapo đã sửa lỗi chính tả.");
    expect(parse(html).querySelector(".dateline .updated")).toBeNull();
    expect(newsArticle(html).dateModified).toBe(publishedIso);

    // A significant one.
    expect(
      (
        await editor.post(`/admin/bai-viet/${id}`, {
          ...(await articleFormValues(editor, id)),
          lead: "Giá lúa tăng thêm 200 đồng mỗi ký chiều nay.",
          significant: "on",
        })
      ).status,
    ).toBe(303);
    const updatedAt = new Date((await stored(id))!.significant_update_at as number);
    html = await (await get(url)).text();
    const updated = parse(html).querySelector(".dateline .updated");
    expect(text(updated)).toBe(`Cập nhật: ${formatDate(updatedAt)} ${formatTime(updatedAt)}`);
    expect(updated?.querySelector("time")?.getAttribute("datetime")).toBe(toVietnamIso(updatedAt));
    expect(newsArticle(html).dateModified).toBe(toVietnamIso(updatedAt));
    expect(newsArticle(html).datePublished).toBe(publishedIso);

    // Another ordinary save leaves the update time readers see.
    const again = await editor.post(`/admin/bai-viet/${id}`, {
      ...(await articleFormValues(editor, id)),
      kicker: "Nông nghiệp:",
    });
    expect(again.status).toBe(303);
    expect((await stored(id))!.significant_update_at).toBe(updatedAt.getTime());
    html = await (await get(url)).text();
    expect(newsArticle(html).dateModified).toBe(toVietnamIso(updatedAt));
    // The lite edition shows it too.
    expect(text(parse(await (await get(`/lite${url}`)).text()).querySelector(".dateline .updated"))).toContain(
      "Cập nhật:",
    );
  });

  it("refuses the mark on an article that is not published", async () => {
    const editor = await loginAs("editor");
    const id = await create(editor, { headline: "Bản nháp chưa đăng" });
    const res = await editor.post(`/admin/bai-viet/${id}`, {
      ...(await articleFormValues(editor, id)),
      significant: "on",
    });
    expect(res.status).toBe(400);
    expect(text(parse(await res.text()).querySelector("#significant-error"))).toContain("bài đã đăng");
    expect((await stored(id))!.significant_update_at).toBeNull();
  });
});

describe("“Đính chính”", () => {
  const correctionsOf = (html: string) =>
    parse(html)
      .querySelectorAll(".article .correction")
      .map((p) => text(p));

  it("adds corrections to a published article, shown oldest first with their dates on the full and light pages", async () => {
    const editor = await loginAs("editor");
    const id = await create(editor, { headline: "Khánh thành trường học mới", "hanh-dong": "dang" });
    const url = await readerUrl(id);
    // Cached for readers before the correction.
    await get(url);
    expect((await get(url)).headers.get("x-cache")).toBe("HIT");

    const page = await editor.page(`/admin/bai-viet/${id}/dinh-chinh`);
    expect(page.querySelector("textarea#text")).not.toBeNull();
    const first = await editor.post(`/admin/bai-viet/${id}/dinh-chinh`, {
      text: "Trường có 24 phòng học, không phải 42 như bản tin trước.",
    });
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe(`/admin/bai-viet/${id}/dinh-chinh?da-them`);
    const second = await editor.post(`/admin/bai-viet/${id}/dinh-chinh`, {
      text: "Tên hiệu trưởng là bà Trần Thị Mai.",
    });
    expect(second.status).toBe(303);

    const rows = await env.DB.prepare(
      "select text, created_at from article_corrections where article_id = ? order by created_at, id",
    )
      .bind(id)
      .all<{ text: string; created_at: number }>();
    const dates = rows.results.map((r) => formatDate(new Date(r.created_at)));
    const expected = [
      `Đính chính (${dates[0]}): Trường có 24 phòng học, không phải 42 như bản tin trước.`,
      `Đính chính (${dates[1]}): Tên hiệu trưởng là bà Trần Thị Mai.`,
    ];
    const full = await get(url);
    expect(full.headers.get("x-cache")).toBe("MISS");
    const html = await full.text();
    expect(correctionsOf(html)).toEqual(expected);
    expect(parse(html).querySelector(".correction em time")?.getAttribute("datetime")).toBe(
      toVietnamIso(new Date(rows.results[0]!.created_at)),
    );
    expect(newsArticle(html).dateModified).toBe(toVietnamIso(new Date(rows.results[1]!.created_at)));
    expect(correctionsOf(await (await get(`/lite${url}`)).text())).toEqual(expected);
    // The newsroom page lists them; feeds do not carry them.
    expect((await editor.page(`/admin/bai-viet/${id}/dinh-chinh`)).querySelectorAll("ol li")).toHaveLength(2);
    expect(await (await get("/rss.xml")).text()).not.toContain("Tên hiệu trưởng là bà Trần Thị Mai.");
  });

  it("escapes HTML in a correction and refuses an empty or too long one, keeping the typed text", async () => {
    const editor = await loginAs("editor");
    const id = await create(editor, { headline: "Bài bị đính chính nhiều lần", "hanh-dong": "dang" });
    const hostile = `<script>alert(1)</script><b onclick="x()">Sai</b> & "đúng"`;
    expect((await editor.post(`/admin/bai-viet/${id}/dinh-chinh`, { text: hostile })).status).toBe(303);
    const html = await (await get(await readerUrl(id))).text();
    expect(html).not.toContain("<script>alert(1)");
    expect(html).not.toContain("<b onclick");
    expect(html).toContain("&lt;script>alert(1)&lt;/script>");
    expect(correctionsOf(html)[0]).toContain(`: <script>alert(1)</script><b onclick="x()">Sai</b> & "đúng"`);

    const long = "Đ".repeat(1001);
    const refused = await editor.post(`/admin/bai-viet/${id}/dinh-chinh`, { text: long });
    expect(refused.status).toBe(400);
    const doc = parse(await refused.text());
    expect(text(doc.querySelector("#text-error"))).toContain("tối đa 1000 ký tự");
    expect(doc.querySelector("textarea#text")?.textContent).toBe(long);
    const empty = await editor.post(`/admin/bai-viet/${id}/dinh-chinh`, { text: " \n\t " });
    expect(empty.status).toBe(400);
    expect(text(parse(await empty.text()).querySelector("#text-error"))).toContain("không được để trống");
    const count = await env.DB.prepare("select count(*) as n from article_corrections where article_id = ?")
      .bind(id)
      .first<number>("n");
    expect(count).toBe(1);
  });

  it("lets only editors and admins correct, and only published articles", async () => {
    const { authorId } = await firstIds();
    const reporter = await loginAs("reporter", { authorId });
    const own = await create(reporter, { headline: "Nháp phóng viên muốn đính chính" });
    expect((await reporter.get(`/admin/bai-viet/${own}/dinh-chinh`)).status).toBe(403);
    expect((await reporter.post(`/admin/bai-viet/${own}/dinh-chinh`, { text: "Thử." })).status).toBe(403);

    const editor = await loginAs("editor");
    const draft = await create(editor, { headline: "Bản nháp không đính chính được" });
    const res = await editor.post(`/admin/bai-viet/${draft}/dinh-chinh`, { text: "Thử." });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Chỉ thêm đính chính cho bài đã đăng");
    expect(
      await env.DB.prepare("select count(*) as n from article_corrections where article_id in (?, ?)")
        .bind(own, draft)
        .first<number>("n"),
    ).toBe(0);
  });
});
