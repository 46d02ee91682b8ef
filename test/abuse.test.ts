// Hostile input on every door: each case must be refused with a Vietnamese
// 4xx (or, where the input is free text a reader may type, answered with it
// made inert), store nothing, and leak nothing about the machinery.
import { env } from "cloudflare:test";
import { parse } from "node-html-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_ARTICLES } from "../scripts/demo/articles/index";
import { createApp } from "../src/app";
import { issueFormToken, networkOf } from "../src/community/form-token";
import { formSecret } from "../src/community/signing";
import { SCRIPT_LOADER } from "../src/site/script-loader";
import { loadDemo } from "./setup/demo";
import { articleId } from "./setup/demo-urls";
import { get } from "./setup/http";
import {
  articleFields,
  createUser,
  type Editor,
  firstIds,
  loginAs,
  ORIGIN,
  PASSWORD,
  postForm,
} from "./setup/newsroom";

beforeAll(loadDemo);

const XSS = `<script>alert(1)</script>"><img src=x onerror=alert(2)><svg/onload=alert(3)>`;
const SQLI = `1' OR '1'='1'; DROP TABLE articles; --`;
const FTS = `"chưa đóng NEAR(a b) OR * ^x headline:y {a b} - AND ) (`;
const EVIL = "https://evil.example/";

/** A stack trace, SQL, a D1 error or an English framework message. */
const LEAK =
  /D1_ERROR|SQLITE|\w+Error:|\n\s+at \S|no such (table|column)|syntax error|Internal Server Error|Bad Request|Payload Too Large|Not Found/;
/** The payloads, still live (escaped text such as "&lt;img src=x onerror=…" is fine). */
const LIVE = /<script>alert|<img src=x|<svg\/onload/;

/** Markup a payload could have made live: an event handler, an inline script, a link out to the attacker. */
function liveMarkup(html: string): string | null {
  for (const el of parse(html).querySelectorAll("*")) {
    for (const [name, value] of Object.entries(el.attributes)) {
      if (/^on/i.test(name)) return `${el.tagName} ${name}`;
      if (/^(href|src|action|formaction)$/i.test(name) && /^\s*(javascript:|https?:\/\/evil|\/\/evil)/i.test(value))
        return `${el.tagName} ${name}=${value}`;
    }
    // JSON data blocks (structured data, the editor's starting blocks) are never run; their "<" is escaped.
    const data = ["application/ld+json", "application/json"].includes(el.getAttribute("type") ?? "");
    // The pages' own script loader is inline, by design (src/site/script-loader.ts).
    const loader = el.tagName === "SCRIPT" && el.innerHTML === SCRIPT_LOADER;
    if (el.tagName === "SCRIPT" && !el.getAttribute("src") && !data && !loader) return "inline script";
    if (el.tagName === "SCRIPT" && data && el.innerHTML.includes("<")) return "unescaped data block";
  }
  return null;
}

/** Rows whose count must not move while hostile requests come in. */
const TABLES = [
  "articles",
  "article_tags",
  "tags",
  "article_revisions",
  "comments",
  "poll_voters",
  "polls",
  "poll_options",
  "images",
  "users",
  "weather_overrides",
  "sections",
  "authors",
];
async function stored(): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const t of TABLES) out[t] = await env.DB.prepare(`select count(*) as n from ${t}`).first("n");
  out.votes = await env.DB.prepare("select coalesce(sum(votes), 0) as n from poll_options").first("n");
  out.headlines = await env.DB.prepare(
    "select group_concat(headline, '|') as h from (select headline from articles order by id)",
  ).first("h");
  out.commentStatus = await env.DB.prepare(
    "select group_concat(status, '|') as s from (select status from comments order by id)",
  ).first("s");
  return out;
}

/** What every answer to hostile input must be, whatever its status. */
async function expectSafe(res: Response, label: string): Promise<string> {
  const body = res.status === 304 ? "" : await res.text();
  expect(res.status, label).toBeLessThan(500);
  expect(body, label).not.toMatch(LEAK);
  expect(body, label).not.toMatch(LIVE);
  const location = res.headers.get("location");
  if (location) {
    expect(location, label).not.toMatch(/[\r\n]/);
    expect(new URL(location, ORIGIN).origin, label).toBe(ORIGIN);
  }
  expect(res.headers.get("set-cookie") ?? "", label).not.toMatch(/injected/);
  if ((res.headers.get("content-type") ?? "").startsWith("text/html")) {
    expect(body, label).toMatch(/<html lang="vi"/);
    expect(liveMarkup(body), label).toBeNull();
  }
  return body;
}

