import { env } from "cloudflare:test";
import { parse } from "node-html-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { GIF } from "./fixtures/image-formats";
import { TEST_PHOTO, testPhotoBytes } from "./fixtures/photo";
import { loadDemo } from "./setup/demo";
import { get, text } from "./setup/http";
import { articleFields, type Editor, firstIds, loginAs, ORIGIN } from "./setup/newsroom";

beforeAll(loadDemo);

function upload(
  editor: Editor,
  file: File,
  fields: Record<string, string> = { alt: "Người dân đi chợ sáng" },
): Promise<Response> {
  const form = new FormData();
  form.set("_csrf", editor.csrf);
  form.set("file", file);
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return get("/admin/anh", { method: "POST", headers: { cookie: editor.cookie, origin: ORIGIN }, body: form });
}

const imageCount = () => env.DB.prepare("select count(*) as n from images").first<number>("n");

describe("uploading photos", () => {
  it("stores a real JPEG in R2 under a generated key, with its size read from the bytes", async () => {
    const reporter = await loginAs("reporter");
    const res = await upload(
      reporter,
      new File([testPhotoBytes()], "../../etc/passwd anh cho.jpg", { type: "text/plain" }),
      { alt: "Người dân đi chợ sáng", caption: "Chợ sáng ở phường 3", credit: "M.T" },
    );
    expect(res.status).toBe(303);
    const id = Number(/\/admin\/anh\/(\d+)/.exec(res.headers.get("location")!)![1]);
    const row = await env.DB.prepare("select * from images where id = ?")
      .bind(id)
      .first<Record<string, string | number>>();
    expect(row).toMatchObject({
      width: TEST_PHOTO.width,
      height: TEST_PHOTO.height,
      mime: "image/jpeg",
      alt: "Người dân đi chợ sáng",
      caption: "Chợ sáng ở phường 3",
      credit: "M.T",
    });
    expect(row!.r2_key).toMatch(/^uploads\/\d{4}\/\d{2}\/[0-9a-f]{20}\.jpg$/);
    const object = await env.MEDIA.get(String(row!.r2_key));
    expect(object?.httpMetadata?.contentType).toBe("image/jpeg");
    expect(new Uint8Array(await object!.arrayBuffer())).toEqual(testPhotoBytes());
    // Readers can see it at once.
    expect((await get(`/media/${row!.r2_key}`)).status).toBe(200);
  });

  it.each([
    [
      "a text file renamed .jpg",
      () => new File([new TextEncoder().encode("Đây không phải là ảnh")], "anh.jpg", { type: "image/jpeg" }),
      415,
      "JPEG, PNG, WebP hoặc AVIF",
    ],
    [
      "a truncated JPEG",
      () => new File([testPhotoBytes().slice(0, 2000)], "anh.jpg", { type: "image/jpeg" }),
      415,
      "tải lên chưa hết",
    ],
    [
      "a GIF",
      () => new File([new Uint8Array(GIF)], "anh.gif", { type: "image/gif" }),
      415,
      "JPEG, PNG, WebP hoặc AVIF",
    ],
    [
      "a 20 MB file",
      () => {
        const big = new Uint8Array(20 * 1024 * 1024);
        big.set(testPhotoBytes().slice(0, 200));
        return new File([big], "lon.jpg", { type: "image/jpeg" });
      },
      413,
      "15 MB",
    ],
  ])("refuses %s with a clear message and stores nothing", async (_label, makeFile, status, message) => {
    const editor = await loginAs("editor");
    const before = await imageCount();
    const res = await upload(editor, makeFile());
    expect(res.status).toBe(status);
    expect(text(parse(await res.text()).querySelector(".error"))).toContain(message);
    expect(await imageCount()).toBe(before);
  });

  it("requires alt text, keeping the caption typed", async () => {
    const editor = await loginAs("editor");
    const res = await upload(editor, new File([testPhotoBytes()], "a.jpg"), { alt: " ", caption: "Chú thích đã gõ" });
    expect(res.status).toBe(400);
    const doc = parse(await res.text());
    expect(text(doc.querySelector(".error"))).toContain("mô tả ảnh");
    expect(doc.querySelector("#caption")?.getAttribute("value")).toBe("Chú thích đã gõ");
  });
});

