// Accounts: an admin's password reset to a temporary password that must be
// replaced at the next sign-in, and the sessions page (own, and an admin's
// view of another account's).
import { env } from "cloudflare:test";
import { parse } from "node-html-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { generateTemporaryPassword } from "../src/platform/passwords";
import { deviceLabel } from "../src/platform/user-agent";
import { loadDemo } from "./setup/demo";
import { get, text } from "./setup/http";
import { createUser, login, loginAs, PASSWORD, postForm } from "./setup/newsroom";

beforeAll(loadDemo);

const ANDROID_CHROME =
  "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
const IPHONE_SAFARI =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1";
const TEMPORARY = /^[a-hjkmnp-z2-9]{4}(-[a-hjkmnp-z2-9]{4}){3}$/;

const cookieOf = (res: Response) => res.headers.get("set-cookie")?.split(";")[0] ?? "";

/** One signed-in browser: its cookie and form token. */
async function device(email: string, password = PASSWORD, userAgent?: string) {
  const res = await login(email, password, userAgent ? { "user-agent": userAgent } : {});
  expect(res.status, `login ${email}`).toBe(303);
  const cookie = cookieOf(res);
  const html = await (await get("/admin/mat-khau", { headers: { cookie } })).text();
  const csrf = /name="_csrf" value="([0-9a-f]+)"/.exec(html)![1]!;
  return {
    cookie,
    csrf,
    get: (path: string) => get(path, { headers: { cookie } }),
    post: (path: string, fields: Record<string, string> = {}) => postForm(path, { _csrf: csrf, ...fields }, { cookie }),
  };
}

const works = async (cookie: string) => (await get("/admin/bai-viet", { headers: { cookie } })).status === 200;

const auditRows = (action: string, target: string) =>
  env.DB.prepare("select user_id, detail from audit_log where action = ? and target = ?")
    .bind(action, target)
    .all<{ user_id: number; detail: string }>()
    .then((r) => r.results);