const enc = encodeURIComponent;
const bytes = (s: string) => Uint8Array.from(s, (ch) => ch.charCodeAt(0));
/** A form handed to the reader at `ip` a few seconds ago. */
const oldToken = (ip: string) => issueFormToken(formSecret(env), networkOf(ip), Date.now() - 8_000);
let ip = 0;
const freshIp = () => ({ "cf-connecting-ip": `203.0.113.${++ip % 250}` });

function raw(path: string, method: string, type: string, body: BodyInit, headers: Record<string, string> = {}) {
  return get(path, { method, headers: { origin: ORIGIN, "content-type": type, ...headers }, body });
}
function multipart(path: string, body: string, boundary: string | null, headers: Record<string, string> = {}) {
  return raw(
    path,
    "POST",
    boundary ? `multipart/form-data; boundary=${boundary}` : "multipart/form-data",
    bytes(body),
    headers,
  );
}
/** A body of `size` bytes sent without a Content-Length, as a chunked upload would be. */
function streamed(size: number): ReadableStream<Uint8Array> {
  const chunk = new Uint8Array(64 * 1024).fill(0x61);
  let sent = 0;
  return new ReadableStream({
    pull(ctrl) {
      if (sent >= size) return ctrl.close();
      ctrl.enqueue(chunk.subarray(0, Math.min(chunk.length, size - sent)));
      sent += chunk.length;
    },
  });
}

interface Case {
  label: string;
  send: () => Promise<Response>;
  status: number;
  says: string | RegExp;
}

async function runCases(cases: Case[]) {
  expect(cases.length).toBeGreaterThan(0);
  const before = await stored();
  for (const c of cases) {
    const res = await c.send();
    const body = await expectSafe(res, c.label);
    expect(res.status, c.label).toBe(c.status);
    if (typeof c.says === "string") expect(body, c.label).toContain(c.says);
    else expect(body, c.label).toMatch(c.says);
  }
  expect(await stored()).toEqual(before);
}

const BAD_ADDRESS = "Địa chỉ bạn mở có ký tự không hợp lệ";
const BAD_TEXT = "Nội dung gửi lên có ký tự lỗi";
const BROKEN_FORM = "Biểu mẫu gửi lên bị hỏng";
const NOT_FOUND_PAGE = "Không tìm thấy trang";
const TOO_LARGE = "Nội dung gửi lên quá lớn (tối đa 1 MB)";
const INVALID_UTF8 = ["%FF", "%C3%28", "%E0%80%AF", "%ED%A0%80", "%F8%88%80%80%80", "a%00b"];
const BROKEN_MULTIPART: [string, string, string | null][] = [
  ["no boundary", '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--\r\n', null],
  ["another boundary", '--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--xyz--\r\n', "abc"],
  ["cut short", '--abc\r\nContent-Disposition: form-data; name="a"\r\n\r\nchưa hết', "abc"],
  ["garbage", "\u0000\u0001garbage", "abc"],
];

