// Every page type is valid HTML5 by the Nu HTML Checker (vnu.jar from the
// vnu-jar package, run with the machine's Java 17). Pages are fetched from
// the running Worker exactly as a browser gets them, fragments stitched in.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

const base = inject("baseUrl");
const editor = inject("editor");
const admin = inject("admin");
const vnuJar: string = String(createRequire(import.meta.url)("vnu-jar"));
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "vnu-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function html(path: string, cookie?: string): Promise<{ status: number; body: string }> {
  const res = await fetch(base + path, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  return { status: res.status, body: await res.text() };
}

/** The first link on a page whose href matches. */
function firstHref(body: string, pattern: RegExp): string {
  const m = [...body.matchAll(/href="([^"]+)"/g)].map((x) => x[1]!.replace(/&amp;/g, "&")).find((h) => pattern.test(h));
  if (!m) throw new Error(`no link matching ${pattern}`);
  return m;
}

async function login(who: { email: string; password: string } = editor): Promise<string> {
  const res = await fetch(`${base}/admin/dang-nhap`, {
    method: "POST",
    redirect: "manual",
    headers: { origin: base, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email: who.email, password: who.password }),
  });
  expect(res.status).toBe(303);
  return res.headers.get("set-cookie")!.split(";")[0]!;
}

