// Never lose text (issue 18.5): autosave while typing (kept apart from the
// article, never published, never a cache change), and a save with a stale
// form token or after the session ended keeps every word through the real
// routes, storing nothing until the editor's own "Lưu".
import { env } from "cloudflare:test";
import { parse } from "node-html-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { AUTOSAVES_KEPT } from "../src/db/autosaves";
import { STASH_LIMITS } from "../src/db/sign-in-stashes";
import { ASSET_URLS } from "../src/site/asset-urls";
import { loadDemo } from "./setup/demo";
import { get, text } from "./setup/http";
import {
  articleFields,
  createUser,
  type Editor,
  firstIds,
  formFieldsOf,
  idFromLocation,
  login,
  loginAs,
  ORIGIN,
  PASSWORD,
  postForm,
} from "./setup/newsroom";

beforeAll(loadDemo);

const count = async (sql: string, ...binds: unknown[]) =>
  Number(
    await env.DB.prepare(sql)
      .bind(...binds)
      .first("n"),
  );
const autosaves = (userId: number) => count("select count(*) as n from article_autosaves where user_id = ?", userId);
const versions = async () =>
  (await env.DB.prepare("select scope, stamp from cache_versions order by scope").all()).results;
const articleRow = (id: number) =>
  env.DB.prepare("select headline, lead, body, version, status, updated_at from articles where id = ?")
    .bind(id)
    .first();

/** The autosave request as the form's script sends it. */
function autosave(
  editor: Pick<Editor, "cookie" | "csrf">,
  path: string,
  fields: Record<string, string> | string,
  headers: Record<string, string> = {},
): Promise<Response> {
  return get(path, {
    method: "POST",
    headers: {
      origin: ORIGIN,
      cookie: editor.cookie,
      "content-type": "application/json",
      accept: "application/json",
      "x-csrf-token": editor.csrf,
      ...headers,
    },
    body: typeof fields === "string" ? fields : JSON.stringify({ fields }),
  });
}

async function newArticleFields(over: Record<string, string> = {}): Promise<Record<string, string>> {
  const { sectionId, authorId } = await firstIds();
  return articleFields({ sectionId: String(sectionId), authorId: String(authorId), ...over });
}

async function published(editor: Editor, headline: string): Promise<number> {
  const res = await editor.post("/admin/bai-viet", await newArticleFields({ headline, "hanh-dong": "dang" }));
  expect(res.status).toBe(303);
  return idFromLocation(res);
}

const formFields = (html: string) => formFieldsOf(parse(html));

const cookieOf = (res: Response, name: string) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.startsWith(`${name}=`) && c.length > name.length + 1);