describe("readers' inputs", () => {
  it("refuses hostile addresses, parameters and forms with a Vietnamese 4xx and stores nothing", async () => {
    const article = await articleId(DEMO_ARTICLES[5]!.headline);
    const poll = (await env.DB.prepare("select id from polls where archived = 0 order by id limit 1").first<number>(
      "id",
    ))!;
    const key = (await env.DB.prepare("select r2_key from images order by id limit 1").first<string>("r2_key"))!;
    const comment = async (fields: Record<string, string>, headers: Record<string, string> = {}) => {
      const from: Record<string, string> = { ...freshIp(), ...headers };
      return postForm(
        "/binh-luan",
        {
          article: String(article),
          t: await oldToken(from["cf-connecting-ip"]!),
          website: "",
          email: "",
          name: "Bạn đọc",
          body: "Bình luận bình thường.",
          ...fields,
        },
        { headers: from },
      );
    };
    const cases: Case[] = [
      ...INVALID_UTF8.map(
        (bad): Case => ({
          label: `search ${bad}`,
          send: () => get(`/tim-kiem?q=${bad}`),
          status: 400,
          says: BAD_ADDRESS,
        }),
      ),
      ...INVALID_UTF8.map(
        (bad): Case => ({
          label: `path ${bad}`,
          send: () => get(`/kinh-te/bai-${bad}-1.html`),
          status: 400,
          says: BAD_ADDRESS,
        }),
      ),
      {
        label: "page number as SQL",
        send: () => get(`/tim-kiem?q=lua&page=${enc(SQLI)}`),
        status: 400,
        says: "Số trang không hợp lệ",
      },
      { label: "negative page", send: () => get("/kinh-te?page=-1"), status: 400, says: "Số trang không hợp lệ" },
      {
        label: "huge page",
        send: () => get(`/chu-de/bac-lieu?page=${"9".repeat(40)}`),
        status: 400,
        says: "Số trang không hợp lệ",
      },
      { label: "article file as XSS", send: () => get(`/kinh-te/${enc(XSS)}.html`), status: 404, says: NOT_FOUND_PAGE },
      {
        label: "article id as SQL",
        send: () => get(`/kinh-te/bai-${enc("1 OR 1=1")}.html`),
        status: 404,
        says: NOT_FOUND_PAGE,
      },
      { label: "author as SQL", send: () => get(`/tac-gia/${enc(SQLI)}`), status: 404, says: NOT_FOUND_PAGE },
      { label: "tag as XSS", send: () => get(`/lite/chu-de/${enc(XSS)}`), status: 404, says: NOT_FOUND_PAGE },
      { label: "reply to SQL", send: () => get(`/binh-luan/tra-loi/${enc(SQLI)}`), status: 404, says: NOT_FOUND_PAGE },
      { label: "poll as XSS", send: () => get(`/binh-chon/${enc(XSS)}`), status: 404, says: NOT_FOUND_PAGE },
      {
        label: "photo width as SQL",
        send: () => get(`/media/${key}?w=${enc(SQLI)}`),
        status: 400,
        says: "Kích thước ảnh không được hỗ trợ",
      },
      // Comments.
      {
        label: "comment on an article id as SQL",
        send: () => comment({ article: SQLI }),
        status: 404,
        says: NOT_FOUND_PAGE,
      },
      {
        label: "comment with a forged timestamp",
        send: () => comment({ t: SQLI, name: XSS, body: XSS }),
        status: 400,
        says: "Biểu mẫu đã hết hạn",
      },
      {
        label: "comment with the honeypot filled",
        send: () => comment({ website: EVIL }),
        status: 400,
        says: "Không gửi được bình luận",
      },
      {
        label: "reply to a parent id as SQL",
        send: () => comment({ parent: SQLI }),
        status: 400,
        says: "Bình luận bạn muốn trả lời không còn tồn tại",
      },
      {
        label: "reply to a missing comment",
        send: () => comment({ parent: "999999" }),
        status: 400,
        says: "Bình luận bạn muốn trả lời không còn tồn tại",
      },
      {
        label: "comment name as XSS, too long",
        send: () => comment({ name: XSS.repeat(3) }),
        status: 400,
        says: "Tên cần từ 2 đến 80 ký tự",
      },
      {
        label: "comment with invalid UTF-8",
        send: () =>
          raw(
            "/binh-luan",
            "POST",
            "application/x-www-form-urlencoded",
            `article=${article}&name=%FF%FE&body=%C3%28%C3%28`,
          ),
        status: 400,
        says: BAD_TEXT,
      },
      {
        label: "comment with a NUL",
        send: () =>
          raw("/binh-luan", "POST", "application/x-www-form-urlencoded", `article=${article}&name=ab&body=x%00y`),
        status: 400,
        says: BAD_TEXT,
      },
      {
        label: "comment, multipart with raw invalid UTF-8",
        send: () =>
          multipart(
            "/binh-luan",
            `--abc\r\nContent-Disposition: form-data; name="body"\r\n\r\n\xff\xfe\xfd\r\n--abc--\r\n`,
            "abc",
          ),
        status: 400,
        says: BAD_TEXT,
      },
      ...BROKEN_MULTIPART.map(
        ([what, body, boundary]): Case => ({
          label: `comment, multipart ${what}`,
          send: () => multipart("/binh-luan", body, boundary),
          status: 400,
          says: BROKEN_FORM,
        }),
      ),
      {
        label: "comment over 1 MB",
        send: () => comment({ body: "a".repeat(1024 * 1024) }),
        status: 413,
        says: TOO_LARGE,
      },
      {
        label: "comment over 1 MB, streamed",
        send: () =>
          get("/binh-luan", {
            method: "POST",
            headers: { origin: ORIGIN, "content-type": "application/x-www-form-urlencoded" },
            body: streamed(1024 * 1024 + 1),
            duplex: "half",
          } as RequestInit),
        status: 413,
        says: TOO_LARGE,
      },
      {
        label: "comment with redirect parameters",
        send: () => comment({ t: "", next: EVIL, return: "//evil.example", redirect: EVIL, backTo: EVIL }),
        status: 400,
        says: "thêm một lần nữa để xác nhận",
      },
      // Polls.
      {
        label: "vote for an option as SQL",
        send: () => postForm(`/binh-chon/${poll}`, { option: SQLI }, { headers: freshIp() }),
        status: 400,
        says: "Hãy chọn một phương án",
      },
      {
        label: "vote for another poll's option",
        send: () => postForm(`/binh-chon/${poll}`, { option: "999999", next: EVIL }, { headers: freshIp() }),
        status: 400,
        says: "Hãy chọn một phương án",
      },
      {
        label: "vote on a poll id as XSS",
        send: () => postForm(`/binh-chon/${enc(XSS)}`, { option: "1" }),
        status: 404,
        says: NOT_FOUND_PAGE,
      },
      {
        label: "vote over 1 MB",
        send: () => postForm(`/binh-chon/${poll}`, { option: "1", x: "a".repeat(1024 * 1024) }),
        status: 413,
        says: TOO_LARGE,
      },
      ...BROKEN_MULTIPART.map(
        ([what, body, boundary]): Case => ({
          label: `vote, multipart ${what}`,
          send: () => multipart(`/binh-chon/${poll}`, body, boundary),
          status: 400,
          says: BROKEN_FORM,
        }),
      ),
    ];
    await runCases(cases);
  });

  it("answers free text it cannot refuse (search words) with the text made inert, never an error", async () => {
    for (const q of [XSS, SQLI, FTS, "*", '"', "NOT", "a".repeat(1000), "🙂🙂 ĐÀ NẴNG \u202e", "%", "100%"]) {
      const res = await get(`/tim-kiem?q=${enc(q)}`);
      const body = await expectSafe(res, q);
      expect(res.status, q).toBe(200);
      expect(body, q).toContain("Từ khóa");
    }
    const echoed = await (await get(`/tim-kiem?q=${enc(XSS)}`)).text();
    expect(parse(echoed).querySelector("#q")?.getAttribute("value")).toBe(XSS);
    expect(echoed).toContain("&lt;script>alert(1)&lt;/script>");
  });

  it("keeps links shared with tracking parameters working, whatever their encoding", async () => {
    const res = await get("/kinh-te?utm_campaign=%E9t%E9&fbclid=%FF");
    expect(res.status).toBe(200);
  });
});