async function post(path: string, cookie: string, fields: Record<string, string>): Promise<Response> {
  return fetch(base + path, {
    method: "POST",
    redirect: "manual",
    headers: { origin: base, cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
  });
}

const csrfOf = (body: string) => /name="_csrf" value="([0-9a-f]+)"/.exec(body)![1]!;

/**
 * The accounts screens: people, a new account's password reset (the page
 * showing the temporary password), its sessions as an admin sees them, and
 * the password form it is held at until it chooses its own.
 */
async function accountPages(pages: Map<string, string>): Promise<void> {
  const cookie = await login(admin);
  const people = await html("/admin/nguoi-dung", cookie);
  expect(people.status).toBe(200);
  const csrf = csrfOf(people.body);
  const email = `html-${Date.now()}@dongbang.local`;
  const created = await post("/admin/nguoi-dung", cookie, {
    _csrf: csrf,
    name: "Người dùng kiểm tra HTML",
    email,
    role: "reporter",
    authorId: "",
    password: "ca-phe-sua-da-sang-som",
  });
  expect(created.status).toBe(303);
  const list = (await html("/admin/nguoi-dung", cookie)).body;
  pages.set("admin-people", list);
  const row = list.split("<tr").find((r) => r.includes(email)) ?? "";
  const userId = /\/admin\/nguoi-dung\/(\d+)\/dat-lai-mat-khau/.exec(row)?.[1];
  expect(userId, "the new account's reset button").toBeTruthy();
  const reset = await post(`/admin/nguoi-dung/${userId}/dat-lai-mat-khau`, cookie, { _csrf: csrf });
  expect(reset.status).toBe(200);
  const resetBody = await reset.text();
  pages.set("admin-password-reset", resetBody);
  const temporary = /id="mat-khau-tam">([^<]+)</.exec(resetBody)![1]!;
  const theirs = await login({ email, password: temporary });
  const forced = await html("/admin/mat-khau?tiep=%2Fadmin%2Fanh", theirs);
  expect(forced.body).toContain("mật khẩu tạm");
  pages.set("admin-password-forced", forced.body);
  pages.set("admin-user-sessions", (await html(`/admin/nguoi-dung/${userId}/phien`, cookie)).body);
}

interface VnuMessage {
  type: string;
  subType?: string;
  message: string;
  url: string;
  lastLine?: number;
  extract?: string;
}

async function validate(pages: Map<string, string>): Promise<VnuMessage[]> {
  const files: string[] = [];
  for (const [name, body] of pages) {
    const file = join(dir, `${name}.html`);
    await writeFile(file, body);
    files.push(file);
  }
  // --exit-zero-always: the verdict is read from the JSON, not the exit code.
  const { stdout, stderr } = await promisify(execFile)(
    "java",
    ["-jar", vnuJar, "--format", "json", "--exit-zero-always", "--stdout", ...files],
    { maxBuffer: 32 * 1024 * 1024 },
  );
  return (JSON.parse(stdout || stderr) as { messages: VnuMessage[] }).messages;
}

describe("HTML validity (Nu HTML Checker)", () => {
  it("finds no errors on any reader or newsroom page", async () => {
    const home = await html("/");
    const article = firstHref(home.body, /^\/[a-z-]+\/[a-z0-9-]+-\d+\.html$/);
    const articlePage = await html(article);
    const kinhTe = await html("/kinh-te");
    // A demo article with bold, italic, a link and a list (the newest article has none).
    const marked = firstHref(kinhTe.body, /^\/kinh-te\/tom-lua-huu-co-[a-z0-9-]+-\d+\.html$/);
    // A demo article with a table, a "Xem thêm" and a video facade.
    const sport = await html("/giao-duc-the-thao");
    const blocks = firstHref(sport.body, /^\/giao-duc-the-thao\/[a-z0-9-]*ghe-ngo[a-z0-9-]*-\d+\.html$/);
    const pages = new Map<string, string>([
      ["home", home.body],
      ["section", kinhTe.body],
      ["article-marks", (await html(marked)).body],
      ["article-marks-lite", (await html(`/lite${marked}`)).body],
      ["article-blocks", (await html(blocks)).body],
      ["article-blocks-lite", (await html(`/lite${blocks}`)).body],
      ["article", articlePage.body],
      ["article-lite", (await html(`/lite${article}`)).body],
      ["tag", (await html(firstHref(articlePage.body, /^\/chu-de\//))).body],
      ["author", (await html(firstHref(articlePage.body, /^\/tac-gia\//))).body],
      ["search", (await html("/tim-kiem?q=l%C3%BAa")).body],
      ["search-empty", (await html("/tim-kiem")).body],
      ["search-none", (await html("/tim-kiem?q=xyzzyquux")).body],
      ["not-found", (await html("/khong-co-trang-nay")).body],
      ["bad-request", (await html("/kinh-te?page=abc")).body],
      ["login", (await html("/admin/dang-nhap")).body],
    ]);
    const cookie = await login();
    for (const path of [
      "/admin/bai-viet",
      "/admin/bai-viet/moi",
      "/admin/anh",
      "/admin/anh/tai-len",
      "/admin/binh-luan",
      "/admin/binh-chon",
      "/admin/binh-chon/moi",
      "/admin/thoi-tiet",
      "/admin/mat-khau",
      "/admin/tac-gia",
      "/admin/tac-gia/moi",
      "/admin/chuyen-muc",
      "/admin/chuyen-muc/moi",
      "/admin/phien",
    ]) {
      const page = await html(path, cookie);
      expect(page.status, path).toBe(200);
      pages.set(`admin${path.replace(/\//g, "-")}`, page.body);
    }
    // A published article: corrections are added to published ones only, and other
    // suites leave drafts at the top of the list.
    const published = (await html("/admin/bai-viet?trang-thai=published", cookie)).body;
    const edit = firstHref(published, /^\/admin\/bai-viet\/\d+$/);
    pages.set("admin-edit", (await html(edit, cookie)).body);
    pages.set("admin-revisions", (await html(`${edit}/phien-ban`, cookie)).body);
    const corrections = (await html(`${edit}/dinh-chinh`, cookie)).body;
    pages.set("admin-corrections", corrections);
    // A correction note on the reader page.
    const csrf = /name="_csrf" value="([^"]+)"/.exec(corrections)?.[1];
    expect(corrections).toContain('name="text"');
    const added = await fetch(`${base}${edit}/dinh-chinh`, {
      method: "POST",
      redirect: "manual",
      headers: { cookie, origin: base, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        _csrf: csrf ?? "",
        text: "Số liệu ở đoạn hai là 24, không phải 42 <như bản trước>.",
      }),
    });
    expect(added.status).toBe(303);
    const readerUrl = firstHref((await html(edit, cookie)).body, /^\/[a-z-]+\/[a-z0-9-]+-\d+\.html$/);
    const corrected = (await html(readerUrl)).body;
    expect(corrected).toContain("Đính chính (");
    pages.set("article-corrected", corrected);
    const media = firstHref(pages.get("admin-admin-anh")!, /^\/admin\/anh\/\d+$/);
    pages.set("admin-media-item", (await html(media, cookie)).body);
    const author = firstHref(pages.get("admin-admin-tac-gia")!, /^\/admin\/tac-gia\/\d+$/);
    pages.set("admin-author", (await html(author, cookie)).body);
    const section = firstHref(pages.get("admin-admin-chuyen-muc")!, /^\/admin\/chuyen-muc\/\d+$/);
    pages.set("admin-section", (await html(section, cookie)).body);
    await accountPages(pages);

    const problems = (await validate(pages))
      .filter((m) => m.type === "error" || m.subType === "fatal")
      .map(
        (m) =>
          `${m.url.replace(/^.*\//, "")}:${m.lastLine ?? "?"} ${m.message}${m.extract ? ` [${m.extract.trim()}]` : ""}`,
      );
    expect(problems).toEqual([]);
  });
});