describe("autosave", () => {
  it("keeps a new article's text for its writer only when it changed, never creating the article", async () => {
    const editor = await loginAs("editor");
    const articlesBefore = await count("select count(*) as n from articles");
    const before = await versions();
    const fields = await newArticleFields({ headline: "Bài đang viết dở", body: "Đoạn **một**.\n\nĐoạn hai." });

    const first = await autosave(editor, "/admin/bai-viet/tu-dong-luu", { ...fields, _csrf: editor.csrf });
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toContain("no-store");
    const answer = (await first.json()) as { saved: boolean; id: number; message: string };
    expect(answer.saved).toBe(true);
    expect(answer.message).toMatch(/^Đã tự động lưu lúc \d\d:\d\d$/);
    // The same fields again: nothing new is stored.
    const again = (await (await autosave(editor, "/admin/bai-viet/tu-dong-luu", fields)).json()) as {
      saved: boolean;
      id: number;
    };
    expect(again).toMatchObject({ saved: false, id: answer.id });
    expect(await autosaves(editor.id)).toBe(1);
    // Changed: stored.
    const changed = { ...fields, body: `${fields.body}\n\nĐoạn ba.` };
    expect(
      ((await (await autosave(editor, "/admin/bai-viet/tu-dong-luu", changed)).json()) as { saved: boolean }).saved,
    ).toBe(true);
    expect(await autosaves(editor.id)).toBe(2);
    const stored = await env.DB.prepare(
      "select article_id, snapshot from article_autosaves where user_id = ? order by id desc limit 1",
    )
      .bind(editor.id)
      .first<{ article_id: number | null; snapshot: string }>();
    expect(stored!.article_id).toBeNull();
    expect(JSON.parse(stored!.snapshot)).toMatchObject({ headline: "Bài đang viết dở", body: changed.body });
    expect(stored!.snapshot).not.toContain("_csrf");

    expect(await count("select count(*) as n from articles")).toBe(articlesBefore);
    expect(await versions()).toEqual(before);

    // Opening a new article offers it; opening it fills the form, marked as not saved.
    const offer = await editor.page("/admin/bai-viet/moi");
    const link = offer.querySelector("#autosave-offer a")?.getAttribute("href");
    expect(link).toMatch(/^\/admin\/bai-viet\/moi\/tu-dong-luu\/\d+$/);
    const opened = await editor.get(link!);
    expect(opened.status).toBe(200);
    const html = await opened.text();
    const form = formFields(html);
    expect(form.headline).toBe("Bài đang viết dở");
    expect(form.body).toBe(changed.body);
    expect(parse(html).querySelector("#article-form")?.getAttribute("data-unsaved")).toBe("1");
    // Another editor cannot open it.
    const other = await loginAs("editor");
    expect((await other.get(link!)).status).toBe(404);
    expect((await other.page("/admin/bai-viet/moi")).querySelector("#autosave-offer")).toBeNull();

    // Saving the article for real ends the new-article slot.
    const saved = await editor.post("/admin/bai-viet", { ...form, _csrf: editor.csrf, "hanh-dong": "luu" });
    expect(saved.status).toBe(303);
    expect(await autosaves(editor.id)).toBe(0);
  });

  it("never changes a published article, its page or its cache version, and is restored through the form", async () => {
    const editor = await loginAs("editor");
    const id = await published(editor, "Bài đã đăng về mùa lúa");
    const url = (await get(`/x/x-${id}.html`)).headers.get("location")!;
    const first = await get(url);
    const pageBefore = parse(await first.text());
    const rowBefore = await articleRow(id);
    const before = await versions();
    const form = formFields(await (await editor.get(`/admin/bai-viet/${id}`)).text());

    // Unchanged from the article: nothing to keep.
    const same = (await (await autosave(editor, `/admin/bai-viet/${id}/tu-dong-luu`, form)).json()) as {
      saved: boolean;
      unchanged?: boolean;
    };
    expect(same).toMatchObject({ saved: false, unchanged: true });
    expect(await autosaves(editor.id)).toBe(0);

    const typed = { ...form, headline: "Tiêu đề đang sửa, chưa đăng", body: `${form.body}\n\nĐoạn mới đang gõ.` };
    const res = await autosave(editor, `/admin/bai-viet/${id}/tu-dong-luu`, { ...typed, "hanh-dong": "dang" });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { saved: boolean }).saved).toBe(true);

    expect(await articleRow(id)).toEqual(rowBefore);
    expect(await versions()).toEqual(before);
    // Served from the same cached copy (no version moved), showing what it showed.
    const pageAfter = await get(url);
    expect(pageAfter.headers.get("x-cache")).toBe("HIT");
    const after = parse(await pageAfter.text());
    expect(text(after.querySelector("h1"))).toBe("Bài đã đăng về mùa lúa");
    expect(text(after.querySelector(".body"))).toBe(text(pageBefore.querySelector(".body")));
    expect(after.toString()).not.toContain("Tiêu đề đang sửa");

    // The revisions page lists it apart, and restoring opens it in the form; the article still does not change.
    const revisions = await editor.page(`/admin/bai-viet/${id}/phien-ban`);
    expect(text(revisions.querySelector("#autosaves"))).toBe("Tự động lưu");
    const rows = revisions.querySelectorAll("tr.autosave");
    expect(rows).toHaveLength(1);
    expect(text(rows[0])).toContain("Tự động lưu");
    const restore = rows[0]!.querySelector("a")!.getAttribute("href")!;
    const opened = await editor.get(restore);
    expect(opened.status).toBe(200);
    const restored = formFields(await opened.text());
    expect(restored.headline).toBe("Tiêu đề đang sửa, chưa đăng");
    expect(restored.version).toBe(form.version);
    expect(await articleRow(id)).toEqual(rowBefore);
    // Opening the article offers the newer autosave.
    expect((await editor.page(`/admin/bai-viet/${id}`)).querySelector("#autosave-offer a")?.getAttribute("href")).toBe(
      restore,
    );
    // Saving the restored form is an ordinary save.
    const save = await editor.post(`/admin/bai-viet/${id}`, { ...restored, "hanh-dong": "luu" });
    expect(save.status).toBe(303);
    expect((await articleRow(id))!.headline).toBe("Tiêu đề đang sửa, chưa đăng");
    expect((await editor.page(`/admin/bai-viet/${id}`)).querySelector("#autosave-offer")).toBeNull();

    // Deleting the article deletes its autosaves.
    expect(await count("select count(*) as n from article_autosaves where article_id = ?", id)).toBe(1);
    expect((await editor.post(`/admin/bai-viet/${id}/xoa`, {})).status).toBe(303);
    expect(await count("select count(*) as n from article_autosaves where article_id = ?", id)).toBe(0);
  });

  it("keeps only the newest few of each slot", async () => {
    const editor = await loginAs("editor");
    const fields = await newArticleFields();
    for (let i = 1; i <= AUTOSAVES_KEPT + 3; i++) {
      const res = await autosave(editor, "/admin/bai-viet/tu-dong-luu", { ...fields, body: `Bản số ${i}.` });
      expect(((await res.json()) as { saved: boolean }).saved).toBe(true);
    }
    const { results } = await env.DB.prepare(
      "select snapshot from article_autosaves where user_id = ? order by saved_at, id",
    )
      .bind(editor.id)
      .all<{ snapshot: string }>();
    expect(results.map((r) => JSON.parse(r.snapshot).body)).toEqual(
      Array.from({ length: AUTOSAVES_KEPT }, (_, i) => `Bản số ${i + 4}.`),
    );
  });

  it("checks the session, the form token and the right to edit, answering in Vietnamese JSON", async () => {
    const editor = await loginAs("editor");
    const reporter = await loginAs("reporter");
    const id = await published(editor, "Bài phóng viên không được sửa");
    const fields = await newArticleFields();
    const attempts: [string, Promise<Response>, number][] = [
      ["no token", autosave(editor, "/admin/bai-viet/tu-dong-luu", fields, { "x-csrf-token": "" }), 403],
      ["wrong token", autosave(editor, "/admin/bai-viet/tu-dong-luu", fields, { "x-csrf-token": "0".repeat(64) }), 403],
      [
        "another site",
        autosave(editor, "/admin/bai-viet/tu-dong-luu", fields, { origin: "https://evil.example" }),
        403,
      ],
      ["no session", autosave({ cookie: "", csrf: "" }, "/admin/bai-viet/tu-dong-luu", fields), 401],
      ["reporter, published", autosave(reporter, `/admin/bai-viet/${id}/tu-dong-luu`, fields), 403],
      ["no such article", autosave(editor, "/admin/bai-viet/999999/tu-dong-luu", fields), 404],
    ];
    for (const [what, attempt, status] of attempts) {
      const res = await attempt;
      expect(res.status, what).toBe(status);
      if (what !== "another site") {
        const body = (await res.json()) as { error: string };
        expect(body.error, what).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/);
      }
    }
    expect(await autosaves(editor.id)).toBe(0);
    expect(await autosaves(reporter.id)).toBe(0);
  });

  it("refuses hostile input with a Vietnamese 4xx and stores nothing", async () => {
    const editor = await loginAs("editor");
    const fields = await newArticleFields();
    const path = "/admin/bai-viet/tu-dong-luu";
    const hostile: [string, Promise<Response>, number][] = [
      ["not JSON", autosave(editor, path, "{nope"), 400],
      ["no fields", autosave(editor, path, JSON.stringify({ x: 1 })), 400],
      ["fields an array", autosave(editor, path, JSON.stringify({ fields: ["a"] })), 400],
      ["a number", autosave(editor, path, JSON.stringify({ fields: { ...fields, headline: 5 } })), 400],
      ["NUL", autosave(editor, path, { ...fields, headline: "a\u0000b" }), 400],
      [
        "too many fields",
        autosave(editor, path, Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`f${i}`, "x"]))),
        400,
      ],
      ["javascript: link", autosave(editor, path, { ...fields, body: "Xem [đây](javascript:alert(1))." }), 400],
      ["data: link", autosave(editor, path, { ...fields, body: "Xem [đây](data:text/html,x)." }), 400],
      ["10,000 blocks", autosave(editor, path, { ...fields, body: Array(10_000).fill("Đoạn.").join("\n\n") }), 400],
      ["a 2 MB body", autosave(editor, path, { ...fields, body: "chữ ".repeat(600_000) }), 413],
      ["no version", autosave(editor, path, { ...fields, version: "abc" }), 400],
      [
        "a form, not JSON",
        get(path, {
          method: "POST",
          headers: {
            origin: ORIGIN,
            cookie: editor.cookie,
            "content-type": "application/x-www-form-urlencoded",
            accept: "application/json",
          },
          body: new URLSearchParams({ ...fields, _csrf: editor.csrf }).toString(),
        }),
        400,
      ],
    ];
    for (const [what, attempt, status] of hostile) {
      const res = await attempt;
      expect(res.status, what).toBe(status);
      const body = await res.text();
      expect(body, what).toMatch(/[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựđ]/);
    }
    const bad = await autosave(editor, path, { ...fields, body: "Xem [đây](javascript:alert(1))." });
    expect(((await bad.json()) as { fields: { body: string } }).fields.body).toBeTruthy();
    expect(await autosaves(editor.id)).toBe(0);
  });
});