describe("/media addresses", () => {
  it("never reach outside the photo keys: traversal, encoded and double-encoded, answer a Vietnamese 4xx", async () => {
    const asked: string[] = [];
    const media = new Proxy(env.MEDIA, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target);
        if (prop === "get" || prop === "head")
          return (k: string, ...rest: unknown[]) => {
            asked.push(k);
            return (value as (...a: unknown[]) => unknown).call(target, k, ...rest);
          };
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const paths = [
      "/media/../wrangler.toml",
      "/media/../../.dev.vars",
      "/media/%2e%2e/%2e%2e/wrangler.toml",
      "/media/demo/%2e%2e%2f%2e%2e%2fwrangler.toml",
      "/media/%252e%252e%252fwrangler.toml",
      "/media/demo/%252e%252e/x.jpg",
      "/media/..%5c..%5cwrangler.toml",
      "/media/demo\\..\\x.jpg",
      "/media/demo/..;/x.jpg",
      "/media/%2f%2fevil.example/x.jpg",
      "/media/demo/x.jpg%00.png",
      "/media/demo/%FF.jpg",
      "/media/.dev.vars",
      "/media/uploads/2026/01/../../../secret.jpg",
      `/media/${"a/".repeat(120)}x.jpg`,
      "/media/demo/X.JPG?w=360%0d%0aSet-Cookie:%20injected=1",
    ];
    for (const path of paths) {
      const res = await get(path, {}, { MEDIA: media });
      const body = await expectSafe(res, path);
      expect([400, 404], path).toContain(res.status);
      expect(body, path).toMatch(/Không tìm thấy|không hợp lệ|không được hỗ trợ/);
    }
    for (const k of asked) expect(k).toMatch(/^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/);
    expect(asked.every((k) => !k.includes(".."))).toBe(true);
  });
});