describe("password reset by an admin", () => {
  it("shows a temporary password once, stops the old one and ends every session of the account", async () => {
    const admin = await loginAs("admin");
    const target = await createUser("reporter");
    const phone = await device(target.email);
    const laptop = await device(target.email);

    const res = await admin.post(`/admin/nguoi-dung/${target.id}/dat-lai-mat-khau`, {});
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const html = await res.text();
    const temporary = text(parse(html).querySelector("#mat-khau-tam"));
    expect(temporary).toMatch(TEMPORARY);
    expect(html).toContain("chỉ hiện một lần");

    // Stored as a hash only, marked must-change, never written to the audit log.
    const row = await env.DB.prepare("select * from users where id = ?")
      .bind(target.id)
      .first<Record<string, unknown>>();
    expect(row!.must_change_password).toBe(1);
    expect(Object.values(row!).some((v) => String(v).includes(temporary))).toBe(false);
    const audit = await auditRows("user.password.reset", `user:${target.id}`);
    expect(audit).toEqual([{ user_id: admin.id, detail: "" }]);
    const everything = await env.DB.prepare("select * from audit_log").all();
    expect(JSON.stringify(everything.results)).not.toContain(temporary);
    // Not shown again.
    expect(await (await admin.get("/admin/nguoi-dung")).text()).not.toContain(temporary);

    expect(await works(phone.cookie)).toBe(false);
    expect(await works(laptop.cookie)).toBe(false);
    expect((await login(target.email, PASSWORD, { "cf-connecting-ip": "203.0.113.50" })).status).toBe(400);
    expect((await login(target.email, temporary)).status).toBe(303);
  });

  it("draws a different readable temporary password each time", () => {
    const drawn = new Set(Array.from({ length: 50 }, generateTemporaryPassword));
    expect(drawn.size).toBe(50);
    for (const p of drawn) expect(p).toMatch(TEMPORARY);
  });

  it("sends a temporary password's every admin page to the password form until it is changed", async () => {
    const admin = await loginAs("admin");
    const target = await createUser("editor");
    const reset = await admin.post(`/admin/nguoi-dung/${target.id}/dat-lai-mat-khau`, {});
    const temporary = text(parse(await reset.text()).querySelector("#mat-khau-tam"));

    const signIn = await postForm("/admin/dang-nhap", { email: target.email, password: temporary, tiep: "/admin/anh" });
    expect(signIn.status).toBe(303);
    const me = await device(target.email, temporary);
    for (const path of ["/admin/bai-viet", "/admin/anh", "/admin/phien", "/admin/binh-luan", "/admin/khong-co"]) {
      const res = await me.get(path);
      expect(res.status, path).toBe(303);
      expect(res.headers.get("location"), path).toBe(`/admin/mat-khau?tiep=${encodeURIComponent(path)}`);
    }
    const post = await me.post("/admin/phien/ket-thuc-tat-ca");
    expect(post.status).toBe(303);
    expect(post.headers.get("location")).toBe("/admin/mat-khau");

    const form = await me.get("/admin/mat-khau?tiep=%2Fadmin%2Fanh");
    expect(form.status).toBe(200);
    const page = parse(await form.text());
    expect(text(page.querySelector("main"))).toContain("Bạn đang dùng mật khẩu tạm");
    expect(page.querySelector("nav.bar.held"), "the rooms' links are hidden").not.toBeNull();
    expect(page.querySelector('input[name="tiep"]')?.getAttribute("value")).toBe("/admin/anh");

    const same = await me.post("/admin/mat-khau", {
      current: temporary,
      next: temporary,
      confirm: temporary,
      tiep: "/admin/anh",
    });
    expect(same.status).toBe(400);
    expect(await same.text()).toContain("Mật khẩu mới phải khác mật khẩu hiện tại.");
    const weak = await me.post("/admin/mat-khau", { current: temporary, next: "ngan", confirm: "ngan" });
    expect(weak.status).toBe(400);
    expect(await weak.text()).toContain("ít nhất 10 ký tự");
    expect(await works(me.cookie)).toBe(false);

    const other = await device(target.email, temporary);
    const done = await me.post("/admin/mat-khau", {
      current: temporary,
      next: "mat-khau-rieng-cua-toi",
      confirm: "mat-khau-rieng-cua-toi",
      tiep: "/admin/anh",
    });
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe("/admin/anh");
    expect(await works(me.cookie)).toBe(true);
    expect((await me.get("/admin/anh")).status).toBe(200);
    expect(await works(other.cookie), "other devices signed out").toBe(false);
    const row = await env.DB.prepare("select must_change_password as m from users where id = ?")
      .bind(target.id)
      .first("m");
    expect(row).toBe(0);
    expect((await login(target.email, "mat-khau-rieng-cua-toi")).status).toBe(303);
  });

  it("still lets someone with a temporary password sign out", async () => {
    const admin = await loginAs("admin");
    const target = await createUser("reporter");
    const reset = await admin.post(`/admin/nguoi-dung/${target.id}/dat-lai-mat-khau`, {});
    const temporary = text(parse(await reset.text()).querySelector("#mat-khau-tam"));
    const me = await device(target.email, temporary);
    const out = await me.post("/admin/dang-xuat");
    expect(out.status).toBe(303);
    expect(out.headers.get("location")).toBe("/admin/dang-nhap?da-dang-xuat");
  });

  it("marks an account an admin creates with a chosen password as must-change", async () => {
    const admin = await loginAs("admin");
    const email = `moi-${Date.now()}@toasoan.vn`;
    const created = await admin.post("/admin/nguoi-dung", {
      name: "Phóng viên mới",
      email,
      role: "reporter",
      authorId: "",
      password: "mat-khau-tam-thoi-1",
    });
    expect(created.status).toBe(303);
    const me = await device(email, "mat-khau-tam-thoi-1");
    const res = await me.get("/admin/bai-viet");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toMatch(/^\/admin\/mat-khau\?tiep=/);
  });

  it("refuses the reset to reporters and editors (403), and an admin's own account", async () => {
    const target = await createUser("reporter");
    for (const role of ["reporter", "editor"] as const) {
      const someone = await loginAs(role);
      const res = await someone.post(`/admin/nguoi-dung/${target.id}/dat-lai-mat-khau`, {});
      expect(res.status, role).toBe(403);
      expect(await res.text()).not.toMatch(TEMPORARY);
    }
    expect((await login(target.email)).status, "password unchanged").toBe(303);
    const admin = await loginAs("admin");
    const self = await admin.post(`/admin/nguoi-dung/${admin.id}/dat-lai-mat-khau`, {});
    expect(self.status).toBe(400);
    expect((await admin.post("/admin/nguoi-dung/999999/dat-lai-mat-khau", {})).status).toBe(404);
    expect(await auditRows("user.password.reset", `user:${target.id}`)).toEqual([]);
  });
});