describe("the article form's script", () => {
  it("is loaded on the article form only, told where and how often to autosave", async () => {
    const editor = await loginAs("editor");
    const form = await editor.page("/admin/bai-viet/moi");
    expect(form.querySelector(`script[src="${ASSET_URLS["article-form.js"]}"]`)).toBeTruthy();
    const el = form.querySelector("#article-form")!;
    expect(el.getAttribute("data-autosave-url")).toBe("/admin/bai-viet/tu-dong-luu");
    expect(el.getAttribute("data-local-key")).toBe("new");
    const every = Number(el.getAttribute("data-autosave-ms"));
    expect(every).toBeGreaterThanOrEqual(15_000);
    expect(every).toBeLessThanOrEqual(30_000);
    expect(el.getAttribute("data-unsaved")).toBeUndefined();
    const list = await (await editor.get("/admin/bai-viet")).text();
    expect(list).not.toContain(ASSET_URLS["article-form.js"]);
  });

  it("gets a library photo's share-card picture for the live preview, and a 404 for no photo", async () => {
    const editor = await loginAs("editor");
    const image = await env.DB.prepare("select id, r2_key as key from images order by id limit 1").first<{
      id: number;
      key: string;
    }>();
    const res = await editor.get(`/admin/bai-viet/anh-chia-se/${image!.id}`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { src: string }).src).toBe(`/media/${image!.key}?w=1200&h=630`);
    const missing = await editor.get("/admin/bai-viet/anh-chia-se/999999");
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: string }).error).toBe("Không có ảnh này trong thư viện.");
  });
});

