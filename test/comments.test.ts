import { env } from "cloudflare:test";
import { parse } from "node-html-parser";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { DEMO_ARTICLES } from "../scripts/demo/articles/index";
import { issueFormToken, networkOf } from "../src/community/form-token";
import { formSecret } from "../src/community/signing";
import { loadDemo } from "./setup/demo";
import { articleId, articleUrl } from "./setup/demo-urls";
import { get, text } from "./setup/http";
import { loginAs, postForm } from "./setup/newsroom";

beforeAll(loadDemo);

let ipCounter = 0;
const freshIp = () => `198.18.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;
/** A form handed to the reader at `ip` a few seconds ago, as a reader typing would have. */
const oldToken = (ip: string) => issueFormToken(formSecret(env), networkOf(ip), Date.now() - 8_000);

async function comment(article: number, fields: Record<string, string>, ip = freshIp()): Promise<Response> {
  return postForm(
    "/binh-luan",
    { article: String(article), t: await oldToken(ip), website: "", email: "", ...fields },
    { headers: { "cf-connecting-ip": ip } },
  );
}

const target = DEMO_ARTICLES[4]!;
const lastCommentStatus = async (name: string) =>
  env.DB.prepare("select status from comments where name = ? order by id desc limit 1")
    .bind(name)
    .first<string>("status");

describe("reader comments", () => {
  it("are stored as pending, invisible to readers, and visible on the cached page as soon as they are approved", async () => {
    const id = await articleId(target.headline);
    const url = await articleUrl(target.headline);
    await get(url);
    const res = await comment(id, { name: "Nguyễn Văn Hai", body: "Bài viết rất hay,\ncảm ơn tòa soạn!" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${url}#binh-luan-da-gui`);
    expect(await lastCommentStatus("Nguyễn Văn Hai")).toBe("pending");

    const before = await get(url);
    const html = await before.text();
    expect(html).not.toContain("Nguyễn Văn Hai");
    expect(text(parse(html).querySelector("#binh-luan-title"))).toBe("Bình luận (0)");
    expect(text(parse(html).querySelector("#binh-luan-da-gui"))).toContain("Bình luận của bạn đang chờ duyệt");

    const editor = await loginAs("editor");
    const queue = await editor.page("/admin/binh-luan");
    const box = queue
      .querySelectorAll("input[name=ids]")
      .find((el) => el.parentNode?.parentNode?.textContent.includes("Nguyễn Văn Hai"))!;
    expect(
      (await editor.post("/admin/binh-luan", { ids: box.getAttribute("value")!, "hanh-dong": "approved" })).status,
    ).toBe(303);

    const after = await get(url);
    expect(after.headers.get("x-cache")).toBe("HIT");
    const doc = parse(await after.text());
    expect(text(doc.querySelector("#binh-luan-title"))).toBe("Bình luận (1)");
    expect(text(doc.querySelector(".comment strong"))).toBe("Nguyễn Văn Hai");
    expect(doc.querySelector(".comment p:nth-child(2)")?.innerHTML).toMatch(
      /^Bài viết rất hay,<br\/?>cảm ơn tòa soạn!$/,
    );
    expect(doc.querySelector(".comment time")?.getAttribute("datetime")).toMatch(/\+07:00$/);
  });

  it("render every XSS payload inert, in the page and in the refusal form", async () => {
    const id = await articleId(target.headline);
    const payload = `<script>alert("x")</script><img src=x onerror=alert(1)>"'><svg/onload=alert(2)>`;
    expect(
      (
        await comment(id, {
          name: `Kẻ xấu ${payload}`.slice(0, 80),
          email: "ke-xau@example.com",
          body: `Nội dung ${payload} javascript:alert(3)`,
        })
      ).status,
    ).toBe(303);
    const editor = await loginAs("editor");
    const pending = await env.DB.prepare(
      "select id from comments where name like 'Kẻ xấu%' order by id desc limit 1",
    ).first<number>("id");
    const queue = await (await editor.get("/admin/binh-luan")).text();
    expect(queue).not.toContain("<script>alert");
    await editor.post("/admin/binh-luan", { ids: String(pending), "hanh-dong": "approved" });
    const html = await (await get(await articleUrl(target.headline))).text();
    for (const raw of ["<script>alert", "<img src=x", "<svg/onload"]) expect(html).not.toContain(raw);
    expect(html).toContain("&lt;script>alert(&quot;x&quot;)&lt;/script>");
    expect(html).not.toContain("ke-xau@example.com");

    const refused = await comment(id, { name: "A", body: payload });
    expect(refused.status).toBe(400);
    const refusedHtml = await refused.text();
    expect(refusedHtml).not.toContain("<script>alert");
    expect(parse(refusedHtml).querySelector("#cm-body")?.textContent).toBe(payload);
  });

  it.each([
    ["the honeypot is filled", { website: "http://spam.example" }, 400, "Không gửi được bình luận"],
    ["the name is too short", { name: "A" }, 400, "Tên cần từ 2 đến 80 ký tự"],
    ["the text is too short", { body: "x" }, 400, "Bình luận quá ngắn"],
    ["the text is too long", { body: "ạ".repeat(2001) }, 400, "tối đa 2.000 ký tự"],
    ["the email is malformed", { email: "khong-phai-email" }, 400, "Email không hợp lệ"],
  ])("refuses when %s, with a Vietnamese message and the text kept", async (_label, over, status, message) => {
    const id = await articleId(target.headline);
    const res = await comment(id, { name: "Trần Thị Ba", body: "Ý kiến đóng góp của tôi.", ...over });
    expect(res.status).toBe(status);
    const doc = parse(await res.text());
    expect(doc.textContent).toContain(message);
    expect(doc.querySelector("#cm-body")?.textContent).toBe(
      (over as Record<string, string>).body ?? "Ý kiến đóng góp của tôi.",
    );
    expect(res.headers.get("cache-control")).toBe("private, no-store");
  });

  it("refuses forms posted too fast, forged or missing their token", async () => {
    const id = await articleId(target.headline);
    const fast = await postForm("/binh-luan", {
      article: String(id),
      name: "Bot nhanh",
      body: "Gửi ngay",
      t: await issueFormToken(formSecret(env), networkOf(null)),
    });
    expect(fast.status).toBe(400);
    expect(await fast.text()).toContain("Bạn gửi nhanh quá");
    for (const t of ["123.abc", `${Date.now() - 9000}.${"0".repeat(32)}`]) {
      const res = await postForm("/binh-luan", { article: String(id), name: "Bot giả", body: "Giả mạo", t });
      expect(res.status).toBe(400);
      expect(await res.text()).toContain("Biểu mẫu đã hết hạn");
    }
    const missing = await postForm("/binh-luan", { article: String(id), name: "Bot giả", body: "Giả mạo", t: "" });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain("thêm một lần nữa để xác nhận");
  });

  it("holds comments with more than two links as spam, refuses duplicates and floods from one client", async () => {
    const id = await articleId(target.headline);
    expect((await comment(id, { name: "Quảng Cáo", body: "Mua ngay http://a.vn http://b.vn www.c.vn" })).status).toBe(
      303,
    );
    expect(await lastCommentStatus("Quảng Cáo")).toBe("spam");

    expect((await comment(id, { name: "Lê Bốn", body: "Đường ngập nước quá." })).status).toBe(303);
    const dup = await comment(id, { name: "Lê Bốn", body: "Đường  ngập nước QUÁ." });
    expect(dup.status).toBe(409);
    expect(await dup.text()).toContain("đã được gửi trước đó");

    const ip = freshIp();
    for (let i = 0; i < 5; i++)
      expect((await comment(id, { name: "Người Gửi", body: `Ý kiến số ${i}` }, ip)).status).toBe(303);
    const flood = await comment(id, { name: "Người Gửi", body: "Ý kiến số 6" }, ip);
    expect(flood.status).toBe(429);
    expect(await flood.text()).toContain("Vui lòng thử lại sau ít phút");
    // The raw IP is never stored.
    expect(
      await env.DB.prepare("select count(*) as n from comments where ip_hash like ?").bind(`%${ip}%`).first("n"),
    ).toBe(0);
  });

  it("threads replies one level deep", async () => {
    const id = await articleId(DEMO_ARTICLES[5]!.headline);
    const url = await articleUrl(DEMO_ARTICLES[5]!.headline);
    await comment(id, { name: "Người Hỏi", body: "Khi nào cầu thông xe?" });
    const editor = await loginAs("editor");
    const parentId = await env.DB.prepare("select id from comments where name = 'Người Hỏi'").first<number>("id");
    await editor.post("/admin/binh-luan", { ids: String(parentId), "hanh-dong": "approved" });
    const replyPage = parse(await (await get(`/binh-luan/tra-loi/${parentId}`)).text());
    expect(replyPage.querySelector('input[name="parent"]')?.getAttribute("value")).toBe(String(parentId));
    expect(
      (await comment(id, { name: "Người Trả Lời", body: "Dự kiến cuối năm.", parent: String(parentId) })).status,
    ).toBe(303);
    const replyId = await env.DB.prepare("select id from comments where name = 'Người Trả Lời'").first<number>("id");
    await editor.post("/admin/binh-luan", { ids: String(replyId), "hanh-dong": "approved" });
    const doc = parse(await (await get(url)).text());
    expect(text(doc.querySelector(`#bl-${parentId} .replies .comment strong`))).toBe("Người Trả Lời");
    // A reply to a reply is refused.
    const deep = await comment(id, { name: "Người Thứ Ba", body: "Trả lời sâu hơn", parent: String(replyId) });
    expect(deep.status).toBe(400);
  });

  it("lets only editors and admins moderate", async () => {
    for (const [role, allowed] of [
      ["admin", true],
      ["editor", true],
      ["reporter", false],
    ] as const) {
      const user = await loginAs(role);
      expect((await user.get("/admin/binh-luan")).status, role).toBe(allowed ? 200 : 403);
      const some = await env.DB.prepare("select id from comments where status = 'pending' limit 1").first<number>("id");
      const res = await user.post("/admin/binh-luan", { ids: String(some), "hanh-dong": "rejected" });
      expect(res.status, role).toBe(allowed ? 303 : 403);
    }
  });
});

