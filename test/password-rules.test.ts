// Issue 21, item 5: wherever a password is chosen, the most common ones
// (a bundled list of 10,000+, Vietnamese favourites included), walks and
// repeats, and passwords containing the account's e-mail or name are refused
// with the reason in Vietnamese, and nothing is changed.
import { env } from "cloudflare:test";
import { parse } from "node-html-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { COMMON_PASSWORD_COUNT } from "../src/platform/common-passwords";
import { commonPasswordList } from "../src/platform/passwords";
import { loadDemo } from "./setup/demo";
import { login, loginAs, PASSWORD } from "./setup/newsroom";

beforeAll(loadDemo);

const errorOf = async (res: Response) => parse(await res.text()).querySelector(".error")?.textContent ?? "";

const COMMON = "danh sách mật khẩu phổ biến";
const WEAK: [string, string][] = [
  ["1234567890", "dãy phím hoặc dãy số liền nhau"],
  ["0987654321", "dãy phím hoặc dãy số liền nhau"],
  ["qwertyuiop", "dãy phím hoặc dãy số liền nhau"],
  ["aaaaaaaaaa", "chỉ lặp lại vài ký tự"],
  ["1212121212", "chỉ lặp lại vài ký tự"],
  ["password123", COMMON],
  ["iloveyou2024", COMMON],
  ["matkhau@123", COMMON],
  ["Mật khẩu 2024", COMMON],
  ["anhyeuem123", COMMON],
  ["123anhyeuem", COMMON],
  ["123456a@12", COMMON],
  ["Vietnam@1975", COMMON],
  ["emyeuanhnhieu", COMMON],
  ["matkhaumatkhau", COMMON],
];

describe("choosing a password", () => {
  it("refuses common passwords, walks and repeats with the reason, and keeps the old password", async () => {
    const me = await loginAs("editor");
    for (const [weak, reason] of WEAK) {
      const res = await me.post("/admin/mat-khau", { current: PASSWORD, next: weak, confirm: weak });
      expect(res.status, weak).toBe(400);
      expect(await errorOf(res), weak).toContain(reason);
    }
    // Nothing was changed: the old password still signs in.
    expect((await login(me.email)).status).toBe(303);
  });

  it("refuses a password holding the account's e-mail or name", async () => {
    const me = await loginAs("reporter");
    await env.DB.prepare("update users set email = ?, name = ? where id = ?")
      .bind(`thu.le${me.id}@baodongbang.vn`, "Lê Minh Thư", me.id)
      .run();
    for (const [mine, part] of [
      [`thu.le${me.id}@baodongbang.vn`, `thu.le${me.id}@baodongbang.vn`],
      [`Thu.Le${me.id}-va-ban!`, `thu.le${me.id}`],
      ["leminhthu-2024", "leminhthu"],
      ["Lê Minh Thư rất vui", "leminhthu"],
    ]) {
      const res = await me.post("/admin/mat-khau", { current: PASSWORD, next: mine!, confirm: mine! });
      expect(res.status, mine).toBe(400);
      expect(await errorOf(res), mine).toContain(`không được chứa email hoặc tên của bạn (“${part}”)`);
    }
    // A sentence of their own is fine.
    const ok = "ca phe sua da buoi sang";
    expect((await me.post("/admin/mat-khau", { current: PASSWORD, next: ok, confirm: ok })).status).toBe(200);
  });

  it("refuses a common password for a new account, and creates nothing", async () => {
    const admin = await loginAs("admin");
    const email = `moi-${Date.now()}@toasoan.vn`;
    const res = await admin.post("/admin/nguoi-dung", {
      email,
      name: "Trần Văn Bình",
      role: "reporter",
      password: "anhyeuem2024",
    });
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toContain(COMMON);
    expect(await env.DB.prepare("select count(*) as n from users where email = ?").bind(email).first("n")).toBe(0);
  });

  it("bundles at least 10,000 common passwords, Vietnamese favourites among them", () => {
    const list = commonPasswordList();
    expect(list.length).toBe(COMMON_PASSWORD_COUNT);
    expect(list.length).toBeGreaterThanOrEqual(10_000);
    for (const word of ["matkhau", "anhyeuem", "123456a@", "emyeuanh", "123456", "password", "iloveyou"])
      expect(list, word).toContain(word);
  });
});
