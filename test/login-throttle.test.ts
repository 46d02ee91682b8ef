// Issue 21, item 4: wrong passwords slow down the client that types them, for
// that account; they never lock the account for its owner elsewhere (the
// admin's included), and a paused client is told how long to wait.
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { loadDemo } from "./setup/demo";
import { createUser, login, PASSWORD } from "./setup/newsroom";

beforeAll(loadDemo);

const from = (ip: string) => ({ "cf-connecting-ip": ip });
const errorOf = async (res: Response) =>
  /<[^>]*class="[^"]*error[^"]*"[^>]*>([^<]*)</.exec(await res.text())?.[1] ?? "";

/** Moves this account's pause rows back in time, as if `ms` had passed. */
async function letTimePass(email: string, ms: number) {
  await env.DB.prepare("update login_failures set window_start = window_start - ? where key like ?")
    .bind(ms, `pair:${email}|%`)
    .run();
}

describe("login throttling per account and client", () => {
  it("an attacker's wrong passwords do not lock the admin out from their own device", async () => {
    const admin = await createUser("admin");
    for (let i = 0; i < 12; i++) await login(admin.email, `doan-sai-${i}-mat-khau`, from("203.0.113.66"));
    // The attacker is paused...
    expect((await login(admin.email, PASSWORD, from("203.0.113.66"))).status).toBe(429);
    // ...the admin, elsewhere, signs in at once.
    const owner = await login(admin.email, PASSWORD, from("198.51.100.23"));
    expect(owner.status).toBe(303);
    expect(owner.headers.get("set-cookie")).toContain("__Host-phien=");
  });

  it("slows a client down progressively and tells it how long to wait", async () => {
    const user = await createUser("editor");
    const ip = from("203.0.113.77");
    for (let i = 1; i <= 4; i++) {
      const res = await login(user.email, `sai-lan-${i}-roi-nhe`, ip);
      expect(res.status).toBe(400);
      expect(await errorOf(res)).toBe("Email hoặc mật khẩu không đúng.");
    }
    // The fifth wrong password starts a one-minute pause, and says so.
    const fifth = await login(user.email, "sai-lan-5-roi-nhe", ip);
    expect(fifth.status).toBe(400);
    expect(await errorOf(fifth)).toContain("Vui lòng thử lại sau 1 phút.");
    // During the pause even the right password waits: 429, the truth, and Retry-After.
    const paused = await login(user.email, PASSWORD, ip);
    expect(paused.status).toBe(429);
    expect(Number(paused.headers.get("retry-after"))).toBeGreaterThan(50);
    const message = await errorOf(paused);
    expect(message).not.toContain("Email hoặc mật khẩu không đúng");
    expect(message).toMatch(/^Thiết bị này đã nhập sai mật khẩu nhiều lần .*thử lại sau (1 phút|\d+ giây)\.$/);
    expect(paused.headers.get("set-cookie") ?? "").not.toContain("__Host-phien");
    // After the minute, one more wrong password: two minutes this time, then four.
    await letTimePass(user.email, 61_000);
    expect(await errorOf(await login(user.email, "sai-lan-6-roi-nhe", ip))).toContain("thử lại sau 2 phút.");
    await letTimePass(user.email, 121_000);
    expect(await errorOf(await login(user.email, "sai-lan-7-roi-nhe", ip))).toContain("thử lại sau 4 phút.");
    expect(await errorOf(await login(user.email, PASSWORD, ip))).toContain("thử lại sau 4 phút.");
    // Once it is over, the right password signs in and the run is forgotten.
    await letTimePass(user.email, 241_000);
    expect((await login(user.email, PASSWORD, ip)).status).toBe(303);
    for (let i = 1; i <= 4; i++) expect((await login(user.email, `lai-sai-${i}-mat-khau`, ip)).status).toBe(400);
    expect((await login(user.email, PASSWORD, ip)).status).toBe(303);
  });

  it("lets no more than the free tries through when a client sends its guesses all at once", async () => {
    const user = await createUser("editor");
    const ip = from("203.0.113.88");
    const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => login(user.email, `song-song-${i}-sai`, ip)));
    const checked = burst.filter((res) => res.status === 400).length;
    expect(checked, "passwords checked").toBeLessThanOrEqual(5);
    expect(burst.filter((res) => res.status === 429).length).toBe(12 - checked);
  });

  it("pauses a client guessing across many accounts, and says for how long", async () => {
    const ip = from("192.0.2.150");
    for (let i = 0; i < 20; i++) await login(`doan-mo-khac-${i}@toasoan.vn`, "sai-mat-khau-nua", ip);
    const user = await createUser("editor");
    const res = await login(user.email, PASSWORD, ip);
    expect(res.status).toBe(429);
    expect(await errorOf(res)).toMatch(/thử lại sau (15|14) phút\.$/);
    expect((await login(user.email, PASSWORD, from("192.0.2.151"))).status).toBe(303);
  });
});