describe("the newsroom without a session", () => {
  /** Every route the app defines under /admin, read from Hono itself. */
  function adminRoutes(): { method: string; path: string }[] {
    const seen = new Set<string>();
    const out: { method: string; path: string }[] = [];
    for (const r of createApp().routes) {
      if (r.method === "ALL" || !(r.path === "/admin" || r.path.startsWith("/admin/"))) continue;
      const id = `${r.method} ${r.path}`;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push({ method: r.method, path: r.path });
    }
    return out;
  }
  const concrete = (path: string) =>
    path
      .replace(/:([a-z]+)(\{[^}]*\})?/gi, (_m, name: string) => (name === "place" ? "bac-lieu" : "1"))
      .replace(/\*/g, "x");
  /** The door itself: showing the login form and checking a password need no session. */
  const PUBLIC = new Set(["GET /admin/dang-nhap", "POST /admin/dang-nhap"]);

  it("sends every other /admin route to the login page and changes nothing", async () => {
    const routes = adminRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(35);
    const before = await stored();
    const checked: string[] = [];
    for (const { method, path } of routes) {
      if (PUBLIC.has(`${method} ${path}`)) continue;
      const url = concrete(path);
      // No cookie, then a cookie for a session that does not exist.
      for (const cookie of [undefined, `__Host-phien=${"ab".repeat(32)}`]) {
        const res = await get(url, {
          method,
          headers: {
            origin: ORIGIN,
            ...(cookie ? { cookie } : {}),
            ...(method === "POST" ? { "content-type": "application/x-www-form-urlencoded" } : {}),
          },
          ...(method === "POST" ? { body: "hanh-dong=dang&alt=x&text=y&role=admin" } : {}),
        });
        await expectSafe(res, `${method} ${url}`);
        expect([302, 303, 401], `${method} ${url}`).toContain(res.status);
        if (res.status !== 401)
          expect(res.headers.get("location"), `${method} ${url}`).toMatch(/^\/admin\/dang-nhap(\?|$)/);
        expect(res.headers.get("cache-control"), `${method} ${url}`).toBe("private, no-store");
      }
      checked.push(`${method} ${path}`);
    }
    expect(checked).toContain("POST /admin/anh");
    expect(checked).toContain("POST /admin/nguoi-dung/:id{[0-9]+}");
    // Closed by default: an address no route defines does not tell a stranger which rooms exist.
    for (const path of ["/admin/phong-moi", "/admin/cai-dat/khong-co", "/admin/dang-nhap/x"]) {
      const res = await get(path);
      expect(res.status, path).toBe(303);
      expect(res.headers.get("location"), path).toMatch(/^\/admin\/dang-nhap\?tiep=/);
    }
    expect(await stored()).toEqual(before);
  });

  it("refuses the same requests from another site outright (CSRF), before anything else", async () => {
    for (const { path } of adminRoutes().filter((r) => r.method === "POST")) {
      const res = await get(concrete(path), {
        method: "POST",
        headers: { origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" },
        body: "a=b",
      });
      expect(res.status, path).toBe(403);
      expect(await res.text()).toContain("CSRF");
    }
  });
});