describe("the media library", () => {
  it("finds photos by caption and edits their text", async () => {
    const editor = await loginAs("editor");
    const res = await upload(editor, new File([testPhotoBytes()], "a.jpg"), {
      alt: "Cầu mới",
      caption: "Cây cầu dây văng độc nhất vô nhị",
    });
    const id = Number(/\/admin\/anh\/(\d+)/.exec(res.headers.get("location")!)![1]);
    const found = await editor.page(`/admin/anh?q=${encodeURIComponent("dây văng độc nhất")}`);
    expect(found.querySelectorAll(".thumbs figure")).toHaveLength(1);
    expect(
      await editor
        .post(`/admin/anh/${id}`, { alt: "Cầu dây văng", caption: "Chú thích mới", credit: "H.P" })
        .then((r) => r.status),
    ).toBe(303);
    expect(await env.DB.prepare("select caption from images where id = ?").bind(id).first("caption")).toBe(
      "Chú thích mới",
    );
  });

  it("refuses to delete a photo an article uses, listing the articles; deletes an unused one from R2", async () => {
    const editor = await loginAs("editor");
    const res = await upload(editor, new File([testPhotoBytes()], "a.jpg"), { alt: "Ảnh dùng trong bài" });
    const id = Number(/\/admin\/anh\/(\d+)/.exec(res.headers.get("location")!)![1]);
    const key = await env.DB.prepare("select r2_key from images where id = ?").bind(id).first<string>("r2_key");
    const { sectionId, authorId } = await firstIds();
    await editor.post(
      "/admin/bai-viet",
      articleFields({
        sectionId: String(sectionId),
        authorId: String(authorId),
        headline: "Bài có ảnh trong thân",
        body: `Đoạn một.\n\n[[anh:${id} | Chú thích trong bài]]`,
      }),
    );

    const refused = await editor.post(`/admin/anh/${id}/xoa`, {});
    expect(refused.status).toBe(409);
    const doc = parse(await refused.text());
    expect(text(doc.querySelector(".error"))).toContain("đang được dùng ở 1 nơi");
    expect(doc.querySelectorAll(".card li a").map(text)).toContain("Bài có ảnh trong thân");
    expect(await env.MEDIA.head(key!)).not.toBeNull();

    // A static page's figure keeps its photo too.
    const page = await upload(editor, new File([testPhotoBytes()], "c.jpg"), { alt: "Ảnh trong trang tĩnh" });
    const pageImage = Number(/\/admin\/anh\/(\d+)/.exec(page.headers.get("location")!)![1]);
    await editor.post("/admin/trang", {
      title: "Tòa soạn",
      slug: "",
      body: `Trụ sở.\n\n[[anh:${pageImage}]]`,
      status: "published",
    });
    const kept = await editor.post(`/admin/anh/${pageImage}/xoa`, {});
    expect(kept.status).toBe(409);
    expect(
      parse(await kept.text())
        .querySelectorAll(".card li a")
        .map(text),
    ).toContain("Trang “Tòa soạn”");

    const other = await upload(editor, new File([testPhotoBytes()], "b.jpg"), { alt: "Ảnh không dùng" });
    const otherId = Number(/\/admin\/anh\/(\d+)/.exec(other.headers.get("location")!)![1]);
    const otherKey = await env.DB.prepare("select r2_key from images where id = ?")
      .bind(otherId)
      .first<string>("r2_key");
    expect((await editor.post(`/admin/anh/${otherId}/xoa`, {})).status).toBe(303);
    expect(await env.MEDIA.head(otherKey!)).toBeNull();
    expect(await env.DB.prepare("select count(*) as n from images where id = ?").bind(otherId).first("n")).toBe(0);
  });
});