describe("Cloudflare Turnstile", () => {
  const siteverify = (success: boolean) =>
    vi.spyOn(globalThis, "fetch").mockImplementation(async (input) => {
      // Only the outside world is faked: Cloudflare's siteverify endpoint, in its real response format.
      expect(String(input instanceof Request ? input.url : input)).toBe(
        "https://challenges.cloudflare.com/turnstile/v0/siteverify",
      );
      return Response.json(
        success
          ? {
              success: true,
              challenge_ts: new Date().toISOString(),
              hostname: "localhost",
              "error-codes": [],
              action: "",
              cdata: "",
            }
          : { success: false, "error-codes": ["invalid-input-response"] },
      );
    });
  const withTurnstile = { TURNSTILE_SECRET: "0x4AAA-test-secret", TURNSTILE_SITE_KEY: "0x4AAA-test-site" };

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("is skipped when no secret is configured, and required when one is", async () => {
    const id = await articleId(target.headline);
    const ip = freshIp();
    const fields = async (body: string) => ({
      article: String(id),
      name: "Người Kiểm Tra",
      body,
      t: await oldToken(ip),
      "cf-turnstile-response": "token-tu-trinh-duyet",
    });
    const spy = siteverify(false);
    const refused = await get(
      "/binh-luan",
      {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "cf-connecting-ip": ip },
        body: new URLSearchParams(await fields("Bình luận bị chặn")).toString(),
      },
      withTurnstile,
    );
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("Chưa xác minh được bạn không phải máy");
    expect(spy).toHaveBeenCalledTimes(1);

    siteverify(true);
    const passed = await get(
      "/binh-luan",
      {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "cf-connecting-ip": ip },
        body: new URLSearchParams(await fields("Bình luận đã qua Turnstile")).toString(),
      },
      withTurnstile,
    );
    expect(passed.status).toBe(303);

    // With Turnstile configured, article pages carry the widget.
    const page = await (await get(await articleUrl(DEMO_ARTICLES[8]!.headline), {}, withTurnstile)).text();
    expect(page).toContain('data-sitekey="0x4AAA-test-site"');
  });
});
