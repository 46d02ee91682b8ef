// Issue 21, item 8: a reporter files only under their own byline (none linked:
// refused with a message) and sees only their own unpublished articles'
// titles in the newsroom's list and its search.
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { loadDemo } from "./setup/demo";
import { articleFields, firstIds, idFromLocation, loginAs } from "./setup/newsroom";

beforeAll(loadDemo);

const otherAuthorId = async (not: number) =>
  (await env.DB.prepare("select id from authors where id != ? order by id limit 1").bind(not).first<{ id: number }>())!
    .id;

describe("a reporter without a linked byline", () => {
  it("cannot file under any author: refused with a message, nothing saved", async () => {
    const { sectionId, authorId } = await firstIds();
    const reporter = await loginAs("reporter", { authorId: null });
    const before = await env.DB.prepare("select count(*) as n from articles").first("n");
    for (const chosen of [String(authorId), ""]) {
      const res = await reporter.post(
        "/admin/bai-viet",
        articleFields({ headline: `Không bút danh ${chosen}`, sectionId: String(sectionId), authorId: chosen }),
      );
      expect(res.status, `authorId=${chosen}`).toBe(400);
      expect(await res.text()).toContain("chưa gắn với tác giả nào");
    }
    expect(await env.DB.prepare("select count(*) as n from articles").first("n")).toBe(before);
  });

  it("is told on the empty form, before typing, that they have no byline", async () => {
    const reporter = await loginAs("reporter", { authorId: null });
    const form = await reporter.get("/admin/bai-viet/moi");
    expect(form.status).toBe(200);
    expect(await form.text()).toContain("chưa gắn với tác giả nào");
    // A reporter with a byline sees no such message.
    const linked = await loginAs("reporter");
    expect(await (await linked.get("/admin/bai-viet/moi")).text()).not.toContain("chưa gắn với tác giả nào");
  });

  it("cannot put another author on a piece by restoring a revision an editor wrote", async () => {
    const { sectionId, authorId } = await firstIds();
    const reporter = await loginAs("reporter");
    const editor = await loginAs("editor");
    const fields = (over: Record<string, string>) =>
      articleFields({ headline: "Bài gửi duyệt", sectionId: String(sectionId), ...over });
    const id = idFromLocation(await reporter.post("/admin/bai-viet", fields({ authorId: String(authorId) })));
    const version = async () =>
      String(await env.DB.prepare("select version from articles where id = ?").bind(id).first("version"));
    // An editor files the draft under someone else (revision 2)...
    const other = await otherAuthorId(authorId);
    expect(
      (await editor.post(`/admin/bai-viet/${id}`, fields({ authorId: String(other), version: await version() })))
        .status,
    ).toBe(303);
    // ...the reporter saves it again under their own byline...
    expect(
      (await reporter.post(`/admin/bai-viet/${id}`, fields({ authorId: "", version: await version() }))).status,
    ).toBe(303);
    expect(await env.DB.prepare("select author_id from articles where id = ?").bind(id).first("author_id")).toBe(
      authorId,
    );
    // ...and then restores the editor's revision: the words come back, the byline stays the reporter's.
    const rev = await env.DB.prepare("select id from article_revisions where article_id = ? and saved_by = ? limit 1")
      .bind(id, editor.id)
      .first<{ id: number }>();
    const restored = await reporter.post(`/admin/bai-viet/${id}/phien-ban/${rev!.id}/khoi-phuc`, {});
    expect(restored.status).toBeLessThan(400);
    expect(await env.DB.prepare("select author_id from articles where id = ?").bind(id).first("author_id")).toBe(
      authorId,
    );
  });
});

describe("a reporter's article list and its search", () => {
  it("shows their own drafts and published articles, not others' unpublished titles", async () => {
    const { sectionId, authorId } = await firstIds();
    const editor = await loginAs("editor");
    const me = await loginAs("reporter");
    const colleague = await loginAs("reporter");
    const stamp = Date.now();
    const draft = (who: typeof me, headline: string) =>
      who.post(
        "/admin/bai-viet",
        articleFields({ headline, sectionId: String(sectionId), authorId: String(authorId) }),
      );
    expect((await draft(me, `Nháp của tôi ${stamp}`)).status).toBe(303);
    expect((await draft(colleague, `Nháp bí mật của đồng nghiệp ${stamp}`)).status).toBe(303);
    expect((await draft(editor, `Nháp bí mật của biên tập ${stamp}`)).status).toBe(303);
    for (const path of ["/admin/bai-viet", `/admin/bai-viet?q=${stamp}`, "/admin/bai-viet?trang-thai=draft"]) {
      const html = await (await me.get(path)).text();
      expect(html, path).toContain(`Nháp của tôi ${stamp}`);
      expect(html, path).not.toContain("Nháp bí mật");
    }
    // Published articles are public anyway: still listed.
    const published = await env.DB.prepare("select headline from articles where status = 'published' limit 1").first<{
      headline: string;
    }>();
    const q = encodeURIComponent(published!.headline.slice(0, 20));
    expect(await (await me.get(`/admin/bai-viet?q=${q}`)).text()).toContain(published!.headline.slice(0, 20));
    // An editor still sees everyone's drafts.
    const all = await (await editor.get(`/admin/bai-viet?q=${stamp}`)).text();
    expect(all).toContain(`Nháp bí mật của đồng nghiệp ${stamp}`);
    expect(all).toContain(`Nháp của tôi ${stamp}`);
  });
});
