// The photo picker's JSON (src/newsroom/photo-picker-routes.ts), the upload's
// JSON answer, and the article form's photo fields without ids.
import { env } from "cloudflare:test";
import { parse } from "node-html-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { testPhotoBytes } from "./fixtures/photo";
import { loadDemo } from "./setup/demo";
import { get, text } from "./setup/http";
import { articleFields, type Editor, firstIds, idFromLocation, loginAs, ORIGIN } from "./setup/newsroom";

beforeAll(loadDemo);

interface Photo {
  id: number;
  thumbUrl: string;
  alt: string;
  caption: string;
  credit: string;
  date: string;
  mayEdit: boolean;
}
interface PhotoPage {
  photos: Photo[];
  page: number;
  pageCount: number;
  total: number;
}

function uploadJson(editor: Editor, file: File, fields: Record<string, string>): Promise<Response> {
  const form = new FormData();
  form.set("_csrf", editor.csrf);
  form.set("file", file);
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return get("/admin/anh", {
    method: "POST",
    headers: { cookie: editor.cookie, origin: ORIGIN, accept: "application/json" },
    body: form,
  });
}

async function uploaded(editor: Editor, fields: Record<string, string>): Promise<Photo> {
  const res = await uploadJson(editor, new File([testPhotoBytes()], "IMG_1.JPG", { type: "image/jpeg" }), fields);
  expect(res.status).toBe(201);
  return (await res.json()) as Photo;
}

const search = (editor: Editor, query: string) => editor.get(`/admin/anh/chon.json${query}`);

async function found(editor: Editor, query: string): Promise<PhotoPage> {
  const res = await search(editor, query);
  expect(res.status).toBe(200);
  return (await res.json()) as PhotoPage;
}

/** Sets when a photo was uploaded (UTC ISO), for the date search. */
async function uploadedAt(id: number, iso: string): Promise<void> {
  await env.DB.prepare("update images set created_at = ? where id = ?").bind(Date.parse(iso), id).run();
}