describe("sessions page", () => {
  it("lists the user's own sessions, with this device marked and a coarse device label", async () => {
    const user = await createUser("reporter");
    await device(user.email, PASSWORD, ANDROID_CHROME);
    const me = await device(user.email, PASSWORD, IPHONE_SAFARI);
    const res = await me.get("/admin/phien");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const cards = parse(await res.text()).querySelectorAll("ul.sessions > li");
    expect(cards.map((li) => text(li.querySelector("h2")))).toEqual(["Safari · iOS Thiết bị này", "Chrome · Android"]);
    expect(cards[0]!.querySelector("form"), "no button to end this device's own session").toBeNull();
    expect(cards[1]!.querySelector("form")?.getAttribute("action")).toMatch(/^\/admin\/phien\/[0-9a-f]{24}\/ket-thuc$/);
    // Only the label is kept: no User-Agent, no IP.
    const stored = await env.DB.prepare("select * from sessions where user_id = ?").bind(user.id).all();
    expect(JSON.stringify(stored.results)).not.toContain("Mozilla");
  });

  it("ends another of the user's sessions: that cookie stops working", async () => {
    const user = await createUser("editor");
    const phone = await device(user.email, PASSWORD, ANDROID_CHROME);
    const me = await device(user.email, PASSWORD, IPHONE_SAFARI);
    const page = parse(await (await me.get("/admin/phien")).text());
    const action = page.querySelector("ul.sessions form")!.getAttribute("action")!;
    const res = await me.post(action);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/admin/phien?da-ket-thuc");
    expect(await works(phone.cookie)).toBe(false);
    expect(await works(me.cookie)).toBe(true);
    expect(await (await me.get("/admin/phien?da-ket-thuc")).text()).toContain("Đã kết thúc phiên.");
    expect((await me.post(action)).status, "already ended").toBe(404);
    expect(await auditRows("session.end", `user:${user.id}`)).toEqual([
      { user_id: user.id, detail: "Chrome · Android" },
    ]);
  });

  it("signs out of every other device and keeps this one", async () => {
    const user = await createUser("reporter");
    const a = await device(user.email);
    const b = await device(user.email);
    const me = await device(user.email);
    const res = await me.post("/admin/phien/ket-thuc-tat-ca");
    expect(res.status).toBe(303);
    expect(await works(a.cookie)).toBe(false);
    expect(await works(b.cookie)).toBe(false);
    expect(await works(me.cookie)).toBe(true);
    expect(await auditRows("session.end.others", `user:${user.id}`)).toHaveLength(1);
  });

  it("cannot end someone else's session (404) or see their sessions (403), unless an admin", async () => {
    const owner = await createUser("editor");
    const theirs = await device(owner.email, PASSWORD, ANDROID_CHROME);
    const ownerView = parse(await (await (await device(owner.email)).get("/admin/phien")).text());
    const action = ownerView.querySelector("ul.sessions form")!.getAttribute("action")!;
    const handle = action.split("/")[3]!;

    const stranger = await device((await createUser("editor")).email);
    expect((await stranger.post(`/admin/phien/${handle}/ket-thuc`)).status).toBe(404);
    expect((await stranger.get(`/admin/nguoi-dung/${owner.id}/phien`)).status).toBe(403);
    expect((await stranger.post(`/admin/nguoi-dung/${owner.id}/phien/${handle}/ket-thuc`)).status).toBe(403);
    expect((await stranger.post(`/admin/nguoi-dung/${owner.id}/phien/ket-thuc-tat-ca`)).status).toBe(403);
    expect((await stranger.post("/admin/phien/zz/ket-thuc")).status).toBe(404);
    expect(await works(theirs.cookie)).toBe(true);

    const admin = await loginAs("admin");
    const list = await admin.get(`/admin/nguoi-dung/${owner.id}/phien`);
    expect(list.status).toBe(200);
    const listed = parse(await list.text());
    expect(text(listed.querySelector("h1"))).toContain("Phiên đăng nhập của");
    expect(listed.querySelectorAll("ul.sessions > li")).toHaveLength(2);
    expect(
      listed.querySelector(`form[action="/admin/nguoi-dung/${owner.id}/phien/${handle}/ket-thuc"]`),
    ).not.toBeNull();
    // An admin's handle of a session under another account is not found either.
    expect((await admin.post(`/admin/nguoi-dung/${admin.id}/phien/${handle}/ket-thuc`, {})).status).toBe(404);
    const ended = await admin.post(`/admin/nguoi-dung/${owner.id}/phien/${handle}/ket-thuc`, {});
    expect(ended.status).toBe(303);
    expect(ended.headers.get("location")).toBe(`/admin/nguoi-dung/${owner.id}/phien?da-ket-thuc`);
    expect(await works(theirs.cookie)).toBe(false);
    expect(await auditRows("session.end", `user:${owner.id}`)).toEqual([
      { user_id: admin.id, detail: "Chrome · Android" },
    ]);

    const all = await admin.post(`/admin/nguoi-dung/${owner.id}/phien/ket-thuc-tat-ca`, {});
    expect(all.status).toBe(303);
    expect(await env.DB.prepare("select count(*) as n from sessions where user_id = ?").bind(owner.id).first("n")).toBe(
      0,
    );
  });
});

describe("device labels", () => {
  it("names the browser family and system only", () => {
    expect(deviceLabel(ANDROID_CHROME)).toBe("Chrome · Android");
    expect(deviceLabel(IPHONE_SAFARI)).toBe("Safari · iOS");
    expect(
      deviceLabel(
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
      ),
    ).toBe("Edge · Windows");
    expect(deviceLabel("Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0")).toBe(
      "Firefox · Linux",
    );
    expect(
      deviceLabel(
        "Mozilla/5.0 (Linux; Android 13; V2204) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36 Zalo android/12",
      ),
    ).toBe("Zalo · Android");
    expect(deviceLabel("curl/8.5.0")).toBe("");
    expect(deviceLabel(undefined)).toBe("");
  });
});
