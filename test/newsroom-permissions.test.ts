import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import type { UserRole } from "../src/db/schema";
import { TEST_PHOTO, testPhotoBytes } from "./fixtures/photo";
import { loadDemo } from "./setup/demo";
import { articleFields, type Editor, firstIds, idFromLocation, loginAs } from "./setup/newsroom";

beforeAll(loadDemo);

const ROLES: UserRole[] = ["admin", "editor", "reporter"];

async function fields(over: Record<string, string> = {}) {
  const { sectionId, authorId } = await firstIds();
  return articleFields({ sectionId: String(sectionId), authorId: String(authorId), ...over });
}

async function draftBy(editor: Editor, over: Record<string, string> = {}): Promise<number> {
  return idFromLocation(await editor.post("/admin/bai-viet", await fields(over)));
}

async function unusedImage(): Promise<number> {
  const key = `tests/${crypto.randomUUID()}.jpg`;
  await env.MEDIA.put(key, testPhotoBytes());
  const row = await env.DB.prepare(
    "insert into images (r2_key, width, height, mime, bytes, alt) values (?, ?, ?, 'image/jpeg', 10, 'Ảnh thử') returning id",
  )
    .bind(key, TEST_PHOTO.width, TEST_PHOTO.height)
    .first<{ id: number }>();
  return row!.id;
}

async function formOf(editor: Editor, id: number) {
  const html = await (await editor.get(`/admin/bai-viet/${id}`)).text();
  const version = /name="version" value="(\d+)"/.exec(html)?.[1] ?? "1";
  return fields({ version });
}

/** Each action, tried by a fresh user of a role: did the server allow it? */
const ACTIONS: Record<string, (me: Editor, others: { editor: Editor }) => Promise<boolean>> = {
  "write a draft": async (me) => (await me.post("/admin/bai-viet", await fields())).status === 303,
  publish: async (me) => (await me.post("/admin/bai-viet", await fields({ "hanh-dong": "dang" }))).status === 303,
  "edit own draft": async (me) => {
    const id = await draftBy(me);
    return (
      (await me.post(`/admin/bai-viet/${id}`, { ...(await formOf(me, id)), headline: "Sửa bản nháp của mình" }))
        .status === 303
    );
  },
  "edit someone else's article": async (me, { editor }) => {
    const id = await draftBy(editor);
    const res = await me.post(`/admin/bai-viet/${id}`, {
      ...(await formOf(editor, id)),
      headline: "Sửa bài người khác",
    });
    return res.status === 303;
  },
  "open someone else's article": async (me, { editor }) =>
    (await me.get(`/admin/bai-viet/${await draftBy(editor)}`)).status === 200,
  "edit own published article": async (me, { editor }) => {
    const id = await draftBy(me);
    // An editor publishes the reporter's piece; after that it is no longer the reporter's to change.
    await editor.post(`/admin/bai-viet/${id}`, { ...(await formOf(editor, id)), "hanh-dong": "dang" });
    return (
      (await me.post(`/admin/bai-viet/${id}`, { ...(await formOf(editor, id)), headline: "Sửa sau khi đăng" }))
        .status === 303
    );
  },
  "submit for review": async (me) => {
    const id = await draftBy(me);
    return (
      (await me.post(`/admin/bai-viet/${id}`, { ...(await formOf(me, id)), "hanh-dong": "gui-duyet" })).status === 303
    );
  },
  "delete an article": async (me, { editor }) =>
    (await me.post(`/admin/bai-viet/${await draftBy(editor)}/xoa`, {})).status === 303,
  "upload a photo": async (me) => (await me.get("/admin/anh/tai-len")).status === 200,
  "delete a photo": async (me) => (await me.post(`/admin/anh/${await unusedImage()}/xoa`, {})).status === 303,
  "manage people": async (me) => (await me.get("/admin/nguoi-dung")).status === 200,
  "read the audit log": async (me) => (await me.get("/admin/nhat-ky")).status === 200,
};

const EXPECTED: Record<string, Record<UserRole, boolean>> = {
  "write a draft": { admin: true, editor: true, reporter: true },
  publish: { admin: true, editor: true, reporter: false },
  "edit own draft": { admin: true, editor: true, reporter: true },
  "edit someone else's article": { admin: true, editor: true, reporter: false },
  "open someone else's article": { admin: true, editor: true, reporter: false },
  "edit own published article": { admin: true, editor: true, reporter: false },
  "submit for review": { admin: true, editor: true, reporter: true },
  "delete an article": { admin: true, editor: true, reporter: false },
  "upload a photo": { admin: true, editor: true, reporter: true },
  "delete a photo": { admin: true, editor: true, reporter: false },
  "manage people": { admin: true, editor: false, reporter: false },
  "read the audit log": { admin: true, editor: false, reporter: false },
};

describe("permissions are enforced on the server, per role and per article", () => {
  for (const [action, tryIt] of Object.entries(ACTIONS)) {
    for (const role of ROLES) {
      it(`${role}: ${action} -> ${EXPECTED[action]![role] ? "allowed" : "refused"}`, async () => {
        const me = await loginAs(role);
        const editor = await loginAs("editor");
        expect(await tryIt(me, { editor })).toBe(EXPECTED[action]![role]);
      });
    }
  }

  it("refuses with a Vietnamese 403 and leaves the article unchanged", async () => {
    const reporter = await loginAs("reporter");
    const editor = await loginAs("editor");
    const id = await draftBy(editor, { headline: "Bài của biên tập viên" });
    const res = await reporter.post(`/admin/bai-viet/${id}`, {
      ...(await formOf(editor, id)),
      headline: "Phóng viên sửa trộm",
    });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("Bạn chỉ được sửa bản nháp và bài chờ duyệt do chính mình viết.");
    expect(await env.DB.prepare("select headline from articles where id = ?").bind(id).first("headline")).toBe(
      "Bài của biên tập viên",
    );
  });

  it("only admins change roles, and an admin cannot lock themself out", async () => {
    const admin = await loginAs("admin");
    const reporter = await loginAs("reporter");
    const promote = await admin.post(`/admin/nguoi-dung/${reporter.id}`, { role: "editor" });
    expect(promote.status).toBe(303);
    expect(await env.DB.prepare("select role from users where id = ?").bind(reporter.id).first("role")).toBe("editor");
    const self = await admin.post(`/admin/nguoi-dung/${admin.id}`, { role: "reporter" });
    expect(self.status).toBe(400);
    const editor = await loginAs("editor");
    expect((await editor.post(`/admin/nguoi-dung/${reporter.id}`, { role: "admin" })).status).toBe(403);
    expect(await env.DB.prepare("select role from users where id = ?").bind(reporter.id).first("role")).toBe("editor");
  });
});