describe("login", () => {
  it("never follows a `tiep` to another site or into a header", async () => {
    const user = await createUser("editor");
    const attempts = [
      EVIL,
      "//evil.example",
      "/\\evil.example",
      "\\\\evil.example",
      "/admin//evil.example",
      "/admin/..//evil.example",
      "/admin@evil.example",
      "javascript:alert(1)",
      " /admin",
      "/admin/\t/evil.example",
      "https:/\\evil.example",
      "/admin/bai-viet\r\nSet-Cookie: injected=1",
      "/admin/bai-viet\nLocation: https://evil.example",
      "/admin/%0d%0aSet-Cookie:%20injected=1",
      "/admin/bai-viet\u2028x",
      "/admin/\u0000",
    ];
    for (const tiep of attempts) {
      const res = await postForm("/admin/dang-nhap", { email: user.email, password: PASSWORD, tiep });
      await expectSafe(res, JSON.stringify(tiep));
      expect(res.status, JSON.stringify(tiep)).toBe(tiep.includes("\u0000") ? 400 : 303);
      const location = res.headers.get("location");
      if (location) {
        expect(new URL(location, ORIGIN).origin).toBe(ORIGIN);
        expect(location, JSON.stringify(tiep)).toMatch(/^\/admin\/[^\s]*$/);
      }
    }
    // A newsroom path is still followed.
    expect(
      (
        await postForm("/admin/dang-nhap", { email: user.email, password: PASSWORD, tiep: "/admin/anh?page=2" })
      ).headers.get("location"),
    ).toBe("/admin/anh?page=2");
  });

  it("shows the login form with a hostile `tiep` made inert, and redirects without copying CR/LF into headers", async () => {
    const page = await get(`/admin/dang-nhap?tiep=${enc(`"><script>alert(1)</script>`)}`);
    expect(page.status).toBe(200);
    await expectSafe(page, "login page");
    const res = await get("/admin/bai-viet?x=%0D%0ASet-Cookie:%20injected=1");
    await expectSafe(res, "redirect");
    expect(res.status).toBe(303);
    expect(res.headers.get("set-cookie") ?? "").not.toContain("injected");
  });

  it("refuses SQL in the email and password like any wrong password", async () => {
    const res = await postForm("/admin/dang-nhap", { email: SQLI, password: SQLI }, { headers: freshIp() });
    const body = await expectSafe(res, "login SQL");
    expect(res.status).toBe(400);
    expect(body).toContain("Email hoặc mật khẩu không đúng.");
    expect(res.headers.get("set-cookie") ?? "").not.toMatch(/__Host-phien=[0-9a-f]/);
  });
});

describe("the newsroom's inputs", () => {
  let editor: Editor;
  let admin: Editor;
  beforeAll(async () => {
    editor = await loginAs("editor");
    admin = await loginAs("admin");
  });
  const asEditor = (path: string, fields: Record<string, string>) => editor.post(path, fields);
  const asAdmin = (path: string, fields: Record<string, string>) => admin.post(path, fields);
  const file = (name: string, content: string | Uint8Array<ArrayBuffer>, type = "image/jpeg") => {
    const form = new FormData();
    form.set("_csrf", editor.csrf);
    form.set("alt", "Ảnh thử");
    form.set("file", new File([content], name, { type }));
    return form;
  };
  const upload = (form: FormData) =>
    get("/admin/anh", { method: "POST", headers: { origin: ORIGIN, cookie: editor.cookie }, body: form });

  it("refuses hostile forms with a Vietnamese 4xx and stores nothing", async () => {
    const { sectionId, authorId } = await firstIds();
    const article = { ...articleFields(), sectionId: String(sectionId), authorId: String(authorId) };
    const pinned = (await env.DB.prepare("select count(*) as n from weather_overrides").first<number>("n"))!;
    const cases: Case[] = [
      {
        label: "article section as SQL",
        send: () => asEditor("/admin/bai-viet", { ...article, sectionId: SQLI, headline: XSS }),
        status: 400,
        says: "Hãy chọn chuyên mục",
      },
      {
        label: "article author as XSS",
        send: () => asEditor("/admin/bai-viet", { ...article, authorId: XSS }),
        status: 400,
        says: "Hãy chọn tác giả",
      },
      {
        label: "article hero as traversal",
        send: () => asEditor("/admin/bai-viet", { ...article, heroImageId: "../../etc/passwd" }),
        status: 400,
        says: "Mã ảnh phải là một số",
      },
      {
        label: "article schedule as SQL",
        send: () => asEditor("/admin/bai-viet", { ...article, publishAt: SQLI, "hanh-dong": "hen-gio" }),
        status: 400,
        says: "Hãy chọn ngày giờ đăng hợp lệ",
      },
      {
        label: "article figure of a missing photo",
        send: () => asEditor("/admin/bai-viet", { ...article, body: "[[anh:999999 | <script>alert(1)</script>]]" }),
        status: 400,
        says: "Ảnh không tồn tại",
      },
      {
        label: "article with invalid UTF-8",
        send: () =>
          raw(
            "/admin/bai-viet",
            "POST",
            "application/x-www-form-urlencoded",
            `_csrf=${editor.csrf}&headline=%C3%28&lead=x`,
            { cookie: editor.cookie },
          ),
        status: 400,
        says: BAD_TEXT,
      },
      {
        label: "article over 1 MB",
        send: () => asEditor("/admin/bai-viet", { ...article, body: "Đoạn văn. ".repeat(120_000) }),
        status: 413,
        says: TOO_LARGE,
      },
      ...BROKEN_MULTIPART.map(
        ([what, body, boundary]): Case => ({
          label: `article, multipart ${what}`,
          send: () => multipart("/admin/bai-viet", body, boundary, { cookie: editor.cookie }),
          status: 400,
          says: BROKEN_FORM,
        }),
      ),
      {
        label: "edit of a missing article",
        send: () => asEditor("/admin/bai-viet/999999", article),
        status: 404,
        says: "Không tìm thấy bài viết",
      },
      {
        label: "delete of a missing article",
        send: () => asEditor("/admin/bai-viet/999999/xoa", {}),
        status: 404,
        says: "Không tìm thấy bài viết",
      },
      {
        label: "restore of a missing revision",
        send: () => asEditor("/admin/bai-viet/999999/phien-ban/1/khoi-phuc", {}),
        status: 404,
        says: "Không tìm thấy bài viết",
      },
      {
        label: "pasted HTML over 10 MB",
        send: () => asEditor("/admin/bai-viet/chuyen-doi-html", { html: "<p>x</p>".repeat(1_400_000) }),
        status: 413,
        says: "tối đa 10 MB",
      },
      {
        label: "upload without a file",
        send: () => asEditor("/admin/anh", { file: XSS, alt: "x" }),
        status: 400,
        says: "Hãy chọn một tệp ảnh",
      },
      {
        label: "upload of HTML named .jpg",
        send: () => upload(file("x.jpg", XSS)),
        status: 415,
        says: "JPEG, PNG, WebP hoặc AVIF",
      },
      {
        label: "upload of an SVG with script",
        send: () =>
          upload(file("x.svg", `<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>`, "image/svg+xml")),
        status: 415,
        says: "JPEG, PNG, WebP hoặc AVIF",
      },
      {
        label: "upload over the limit",
        send: () => upload(file("lon.jpg", new Uint8Array(16 * 1024 * 1024))),
        status: 413,
        says: "Ảnh vượt quá dung lượng cho phép (15 MB).",
      },
      {
        label: "upload over the limit, streamed",
        send: () =>
          get("/admin/anh", {
            method: "POST",
            headers: { origin: ORIGIN, cookie: editor.cookie, "content-type": "multipart/form-data; boundary=abc" },
            body: streamed(16 * 1024 * 1024),
            duplex: "half",
          } as RequestInit),
        status: 413,
        says: "15 MB",
      },
      ...BROKEN_MULTIPART.map(
        ([what, body, boundary]): Case => ({
          label: `upload, multipart ${what}`,
          send: () => multipart("/admin/anh", body, boundary, { cookie: editor.cookie }),
          status: 400,
          says: BROKEN_FORM,
        }),
      ),
      {
        label: "photo text of a missing photo",
        send: () => asEditor("/admin/anh/999999", { alt: XSS }),
        status: 404,
        says: "Không tìm thấy ảnh",
      },
      {
        label: "photo delete of a missing photo",
        send: () => asEditor("/admin/anh/999999/xoa", {}),
        status: 404,
        says: "Không tìm thấy ảnh",
      },
      {
        label: "account with a made-up role",
        send: () =>
          asAdmin("/admin/nguoi-dung", {
            email: "moi@toasoan.vn",
            name: XSS,
            role: "superadmin",
            password: "mot-mat-khau-rat-dai-123",
          }),
        status: 400,
        says: "Vai trò không hợp lệ",
      },
      {
        label: "account email as SQL",
        send: () =>
          asAdmin("/admin/nguoi-dung", { email: SQLI, name: "A", role: "admin", password: "mot-mat-khau-rat-dai-123" }),
        status: 400,
        says: "Email không hợp lệ",
      },
      {
        label: "role change of a missing account",
        send: () => asAdmin("/admin/nguoi-dung/999999", { role: "admin" }),
        status: 404,
        says: "Không tìm thấy người dùng",
      },
      {
        label: "role change to a made-up role",
        send: () => asAdmin(`/admin/nguoi-dung/${editor.id}`, { role: `admin' --` }),
        status: 400,
        says: "Vai trò không hợp lệ",
      },
      {
        label: "poll with one option",
        send: () =>
          asEditor("/admin/binh-chon", {
            question: XSS,
            options: XSS,
            opensAt: "2026-01-01T00:00",
            closesAt: "2026-02-01T00:00",
          }),
        status: 400,
        says: "Cần từ 2 đến 10 phương án",
      },
      {
        label: "poll times as SQL",
        send: () => asEditor("/admin/binh-chon", { question: "Hỏi?", options: "A\nB", opensAt: SQLI, closesAt: SQLI }),
        status: 400,
        says: "Hãy chọn thời gian mở và đóng hợp lệ",
      },
      {
        label: "edit of a missing poll",
        send: () => asEditor("/admin/binh-chon/999999", { question: "Hỏi?", options: "A\nB" }),
        status: 404,
        says: "Không tìm thấy cuộc bình chọn",
      },
      {
        label: "closing a missing poll",
        send: () => asEditor("/admin/binh-chon/999999/trang-thai", { "hanh-dong": "dong" }),
        status: 404,
        says: "Không tìm thấy cuộc bình chọn",
      },
      {
        label: "weather pin for a traversal place",
        send: () => asEditor(`/admin/thoi-tiet/${enc("../../x")}/ghim`, { text: XSS, expiresAt: "2099-01-01T00:00" }),
        status: 404,
        says: "Không có địa điểm này",
      },
      {
        label: "weather pin expiry as SQL",
        send: () => asEditor("/admin/thoi-tiet/bac-lieu/ghim", { text: XSS, expiresAt: SQLI }),
        status: 400,
        says: "Thời điểm hết hạn phải ở tương lai",
      },
      {
        label: "weather unpin of an XSS place",
        send: () => asEditor(`/admin/thoi-tiet/${enc(XSS)}/bo-ghim`, {}),
        status: 404,
        says: "Không có địa điểm này",
      },
      {
        label: "newsroom search with invalid UTF-8",
        send: () => editor.get("/admin/bai-viet?q=%C3%28"),
        status: 400,
        says: BAD_ADDRESS,
      },
      {
        label: "password change with the wrong current password",
        send: () => asEditor("/admin/mat-khau", { current: SQLI, next: "x", confirm: "x" }),
        status: 400,
        says: "Mật khẩu hiện tại không đúng",
      },
    ];
    await runCases(cases);
    expect(await env.DB.prepare("select count(*) as n from weather_overrides").first("n")).toBe(pinned);
  });

  it("shows hostile filter words back inert, and ignores hostile ids in bulk moderation", async () => {
    for (const path of [
      `/admin/bai-viet?q=${enc(XSS)}&trang-thai=${enc(SQLI)}&chuyen-muc=${enc(SQLI)}&tac-gia=${enc(XSS)}&page=${enc(SQLI)}`,
      `/admin/anh?q=${enc(`%_\\' OR 1=1 ${XSS}`)}`,
      `/admin/binh-luan?trang-thai=${enc(XSS)}&bai=${enc(SQLI)}&da-xu-ly=${enc(XSS)}`,
    ]) {
      const res = await editor.get(path);
      await expectSafe(res, path);
      expect(res.status, path).toBe(200);
    }
    const before = await stored();
    const res = await editor.post("/admin/binh-luan", { ids: `${SQLI}`, "hanh-dong": "approved" });
    await expectSafe(res, "moderation");
    expect(await stored()).toEqual(before);
  });

  it("renders a preview of hostile markup inert and saves nothing", async () => {
    const { sectionId, authorId } = await firstIds();
    const before = await stored();
    const res = await editor.post("/admin/bai-viet/xem-truoc", {
      ...articleFields({ headline: XSS, kicker: XSS, lead: XSS, body: `${XSS}\n\n## ${XSS}\n\n> ${XSS}` }),
      sectionId: String(sectionId),
      authorId: String(authorId),
    });
    const body = await expectSafe(res, "preview");
    expect(res.status).toBe(200);
    expect(body).toContain("&lt;script>alert(1)&lt;/script>");
    expect(await stored()).toEqual(before);
    const converted = await editor.post("/admin/bai-viet/chuyen-doi-html", {
      html: `<p onclick="alert(1)">Chữ <script>alert(1)</script><a href="javascript:alert(2)">liên kết</a></p>`,
    });
    expect(converted.status).toBe(200);
    const markup = await converted.text();
    expect(markup).not.toMatch(/script|javascript:|onclick/);
    expect(markup).toContain("Chữ");
  });
});

describe("every GET route with hostile parameters", () => {
  const HOSTILE = [XSS, SQLI, "../../etc/passwd", "%2e%2e%2f", "9".repeat(30), "-1", "\u202e\u0000"];
  function getRoutes(prefix: "admin" | "reader"): string[] {
    const out = new Set<string>();
    for (const r of createApp().routes) {
      if (r.method !== "GET") continue;
      const admin = r.path === "/admin" || r.path.startsWith("/admin/");
      if ((prefix === "admin") === admin) out.add(r.path);
    }
    return [...out];
  }
  const fill = (path: string, value: string) =>
    path.replace(/:([a-z]+)(\{[^}]*\})?/gi, () => enc(value)).replace(/\*/g, enc(value));
  const query = (value: string) =>
    `?page=${enc(value)}&q=${enc(value)}&w=${enc(value)}&tiep=${enc(value)}&trang-thai=${enc(value)}`;

  it("never answer 5xx, leak, or echo a payload live (readers)", { timeout: 120_000 }, async () => {
    const routes = getRoutes("reader");
    expect(routes).toContain("/:section/:file");
    const before = await stored();
    for (const route of routes)
      for (const value of HOSTILE) {
        const path = fill(route, value) + query(value);
        await expectSafe(await get(path), path);
      }
    expect(await stored()).toEqual(before);
  });

  it("never answer 5xx, leak, or echo a payload live (newsroom, logged in)", { timeout: 120_000 }, async () => {
    const admin = await loginAs("admin");
    const routes = getRoutes("admin");
    expect(routes.length).toBeGreaterThan(10);
    const before = await stored();
    for (const route of routes)
      for (const value of HOSTILE) {
        const path = fill(route, value) + query(value);
        await expectSafe(await admin.get(path), path);
      }
    expect(await stored()).toEqual(before);
  });
});
