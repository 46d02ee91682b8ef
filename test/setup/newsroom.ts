import { env } from "cloudflare:test";
import { type HTMLElement, parse } from "node-html-parser";
import { openDatabase } from "../../src/db/client";
import { insertUser } from "../../src/db/users";
import type { UserRole } from "../../src/model/statuses";
import { hashPassword } from "../../src/platform/passwords";
import { toVietnamLocalInput } from "../../src/vi/dates";
import { get } from "./http";

export const PASSWORD = "mat-khau-that-dai-123";
export const ORIGIN = "http://localhost";

let counter = 0;

/** A newsroom account with a known password. */
export async function createUser(
  role: UserRole,
  opts: { authorId?: number; email?: string } = {},
): Promise<{ id: number; email: string }> {
  counter += 1;
  const email = opts.email ?? `${role}${counter}-${Date.now()}@toasoan.vn`;
  const id = await insertUser(openDatabase(env.DB), {
    email,
    name: `${role} ${counter}`,
    role,
    authorId: opts.authorId ?? null,
    password: await hashPassword(PASSWORD),
  });
  return { id, email };
}

export function postForm(
  path: string,
  fields: Record<string, string>,
  init: { cookie?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  return get(path, {
    method: "POST",
    headers: {
      origin: ORIGIN,
      "content-type": "application/x-www-form-urlencoded",
      ...(init.cookie ? { cookie: init.cookie } : {}),
      ...init.headers,
    },
    body: new URLSearchParams(fields).toString(),
  });
}

export async function login(
  email: string,
  password = PASSWORD,
  headers: Record<string, string> = {},
): Promise<Response> {
  return postForm("/admin/dang-nhap", { email, password }, { headers });
}

/** A logged-in editor's browser: its cookie and CSRF token. */
export interface Editor {
  id: number;
  email: string;
  cookie: string;
  csrf: string;
  get(path: string): Promise<Response>;
  post(path: string, fields: Record<string, string>): Promise<Response>;
  page(path: string): Promise<ReturnType<typeof parse>>;
}

/** Logs a new account in; a reporter files under the first author unless `authorId` says otherwise (null: none). */
export async function loginAs(role: UserRole, opts: { authorId?: number | null } = {}): Promise<Editor> {
  const authorId = opts.authorId === undefined && role === "reporter" ? (await firstIds()).authorId : opts.authorId;
  const user = await createUser(role, { authorId: authorId ?? undefined });
  const res = await login(user.email);
  if (res.status !== 303) throw new Error(`login failed: ${res.status}`);
  const cookie = res.headers.get("set-cookie")!.split(";")[0]!;
  const form = parse(await (await get("/admin/mat-khau", { headers: { cookie } })).text());
  const csrf = form.querySelector('input[name="_csrf"]')!.getAttribute("value")!;
  const editor: Editor = {
    ...user,
    cookie,
    csrf,
    get: (path) => get(path, { headers: { cookie } }),
    post: (path, fields) => postForm(path, { _csrf: csrf, ...fields }, { cookie }),
    page: async (path) => parse(await (await get(path, { headers: { cookie } })).text()),
  };
  return editor;
}

export async function firstIds(): Promise<{ sectionId: number; authorId: number; sectionSlug: string }> {
  const s = await env.DB.prepare("select id, slug from sections order by position limit 1").first<{
    id: number;
    slug: string;
  }>();
  const a = await env.DB.prepare("select id from authors order by id limit 1").first<{ id: number }>();
  return { sectionId: s!.id, authorId: a!.id, sectionSlug: s!.slug };
}

/** The fields of the article form, as a browser would send them. */
export function articleFields(over: Record<string, string> = {}): Record<string, string> {
  return {
    kicker: "",
    headline: "Bài thử",
    slug: "",
    tags: "Thử nghiệm",
    lead: "Sapo của bài thử.",
    body: "Đoạn văn đầu tiên.",
    heroImageId: "",
    publishAt: "",
    version: "0",
    "hanh-dong": "luu",
    ...over,
  };
}

export function idFromLocation(res: Response): number {
  const m = /\/admin\/bai-viet\/(\d+)/.exec(res.headers.get("location") ?? "");
  if (!m) throw new Error(`no article id in ${res.status} ${res.headers.get("location")}`);
  return Number(m[1]);
}

/** The fields of the poll form: a sidebar poll with two options, open from a minute ago for a day. */
export function pollFields(over: Record<string, string> = {}): Record<string, string> {
  const now = Date.now();
  return {
    question: "Bạn có đọc báo mỗi sáng?",
    options: "Có\nKhông",
    placement: "sidebar",
    articleIds: "",
    opensAt: toVietnamLocalInput(new Date(now - 60_000)),
    closesAt: toVietnamLocalInput(new Date(now + 86_400_000)),
    ...over,
  };
}

export function pollIdFromLocation(res: Response): number {
  const m = /\/admin\/binh-chon\/(\d+)/.exec(res.headers.get("location") ?? "");
  if (!m) throw new Error(`no poll id in ${res.status} ${res.headers.get("location")}`);
  return Number(m[1]);
}

/** A poll's option ids, in the order readers see them. */
export async function pollOptionIds(pollId: number): Promise<number[]> {
  const rows = await env.DB.prepare("select id from poll_options where poll_id = ? order by position")
    .bind(pollId)
    .all<{ id: number }>();
  return rows.results.map((r) => r.id);
}

/** An article's edit form, read back as a browser would send it (an unticked checkbox or radio button is not sent). */
export async function articleFormValues(editor: Editor, id: number): Promise<Record<string, string>> {
  const fields = formFieldsOf(await editor.page(`/admin/bai-viet/${id}`));
  delete fields._csrf;
  return fields;
}

/** The article form's fields as a browser posts them: ticked boxes only, other forms' inputs left out. */
export function formFieldsOf(doc: HTMLElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const el of doc.querySelectorAll("#article-form input, #article-form textarea, #article-form select")) {
    const name = el.getAttribute("name");
    if (!name) continue;
    // Owned by another form (the photo fields' searches): not sent with this one.
    if (el.getAttribute("form") && el.getAttribute("form") !== "article-form") continue;
    // As a browser sends it: an unticked checkbox or radio is not sent.
    const type = el.getAttribute("type");
    if ((type === "checkbox" || type === "radio") && el.getAttribute("checked") === undefined) continue;
    out[name] =
      el.tagName === "TEXTAREA"
        ? el.textContent
        : el.tagName === "SELECT"
          ? (el.querySelector("option[selected]")?.getAttribute("value") ?? "")
          : (el.getAttribute("value") ?? "");
  }
  return out;
}
