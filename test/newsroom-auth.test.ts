import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { sha256Hex } from "../src/platform/crypto";
import { loadDemo } from "./setup/demo";
import { get } from "./setup/http";
import { articleFields, createUser, firstIds, login, loginAs, PASSWORD, postForm } from "./setup/newsroom";

beforeAll(loadDemo);

const cookieOf = (res: Response) => res.headers.get("set-cookie")?.split(";")[0] ?? "";

describe("password login", () => {
  it("opens a session in a __Host- cookie that is HttpOnly, Secure and SameSite=Lax", async () => {
    const user = await createUser("editor");
    const res = await login(user.email);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/admin/bai-viet");
    const cookie = res.headers.get("set-cookie")!;
    // The token, the session's end and their HMAC (the page cache tells a real one from a forged one).
    expect(cookie).toMatch(/^__Host-phien=[0-9a-f]{64}\.\d+\.[0-9a-f]{32}; Path=\/;/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("Secure");
    expect(cookie).toContain("SameSite=Lax");
    // The database keeps only a hash of the token.
    const token = cookieOf(res).split("=")[1]!.split(".")[0]!;
    expect(await env.DB.prepare("select count(*) as n from sessions where id = ?").bind(token).first("n")).toBe(0);
    expect(
      await env.DB.prepare("select count(*) as n from sessions where id = ?")
        .bind(await sha256Hex(token))
        .first("n"),
    ).toBe(1);
    const page = await get("/admin/bai-viet", { headers: { cookie: cookieOf(res) } });
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("private, no-store");
  });

  it("refuses a wrong password or unknown email with the same Vietnamese message", async () => {
    const user = await createUser("editor");
    for (const res of [await login(user.email, "sai-mat-khau-roi"), await login("khong-co@toasoan.vn", PASSWORD)]) {
      expect(res.status).toBe(400);
      expect(res.headers.get("set-cookie") ?? "", "no session cookie").not.toContain("__Host-phien");
      expect(await res.text()).toContain("Email hoặc mật khẩu không đúng.");
    }
  });

  it("pauses the client after 5 wrong passwords for an account, even against the right one", async () => {
    const user = await createUser("editor");
    const ip = { "cf-connecting-ip": "203.0.113.7" };
    for (let i = 0; i < 5; i++) expect((await login(user.email, `sai-${i}-mat-khau`, ip)).status).toBe(400);
    const blocked = await login(user.email, PASSWORD, ip);
    expect(blocked.status).toBe(429);
    expect(await blocked.text()).toContain("Vui lòng thử lại sau 1 phút.");
    expect(blocked.headers.get("set-cookie") ?? "", "no session cookie").not.toContain("__Host-phien");
    // The account itself is not locked: its owner signs in from another client (test/login-throttle.test.ts).
    expect((await login(user.email, PASSWORD, { "cf-connecting-ip": "198.51.100.1" })).status).toBe(303);
  });

  it("throttles a client that guesses across many accounts", async () => {
    const ip = { "cf-connecting-ip": "192.0.2.99" };
    for (let i = 0; i < 20; i++) await login(`doan-mo-${i}@toasoan.vn`, "sai-mat-khau-nua", ip);
    const user = await createUser("editor");
    expect((await login(user.email, PASSWORD, ip)).status).toBe(429);
    // Another client is not affected.
    expect((await login(user.email, PASSWORD, { "cf-connecting-ip": "192.0.2.100" })).status).toBe(303);
  });

  it("ends sessions that were idle too long or are past their absolute lifetime", async () => {
    for (const column of ["last_seen_at", "expires_at"]) {
      const editor = await loginAs("editor");
      const when = column === "last_seen_at" ? Date.now() - 13 * 3600_000 : Date.now() - 1000;
      await env.DB.prepare(`update sessions set ${column} = ? where user_id = ?`).bind(when, editor.id).run();
      const res = await editor.get("/admin/bai-viet");
      expect(res.status, column).toBe(303);
      expect(res.headers.get("location")).toMatch(/^\/admin\/dang-nhap\?tiep=/);
    }
  });

  it("logs out one device, or every device", async () => {
    const user = await createUser("editor");
    const a = cookieOf(await login(user.email));
    const b = cookieOf(await login(user.email));
    const csrfOf = async (cookie: string) =>
      /name="_csrf" value="([0-9a-f]+)"/.exec(
        await (await get("/admin/mat-khau", { headers: { cookie } })).text(),
      )![1]!;

    const out = await postForm("/admin/dang-xuat", { _csrf: await csrfOf(a) }, { cookie: a });
    expect(out.status).toBe(303);
    expect(out.headers.get("set-cookie")).toContain("Max-Age=0");
    expect((await get("/admin/bai-viet", { headers: { cookie: a } })).status).toBe(303);
    expect((await get("/admin/bai-viet", { headers: { cookie: b } })).status).toBe(200);

    const c = cookieOf(await login(user.email));
    await postForm("/admin/dang-xuat-tat-ca", { _csrf: await csrfOf(b) }, { cookie: b });
    expect((await get("/admin/bai-viet", { headers: { cookie: b } })).status).toBe(303);
    expect((await get("/admin/bai-viet", { headers: { cookie: c } })).status).toBe(303);
  });

  it("changes the password and logs out the other devices", async () => {
    const editor = await loginAs("reporter");
    const other = cookieOf(await login(editor.email));
    const wrong = await editor.post("/admin/mat-khau", {
      current: "khong-dung-dau",
      next: "ca-phe-sua-da-12345",
      confirm: "ca-phe-sua-da-12345",
    });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("Mật khẩu hiện tại không đúng.");
    const short = await editor.post("/admin/mat-khau", { current: PASSWORD, next: "ngan", confirm: "ngan" });
    expect(await short.text()).toContain("ít nhất 10 ký tự");
    const ok = await editor.post("/admin/mat-khau", {
      current: PASSWORD,
      next: "ca-phe-sua-da-12345",
      confirm: "ca-phe-sua-da-12345",
    });
    expect(ok.status).toBe(200);
    expect((await editor.get("/admin/bai-viet")).status).toBe(200);
    expect((await get("/admin/bai-viet", { headers: { cookie: other } })).status).toBe(303);
    expect((await login(editor.email, "ca-phe-sua-da-12345")).status).toBe(303);
  });

  it("never lets a login send the browser to another site", async () => {
    const user = await createUser("editor");
    for (const next of ["https://evil.example/", "//evil.example", "/\\evil.example", "/kinh-te"]) {
      const res = await postForm("/admin/dang-nhap", { email: user.email, password: PASSWORD, tiep: next });
      expect(res.headers.get("location"), next).toBe("/admin/bai-viet");
    }
  });
});

describe("CSRF protection", () => {
  it("refuses state changes from other sites or without the form token, and changes nothing", async () => {
    const editor = await loginAs("editor");
    const { sectionId, authorId } = await firstIds();
    const fields = {
      ...articleFields({ headline: "Bài giả mạo CSRF" }),
      sectionId: String(sectionId),
      authorId: String(authorId),
    };
    const attempts = [
      postForm(
        "/admin/bai-viet",
        { ...fields, _csrf: editor.csrf },
        { cookie: editor.cookie, headers: { origin: "https://evil.example" } },
      ),
      get("/admin/bai-viet", {
        method: "POST",
        headers: { cookie: editor.cookie, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ ...fields, _csrf: editor.csrf }).toString(),
      }),
      postForm("/admin/bai-viet", fields, { cookie: editor.cookie }),
      postForm("/admin/bai-viet", { ...fields, _csrf: "0".repeat(64) }, { cookie: editor.cookie }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(403);
      expect(await res.text()).toMatch(/CSRF|hết hạn/);
    }
    expect(
      await env.DB.prepare("select count(*) as n from articles where headline = 'Bài giả mạo CSRF'").first("n"),
    ).toBe(0);
    // The same request from our own page goes through.
    expect((await editor.post("/admin/bai-viet", fields)).status).toBe(303);
  });

  it("sends visitors without a session to the login page", async () => {
    for (const path of ["/admin", "/admin/bai-viet", "/admin/anh", "/admin/nguoi-dung"]) {
      const res = await get(path);
      expect(res.status, path).toBe(303);
      expect(res.headers.get("location")).toMatch(/^\/admin\/dang-nhap/);
    }
  });
});
