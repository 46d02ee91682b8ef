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

async function login(): Promise<string> {
  const res = await fetch(`${base}/admin/dang-nhap`, {
    method: "POST",
    redirect: "manual",
    headers: { origin: base, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email: editor.email, password: editor.password }),
  });
  expect(res.status).toBe(303);
  return res.headers.get("set-cookie")!.split(";")[0]!;
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
    const section = await html("/kinh-te");
    // A demo article with bold, italic, a link and a list (the newest article has none).
    const marked = firstHref(section.body, /^\/kinh-te\/tom-lua-huu-co-[a-z0-9-]+-\d+\.html$/);
    const pages = new Map<string, string>([
      ["home", home.body],
      ["section", section.body],
      ["article-marks", (await html(marked)).body],
      ["article-marks-lite", (await html(`/lite${marked}`)).body],
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
    ]) {
      const page = await html(path, cookie);
      expect(page.status, path).toBe(200);
      pages.set(`admin${path.replace(/\//g, "-")}`, page.body);
    }
    const list = pages.get("admin-admin-bai-viet")!;
    const edit = firstHref(list, /^\/admin\/bai-viet\/\d+$/);
    pages.set("admin-edit", (await html(edit, cookie)).body);
    pages.set("admin-revisions", (await html(`${edit}/phien-ban`, cookie)).body);
    const media = firstHref(pages.get("admin-admin-anh")!, /^\/admin\/anh\/\d+$/);
    pages.set("admin-media-item", (await html(media, cookie)).body);

    const problems = (await validate(pages))
      .filter((m) => m.type === "error" || m.subType === "fatal")
      .map(
        (m) =>
          `${m.url.replace(/^.*\//, "")}:${m.lastLine ?? "?"} ${m.message}${m.extract ? ` [${m.extract.trim()}]` : ""}`,
      );
    expect(problems).toEqual([]);
  });
});