function editText(editor: Editor, id: number, body: unknown, headers: Record<string, string> = {}) {
  return get(`/admin/anh/${id}/chu-thich`, {
    method: "POST",
    headers: {
      cookie: editor.cookie,
      origin: ORIGIN,
      "content-type": "application/json",
      "x-csrf-token": editor.csrf,
      ...headers,
    },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

const imageCount = () => env.DB.prepare("select count(*) as n from images").first<number>("n");

describe("the picker's search (GET /admin/anh/chon.json)", () => {
  it("finds photos by caption and by credit, newest first, with small thumbnails of our own /media", async () => {
    const editor = await loginAs("editor");
    const older = await uploaded(editor, {
      alt: "Ghe hàng",
      caption: "Chợ nổi Ngã Năm lúc bình minh",
      credit: "Lê Vy",
    });
    const newer = await uploaded(editor, { alt: "Ghe hàng", caption: "Chợ nổi Ngã Năm buổi trưa", credit: "K.T" });
    await uploadedAt(older.id, "2025-03-01T01:00:00Z");
    await uploadedAt(newer.id, "2025-03-02T01:00:00Z");

    const res = await search(editor, `?q=${encodeURIComponent("chợ nổi ngã năm")}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(res.headers.get("cache-control")).toContain("no-store");
    const page = (await res.json()) as PhotoPage;
    expect(page.photos.map((p) => p.id)).toEqual([newer.id, older.id]);
    expect(page.total).toBe(2);
    expect(page.photos[0]).toMatchObject({
      caption: "Chợ nổi Ngã Năm buổi trưa",
      credit: "K.T",
      alt: "Ghe hàng",
      date: "02/03/2025",
      mayEdit: true,
    });
    expect(page.photos[0]!.thumbUrl).toMatch(/^\/media\/uploads\/\d{4}\/\d{2}\/[0-9a-f]{20}\.jpg\?w=360$/);
    expect((await get(page.photos[0]!.thumbUrl)).status).toBe(200);

    const byCredit = await found(editor, `?q=${encodeURIComponent("Lê Vy")}`);
    expect(byCredit.photos.map((p) => p.id)).toEqual([older.id]);
    // Vietnamese capitals SQLite's lower() does not fold, typed in lower case or in capitals.
    const fort = await uploaded(editor, { alt: "Đê", caption: "Đê biển Gành Hào ở Đông Hải", credit: "Đỗ Ánh" });
    for (const typed of ["đê biển gành hào", "đông hải", "ĐÔNG HẢI", "đỗ ánh"]) {
      expect((await found(editor, `?q=${encodeURIComponent(typed)}`)).photos.map((p) => p.id)).toEqual([fort.id]);
    }
  });

  it("finds photos by a Vietnamese day or month (Asia/Ho_Chi_Minh), typed as dd/mm/yyyy, mm/yyyy or ISO", async () => {
    const editor = await loginAs("editor");
    const late = await uploaded(editor, { alt: "Đêm", caption: "Ảnh ngày lịch sử đêm khuya" });
    const early = await uploaded(editor, { alt: "Sáng", caption: "Ảnh ngày lịch sử sáng sớm" });
    // 23:30 on 16/01/2019 in Vietnam, but already the 16th 16:30 UTC; 00:30 on the 17th in Vietnam is 17:30 UTC on the 16th.
    await uploadedAt(late.id, "2019-01-16T16:30:00Z");
    await uploadedAt(early.id, "2019-01-16T17:30:00Z");
    const q = `q=${encodeURIComponent("ngày lịch sử")}`;
    expect((await found(editor, `?${q}&ngay=16/01/2019`)).photos.map((p) => p.id)).toEqual([late.id]);
    expect((await found(editor, `?${q}&ngay=17/1/2019`)).photos.map((p) => p.id)).toEqual([early.id]);
    expect((await found(editor, `?${q}&ngay=2019-01-17`)).photos.map((p) => p.id)).toEqual([early.id]);
    expect((await found(editor, `?${q}&ngay=01/2019`)).photos.map((p) => p.id)).toEqual([early.id, late.id]);
    expect((await found(editor, `?${q}&ngay=2019-01`)).total).toBe(2);
    expect((await found(editor, `?${q}&ngay=02/2019`)).total).toBe(0);
    // A date alone, without words.
    expect((await found(editor, "?ngay=17/01/2019")).photos.map((p) => p.id)).toEqual([early.id]);
  });

  it("pages twelve at a time", async () => {
    const editor = await loginAs("editor");
    const ids: number[] = [];
    for (let i = 0; i < 14; i++) {
      const p = await uploaded(editor, { alt: `Lô ${i}`, caption: `Lô ảnh phân trang số ${i}` });
      await uploadedAt(p.id, `2024-05-${String(i + 1).padStart(2, "0")}T03:00:00Z`);
      ids.push(p.id);
    }
    const q = `q=${encodeURIComponent("lô ảnh phân trang")}`;
    const first = await found(editor, `?${q}`);
    expect(first).toMatchObject({ page: 1, pageCount: 2, total: 14 });
    expect(first.photos.map((p) => p.id)).toEqual([...ids].reverse().slice(0, 12));
    const second = await found(editor, `?${q}&trang=2`);
    expect(second.photos.map((p) => p.id)).toEqual([ids[1], ids[0]]);
    expect((await found(editor, `?${q}&trang=3`)).photos).toEqual([]);
  });

  it.each([
    ["a query over 200 characters", `?q=${"a".repeat(201)}`, "quá dài"],
    ["a control character", "?q=ch%07o", "không hợp lệ"],
    ["a line break", "?q=ch%0Ao", "không hợp lệ"],
    ["a bidi override", `?q=${encodeURIComponent("ảnh\u202e")}`, "không hợp lệ"],
    ["an impossible day", "?ngay=31/02/2025", "Ngày không hợp lệ"],
    ["month 13", "?ngay=2025-13", "Ngày không hợp lệ"],
    ["words as a date", `?ngay=${encodeURIComponent("hôm qua")}`, "Ngày không hợp lệ"],
    ["SQL as a date", `?ngay=${encodeURIComponent("1' or '1'='1")}`, "Ngày không hợp lệ"],
    ["page 0", "?trang=0", "Số trang"],
    ["a negative page", "?trang=-1", "Số trang"],
    ["a page in words", "?trang=hai", "Số trang"],
    ["a huge page", "?trang=999999999999", "Số trang"],
    ["a repeated parameter", "?q=a&q=b", "không hợp lệ"],
  ])("refuses %s with a Vietnamese 400", async (_label, query, message) => {
    const editor = await loginAs("reporter");
    const res = await search(editor, query);
    expect(res.status).toBe(400);
    expect(res.headers.get("cache-control")).toContain("no-store");
    expect(((await res.json()) as { error: string }).error).toContain(message);
  });

  it("treats SQL and LIKE wildcards in the words as plain text", async () => {
    const editor = await loginAs("editor");
    const all = await found(editor, "");
    expect(all.total).toBeGreaterThan(0);
    expect((await found(editor, `?q=${encodeURIComponent("' or 1=1 --")}`)).total).toBe(0);
    expect((await found(editor, "?q=%25")).total).toBe(0);
    expect((await found(editor, "?q=_")).total).toBe(0);
  });

  it("answers only signed-in newsroom users: anyone else is sent to sign in, with no photo data", async () => {
    for (const path of ["/admin/anh/chon.json?q=a", "/admin/anh/1.json"]) {
      const res = await get(path);
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toContain("/admin/dang-nhap");
      expect(await res.text()).not.toContain("thumbUrl");
    }
    const forged = await get("/admin/anh/chon.json", { headers: { cookie: "sid=khong-phai-phien-that" } });
    expect(forged.status).toBe(303);
  });

  it("looks up one photo by id, and says 404 in Vietnamese for none", async () => {
    const editor = await loginAs("reporter");
    const [first] = (await found(editor, "")).photos;
    const one = await editor.get(`/admin/anh/${first!.id}.json`);
    expect(one.status).toBe(200);
    expect(((await one.json()) as Photo).id).toBe(first!.id);
    const none = await editor.get("/admin/anh/99999999.json");
    expect(none.status).toBe(404);
    expect(((await none.json()) as { error: string }).error).toBe("Không tìm thấy ảnh.");
  });
});

describe("uploading from the picker (POST /admin/anh, Accept: application/json)", () => {
  it("stores a real photo and answers its JSON", async () => {
    const reporter = await loginAs("reporter");
    const before = await imageCount();
    const res = await uploadJson(reporter, new File([testPhotoBytes()], "camera.jpg", { type: "image/jpeg" }), {
      alt: "Nông dân gặt lúa",
      caption: "Vụ hè thu ở Phước Long",
      credit: "T.A",
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("cache-control")).toContain("no-store");
    const photo = (await res.json()) as Photo;
    expect(photo).toMatchObject({ alt: "Nông dân gặt lúa", caption: "Vụ hè thu ở Phước Long", credit: "T.A" });
    expect(photo.id).toBeGreaterThan(0);
    expect(photo.thumbUrl).toMatch(/^\/media\/uploads\/.+\?w=360$/);
    expect(await imageCount()).toBe((before ?? 0) + 1);
  });

  it.each([
    ["a text file named .jpg", () => new File([new TextEncoder().encode("không phải ảnh")], "a.jpg"), {}, 415, "JPEG"],
    ["no alt text", () => new File([testPhotoBytes()], "a.jpg"), { alt: " " }, 400, "mô tả ảnh"],
    ["no file", () => new File([], "a.jpg"), {}, 400, "Hãy chọn một tệp ảnh"],
  ])("refuses %s with a Vietnamese 4xx in JSON and stores nothing", async (_label, file, over, status, message) => {
    const editor = await loginAs("editor");
    const before = await imageCount();
    const objects = (await env.MEDIA.list()).objects.length;
    const res = await uploadJson(editor, file(), { alt: "Ảnh", ...over });
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: string }).error).toContain(message);
    expect(await imageCount()).toBe(before);
    expect((await env.MEDIA.list()).objects.length).toBe(objects);
  });

  it("needs the form's CSRF token like any upload", async () => {
    const editor = await loginAs("editor");
    const before = await imageCount();
    const res = await uploadJson({ ...editor, csrf: "sai" }, new File([testPhotoBytes()], "a.jpg"), { alt: "Ảnh" });
    expect(res.status).toBe(403);
    expect(await imageCount()).toBe(before);
  });
});

describe("editing a caption in place (POST /admin/anh/{id}/chu-thich)", () => {
  it("saves, audits, and shows the new caption on the reader's article page at once", async () => {
    const editor = await loginAs("editor");
    const { sectionId, authorId } = await firstIds();
    const photo = await uploaded(editor, { alt: "Đê biển", caption: "Chú thích cũ của đê biển", credit: "A.B" });
    const saved = await editor.post(
      "/admin/bai-viet",
      articleFields({
        sectionId: String(sectionId),
        authorId: String(authorId),
        headline: "Đê biển được gia cố trước mùa mưa",
        heroImageId: String(photo.id),
        "hanh-dong": "dang",
      }),
    );
    const id = idFromLocation(saved);
    const row = await env.DB.prepare(
      "select a.slug, s.slug as section from articles a join sections s on s.id = a.section_id where a.id = ?",
    )
      .bind(id)
      .first<{ slug: string; section: string }>();
    const url = `/${row!.section}/${row!.slug}-${id}.html`;
    const before = parse(await (await get(url)).text());
    expect(text(before.querySelector("figure figcaption"))).toContain("Chú thích cũ của đê biển");
    await get(url); // now cached

    const res = await editText(editor, photo.id, { caption: "Đê biển Gành Hào sau khi gia cố", credit: "Q.H" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      id: photo.id,
      caption: "Đê biển Gành Hào sau khi gia cố",
      credit: "Q.H",
      alt: "Đê biển",
    });
    const after = parse(await (await get(url)).text());
    expect(text(after.querySelector("figure figcaption"))).toBe("Đê biển Gành Hào sau khi gia cố Ảnh: Q.H");
    const audit = await env.DB.prepare(
      "select action, user_id as userId, detail from audit_log where target = ? order by id desc limit 1",
    )
      .bind(`image:${photo.id}`)
      .first<{ action: string; userId: number; detail: string }>();
    expect(audit).toMatchObject({ action: "image.edit", userId: editor.id });
    expect(audit!.detail).toContain("Đê biển Gành Hào sau khi gia cố");
  });

  it("needs the session's token in x-csrf-token and a same-origin request", async () => {
    const editor = await loginAs("editor");
    const photo = await uploaded(editor, { alt: "Cầu", caption: "Cầu cũ" });
    const caption = () => env.DB.prepare("select caption from images where id = ?").bind(photo.id).first("caption");
    expect((await editText(editor, photo.id, { caption: "X" }, { "x-csrf-token": "" })).status).toBe(403);
    expect((await editText(editor, photo.id, { caption: "X" }, { "x-csrf-token": "sai-token" })).status).toBe(403);
    expect((await editText(editor, photo.id, { caption: "X" }, { origin: "https://evil.example" })).status).toBe(403);
    expect(await caption()).toBe("Cầu cũ");
  });

  it.each([
    ["not JSON", "{caption:", "JSON"],
    ["an array", [], "không hợp lệ"],
    ["a number as caption", { caption: 12 }, "phải là chữ"],
    ["a caption over 500 characters", { caption: "a".repeat(501) }, "tối đa 500"],
    ["a credit over 100 characters", { credit: "a".repeat(101) }, "tối đa 100"],
    ["a line break", { caption: "hai\ndòng" }, "ký tự không hợp lệ"],
    ["an empty alt text", { alt: "  " }, "mô tả ảnh"],
  ])("refuses %s with a Vietnamese 400 and changes nothing", async (_label, body, message) => {
    const editor = await loginAs("editor");
    const photo = await uploaded(editor, { alt: "Cầu", caption: "Không đổi" });
    const res = await editText(editor, photo.id, body);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toContain(message);
    expect(await env.DB.prepare("select caption from images where id = ?").bind(photo.id).first("caption")).toBe(
      "Không đổi",
    );
  });

  it("lets a reporter edit only their own uploads", async () => {
    const editor = await loginAs("editor");
    const reporter = await loginAs("reporter");
    const theirs = await uploaded(editor, { alt: "Của biên tập viên", caption: "Giữ nguyên" });
    const mine = await uploaded(reporter, { alt: "Của phóng viên" });
    const refused = await editText(reporter, theirs.id, { caption: "Sửa trộm" });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: string }).error).toContain("do chính mình tải lên");
    expect((await editText(reporter, mine.id, { caption: "Của tôi" })).status).toBe(200);
    const listed = await found(reporter, `?q=${encodeURIComponent("Giữ nguyên")}`);
    expect(listed.photos.find((p) => p.id === theirs.id)?.mayEdit).toBe(false);
  });

  it("answers 404 for a photo that does not exist", async () => {
    const editor = await loginAs("editor");
    expect((await editText(editor, 99999999, { caption: "a" })).status).toBe(404);
  });
});

describe("the article form's photo fields", () => {
  it("show thumbnails to choose from, never a number field or an id", async () => {
    const editor = await loginAs("editor");
    const doc = await editor.page("/admin/bai-viet/moi");
    for (const name of ["heroImageId", "socialImageId"]) {
      expect(doc.querySelector(`input[name="${name}"][type="number"]`)).toBeNull();
      const box = doc.querySelector(`fieldset[data-photo-choice="${name}"]`)!;
      expect(box).not.toBeNull();
      const radios = box.querySelectorAll(`input[type="radio"][name="${name}"]`);
      expect(radios.length).toBeGreaterThan(2);
      expect(radios[0]!.getAttribute("checked")).toBeDefined();
      expect(box.querySelectorAll("label.pick img").length).toBe(radios.length - 1);
      expect(text(box)).not.toMatch(/Mã \d/);
      expect(text(box.querySelector("[data-photo-current]"))).toBe("Chưa chọn ảnh");
    }
    expect(
      doc.querySelectorAll("script").some((s) => /\/_\/photos\.[0-9a-f]{10}\.js$/.test(s.getAttribute("src") ?? "")),
    ).toBe(true);
  });

  it("search without JavaScript: ?tim-anh= lists the matching photos; the chosen one stays", async () => {
    const editor = await loginAs("editor");
    const match = await uploaded(editor, { alt: "Cánh đồng", caption: "Cánh đồng điện mặt trời Mỹ Xuyên" });
    const doc = await editor.page(`/admin/bai-viet/moi?tim-anh=${encodeURIComponent("điện mặt trời Mỹ Xuyên")}`);
    const box = doc.querySelector('fieldset[data-photo-choice="heroImageId"]')!;
    const values = box.querySelectorAll('input[type="radio"]').map((r) => r.getAttribute("value"));
    expect(values).toEqual(["", String(match.id)]);
    expect(box.querySelector('input[type="search"]')?.getAttribute("value")).toBe("điện mặt trời Mỹ Xuyên");
    expect(box.querySelector('input[type="search"]')?.getAttribute("form")).toBe("heroImageId-search");
    expect(doc.querySelector("form#heroImageId-search")?.getAttribute("method")).toBe("get");
  });

  it("an article's hero photo is checked and drawn on its edit form, even when older than the recent ones", async () => {
    const editor = await loginAs("editor");
    const { sectionId, authorId } = await firstIds();
    const old = await uploaded(editor, { alt: "Ảnh cũ", caption: "Ảnh cũ làm ảnh đầu bài" });
    await uploadedAt(old.id, "2010-01-01T00:00:00Z");
    const id = idFromLocation(
      await editor.post(
        "/admin/bai-viet",
        articleFields({ sectionId: String(sectionId), authorId: String(authorId), heroImageId: String(old.id) }),
      ),
    );
    const doc = await editor.page(`/admin/bai-viet/${id}`);
    const box = doc.querySelector('fieldset[data-photo-choice="heroImageId"]')!;
    expect(box.querySelector("input[checked]")?.getAttribute("value")).toBe(String(old.id));
    expect(box.querySelector("[data-photo-current] img")?.getAttribute("src")).toBe(old.thumbUrl);
    expect(text(box.querySelector("[data-photo-words]"))).toBe("Ảnh cũ làm ảnh đầu bài");
  });
});