describe("a save that comes back", () => {
  it("with a stale form token: the form again with every word and a fresh token, nothing stored", async () => {
    const user = await createUser("editor");
    const signIn = async () => {
      const res = await login(user.email);
      const cookie = cookieOf(res, "__Host-phien")!;
      const csrf = parse(await (await get("/admin/bai-viet/moi", { headers: { cookie } })).text())
        .querySelector('input[name="_csrf"]')!
        .getAttribute("value")!;
      return { cookie, csrf };
    };
    const old = await signIn();
    const current = await signIn();
    const fields = await newArticleFields({
      headline: "Bài gõ trong tab cũ",
      body: "Đoạn văn dài đã gõ cả buổi sáng.",
      "hanh-dong": "luu",
    });
    const articlesBefore = await count("select count(*) as n from articles");
    const res = await postForm("/admin/bai-viet", { ...fields, _csrf: old.csrf }, { cookie: current.cookie });
    expect(res.status).toBe(403);
    const html = await res.text();
    expect(html).toContain("bấm “Lưu” lại");
    const form = formFields(html);
    expect(form._csrf).toBe(current.csrf);
    expect(form.headline).toBe("Bài gõ trong tab cũ");
    expect(form.body).toBe("Đoạn văn dài đã gõ cả buổi sáng.");
    expect(await count("select count(*) as n from articles")).toBe(articlesBefore);

    // "Lưu" on that form saves.
    const saved = await postForm("/admin/bai-viet", { ...form, "hanh-dong": "luu" }, { cookie: current.cookie });
    expect(saved.status).toBe(303);
    const id = idFromLocation(saved);
    expect((await articleRow(id))!.headline).toBe("Bài gõ trong tab cũ");

    // An existing article too: the form is that article's.
    const edit = await postForm(
      `/admin/bai-viet/${id}`,
      { ...form, version: "1", headline: "Sửa trong tab cũ", _csrf: old.csrf },
      { cookie: current.cookie },
    );
    expect(edit.status).toBe(403);
    const editHtml = await edit.text();
    expect(parse(editHtml).querySelector("#article-form")?.getAttribute("action")).toBe(`/admin/bai-viet/${id}`);
    expect(formFields(editHtml).headline).toBe("Sửa trong tab cũ");
    expect((await articleRow(id))!.headline).toBe("Bài gõ trong tab cũ");
  });

  it("after the session ended: kept for the sign-in, never in a URL, and saved only by the editor's Lưu", async () => {
    const editor = await loginAs("editor");
    const fields = await newArticleFields({
      headline: "Bài viết lúc phiên đã hết",
      body: "Đoạn văn quý giá.\n\n## Tiêu đề phụ\n\nĐoạn cuối.",
      "hanh-dong": "luu",
    });
    await env.DB.prepare("update sessions set expires_at = 0 where user_id = ?").bind(editor.id).run();
    const articlesBefore = await count("select count(*) as n from articles");

    const res = await editor.post("/admin/bai-viet", fields);
    expect(res.status).toBe(401);
    expect(res.headers.get("location")).toBeNull();
    expect(res.headers.get("cache-control")).toContain("no-store");
    const html = await res.text();
    const login = parse(html).querySelector('form[action="/admin/dang-nhap"]')!;
    expect(login).toBeTruthy();
    const key = login.querySelector('input[name="giu"]')!.getAttribute("value")!;
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    // The page carries a key, not the text; the text waits in D1 under the key's hash.
    expect(html).not.toContain("Đoạn văn quý giá");
    expect(await count("select count(*) as n from sign_in_stashes where id = ?", key)).toBe(0);
    const stashCookie = cookieOf(res, "__Host-bai-giu")!;
    expect(res.headers.getSetCookie().find((c) => c.startsWith("__Host-bai-giu="))).toMatch(
      /HttpOnly; Secure; SameSite=Strict/,
    );
    expect(await count("select count(*) as n from articles")).toBe(articlesBefore);

    // The key alone (no cookie from that browser) gives nothing back.
    const elsewhere = await postForm("/admin/dang-nhap", {
      email: editor.email,
      password: PASSWORD,
      giu: key,
      tiep: "/admin/bai-viet/moi",
    });
    expect(elsewhere.status).toBe(303);

    // A wrong password keeps the key for the next try.
    const wrong = await postForm(
      "/admin/dang-nhap",
      { email: editor.email, password: "sai-mat-khau-roi", giu: key },
      { cookie: stashCookie },
    );
    expect(wrong.status).toBe(400);
    expect(
      parse(await wrong.text())
        .querySelector('input[name="giu"]')
        ?.getAttribute("value"),
    ).toBe(key);

    const signedIn = await postForm(
      "/admin/dang-nhap",
      { email: editor.email, password: PASSWORD, giu: key, tiep: "/admin/bai-viet/moi" },
      { cookie: stashCookie },
    );
    expect(signedIn.status).toBe(200);
    const session = cookieOf(signedIn, "__Host-phien")!;
    expect(session).toBeTruthy();
    const page = await signedIn.text();
    expect(page).toContain("CHƯA được lưu");
    const form = formFields(page);
    expect(form.headline).toBe("Bài viết lúc phiên đã hết");
    expect(form.body).toBe("Đoạn văn quý giá.\n\n## Tiêu đề phụ\n\nĐoạn cuối.");
    expect(await count("select count(*) as n from sign_in_stashes")).toBe(0);
    expect(await count("select count(*) as n from articles")).toBe(articlesBefore);

    // Used once: the same key and cookie give nothing again.
    const reuse = await postForm(
      "/admin/dang-nhap",
      { email: editor.email, password: PASSWORD, giu: key, tiep: "/admin/bai-viet/moi" },
      { cookie: stashCookie },
    );
    expect(reuse.status).toBe(303);

    const saved = await postForm("/admin/bai-viet", { ...form, "hanh-dong": "luu" }, { cookie: session });
    expect(saved.status).toBe(303);
    const id = idFromLocation(saved);
    expect((await articleRow(id))!.body).toContain("Đoạn văn quý giá.");

    // An existing article: after signing in, the form is that article's.
    await env.DB.prepare("update sessions set expires_at = 0 where user_id = ?").bind(editor.id).run();
    const edit = await postForm(
      `/admin/bai-viet/${id}`,
      { ...form, version: "1", headline: "Sửa sau khi phiên hết", _csrf: form._csrf! },
      { cookie: session },
    );
    expect(edit.status).toBe(401);
    const editKey = parse(await edit.text())
      .querySelector('input[name="giu"]')!
      .getAttribute("value")!;
    const back = await postForm(
      "/admin/dang-nhap",
      { email: editor.email, password: PASSWORD, giu: editKey },
      { cookie: cookieOf(edit, "__Host-bai-giu")! },
    );
    expect(back.status).toBe(200);
    const backHtml = await back.text();
    expect(parse(backHtml).querySelector("#article-form")?.getAttribute("action")).toBe(`/admin/bai-viet/${id}`);
    expect(formFields(backHtml).headline).toBe("Sửa sau khi phiên hết");
    expect((await articleRow(id))!.headline).toBe("Bài viết lúc phiên đã hết");
  });

  it("keeps few stashes per client, for a short time, and none too big", async () => {
    await env.DB.prepare("delete from sign_in_stashes").run();
    const fields = await newArticleFields({ headline: "Bài của người lạ" });
    const ip = { "cf-connecting-ip": "203.0.113.9" };
    for (let i = 0; i < STASH_LIMITS.perClient + 2; i++) {
      const res = await postForm("/admin/bai-viet", { ...fields, body: `Bản ${i}` }, { headers: ip });
      expect(res.status).toBe(401);
    }
    expect(await count("select count(*) as n from sign_in_stashes")).toBe(STASH_LIMITS.perClient);
    const now = Date.now();
    const { results } = await env.DB.prepare("select data, created_at, expires_at from sign_in_stashes").all<{
      data: string;
      created_at: number;
      expires_at: number;
    }>();
    for (const r of results) expect(r.expires_at - r.created_at).toBe(STASH_LIMITS.ttlMs);
    expect(results.map((r) => JSON.parse(r.data).body).sort()).toEqual(["Bản 2", "Bản 3", "Bản 4"]);

    // Too big to keep: said so, nothing kept.
    const big = await postForm(
      "/admin/bai-viet",
      { ...fields, body: "x".repeat(450_000) },
      { headers: { "cf-connecting-ip": "203.0.113.10" } },
    );
    expect(big.status).toBe(401);
    expect(await big.text()).toContain("không giữ được");
    expect(await count("select count(*) as n from sign_in_stashes")).toBe(STASH_LIMITS.perClient);

    // Expired: signing in gives the usual page, not the text.
    const editor = await createUser("editor");
    const res = await postForm("/admin/bai-viet", fields, { headers: { "cf-connecting-ip": "203.0.113.11" } });
    const key = parse(await res.text())
      .querySelector('input[name="giu"]')!
      .getAttribute("value")!;
    await env.DB.prepare("update sign_in_stashes set expires_at = ?")
      .bind(now - 1)
      .run();
    const late = await postForm(
      "/admin/dang-nhap",
      { email: editor.email, password: PASSWORD, giu: key },
      { cookie: cookieOf(res, "__Host-bai-giu")! },
    );
    expect(late.status).toBe(303);
  });
});
