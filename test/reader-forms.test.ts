// Readers' forms from other sites (issue 21, item 3): a comment or a vote
// posted by another site's page is refused and its text kept; the comment
// form's token is bound to the reader's network and lives hours, not days.
import { env } from "cloudflare:test";
import { parse } from "node-html-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_ARTICLES } from "../scripts/demo/articles/index";
import { createApp } from "../src/app";
import { checkFormToken, issueFormToken, networkOf } from "../src/community/form-token";
import { formSecret } from "../src/community/signing";
import { loadDemo } from "./setup/demo";
import { articleId, articleUrl } from "./setup/demo-urls";
import { get, text } from "./setup/http";
import { loginAs, ORIGIN, pollFields, pollIdFromLocation, pollOptionIds, postForm } from "./setup/newsroom";

beforeAll(loadDemo);

const EVIL = "https://evil.example";
const target = DEMO_ARTICLES[6]!;
let ipCounter = 0;
const freshIp = () => `198.51.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;
/** A form handed to `ip` `ageMs` ago, as a reader typing would have it. */
const tokenFor = (ip: string, ageMs = 8_000) => issueFormToken(formSecret(env), networkOf(ip), Date.now() - ageMs);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A comment as a browser sends it: `headers` say where from (Origin, Sec-Fetch-Site) and which network. */
async function comment(fields: Record<string, string>, headers: Record<string, string>): Promise<Response> {
  const id = await articleId(target.headline);
  return get("/binh-luan", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams({ article: String(id), website: "", email: "", ...fields }).toString(),
  });
}
const storedComments = async (name: string) =>
  env.DB.prepare("select count(*) as n from comments where name = ?").bind(name).first<number>("n");
/** The form a refusal shows again: its fields as the browser would send them. */
function formOf(html: string): Record<string, string> {
  const form = parse(html).querySelector("form[action='/binh-luan']")!;
  const fields: Record<string, string> = {};
  for (const input of form.querySelectorAll("input")) {
    const name = input.getAttribute("name");
    if (name) fields[name] = input.getAttribute("value") ?? "";
  }
  fields.body = form.querySelector("textarea[name=body]")?.textContent ?? "";
  return fields;
}
const pageToken = (html: string) =>
  parse(html).querySelector("form[action='/binh-luan'] input[name=t]")?.getAttribute("value");

describe("comments from another site", () => {
  it.each([
    ["an Origin of another site", { origin: EVIL }],
    ["Sec-Fetch-Site: cross-site", { "sec-fetch-site": "cross-site" }],
    ["Sec-Fetch-Site: same-site (a sibling host)", { "sec-fetch-site": "same-site", origin: "http://tin.localhost" }],
    ["Origin: null (a sandboxed frame)", { origin: "null" }],
  ])("are refused when the browser says %s, with the text kept and nothing stored", async (_label, from) => {
    const ip = freshIp();
    const name = `Khách lạ ${ipCounter}`;
    const body = `Một ý kiến dài (số ${ipCounter})\nmà bạn đọc không muốn mất.`;
    const res = await comment({ name, body, t: await tokenFor(ip) }, { "cf-connecting-ip": ip, ...from });
    expect(res.status).toBe(403);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const html = await res.text();
    const doc = parse(html);
    expect(text(doc.querySelector(".form-error"))).toContain("được gửi từ một trang web khác nên báo chưa nhận");
    expect(doc.querySelector("#cm-body")?.textContent).toBe(body);
    expect(doc.querySelector("#cm-name")?.getAttribute("value")).toBe(name);
    expect(doc.querySelector(".article a")?.getAttribute("href")).toBe(await articleUrl(target.headline));
    expect(await storedComments(name)).toBe(0);

    // The reader, now on the paper's own page, sends it with one click: stored once.
    await sleep(1_100);
    const again = await comment(formOf(html), {
      "cf-connecting-ip": ip,
      origin: ORIGIN,
      "sec-fetch-site": "same-origin",
    });
    expect(again.status).toBe(303);
    expect(await storedComments(name)).toBe(1);
  });

  it("are taken from the paper's own pages, and from old browsers that say nothing", async () => {
    const sources: Record<string, string>[] = [
      { origin: ORIGIN, "sec-fetch-site": "same-origin" },
      { "sec-fetch-site": "same-origin" },
      { origin: ORIGIN },
      {},
    ];
    for (const [i, from] of sources.entries()) {
      const ip = freshIp();
      const name = `Bạn đọc quen ${i}`;
      const res = await comment(
        { name, body: `Ý kiến thứ ${i} của tôi.`, t: await tokenFor(ip) },
        { "cf-connecting-ip": ip, ...from },
      );
      expect(res.status, JSON.stringify(from)).toBe(303);
      expect(await storedComments(name)).toBe(1);
    }
  });
});

describe("the comment form's token", () => {
  it("is bound to the reader who loaded the page: a token harvested by another site is refused for its visitors", async () => {
    const url = await articleUrl(target.headline);
    const harvester = freshIp();
    const page = await get(url, { headers: { "cf-connecting-ip": harvester } });
    const harvested = pageToken(await page.text());
    expect(harvested).toMatch(/^\d{13}\.[0-9a-f]{32}$/);

    // Another site's visitor (an old browser: no Origin, no Sec-Fetch-Site) posts with it, once it is old enough.
    await sleep(3_100);
    const visitor = freshIp();
    const body = "Nội dung do trang khác soạn sẵn.";
    const res = await comment({ name: "Nạn nhân", body, t: harvested! }, { "cf-connecting-ip": visitor });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(text(parse(html).querySelector(".form-error"))).toContain(
      "Biểu mẫu đã hết hạn hoặc được mở từ một mạng khác",
    );
    expect(parse(html).querySelector("#cm-body")?.textContent).toBe(body);
    expect(await storedComments("Nạn nhân")).toBe(0);

    // A real reader who changed networks loses nothing: the form again holds a token for the new one.
    const fresh = pageToken(html)!;
    expect(await checkFormToken(formSecret(env), networkOf(visitor), fresh, Date.now() + 1_000)).toBe("ok");
    expect(await checkFormToken(formSecret(env), networkOf(harvester), fresh, Date.now() + 1_000)).toBe("invalid");
    // And the harvester's own token still works for the harvester's own network.
    expect(await checkFormToken(formSecret(env), networkOf(harvester), harvested, Date.now() + 8_000)).toBe("ok");
  });

  it("differs per reader on a page the front door serves from memory", async () => {
    const url = await articleUrl(DEMO_ARTICLES[7]!.headline);
    const [a, b] = [freshIp(), freshIp()];
    await get(url, { headers: { "cf-connecting-ip": a } });
    const first = await get(url, { headers: { "cf-connecting-ip": a } });
    const second = await get(url, { headers: { "cf-connecting-ip": b } });
    expect(second.headers.get("x-cache")).toBe("HIT");
    const [ta, tb] = [pageToken(await first.text())!, pageToken(await second.text())!];
    const later = Date.now() + 8_000;
    expect(await checkFormToken(formSecret(env), networkOf(a), ta, later)).toBe("ok");
    expect(await checkFormToken(formSecret(env), networkOf(b), tb, later)).toBe("ok");
    expect(await checkFormToken(formSecret(env), networkOf(b), ta, later)).toBe("invalid");
  });

  it("lives hours, not days: an older form is shown again with its text and a fresh token", async () => {
    const ip = freshIp();
    const body = "Tôi viết bình luận này từ sáng.";
    const later = "Tôi viết bình luận này từ trưa.";
    const res = await comment(
      { name: "Người chậm", body, t: await tokenFor(ip, 5 * 3600_000) },
      { "cf-connecting-ip": ip },
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(text(parse(html).querySelector(".form-error"))).toContain("Biểu mẫu đã hết hạn");
    expect(await storedComments("Người chậm")).toBe(0);
    await sleep(1_100);
    const again = await comment(formOf(html), { "cf-connecting-ip": ip, origin: ORIGIN });
    expect(again.status).toBe(303);
    expect(await storedComments("Người chậm")).toBe(1);

    const morning = freshIp();
    expect(
      (
        await comment(
          { name: "Người viết lâu", body: later, t: await tokenFor(morning, 3 * 3600_000) },
          { "cf-connecting-ip": morning },
        )
      ).status,
    ).toBe(303);
  });

  it("binds an IPv6 reader to their /64, which privacy addresses do not leave", async () => {
    expect(networkOf("2001:db8:1:2:aaaa::1")).toBe(networkOf("2001:0db8:0001:0002:bbbb:cccc:dddd:2"));
    expect(networkOf("2001:db8:1:2::1")).not.toBe(networkOf("2001:db8:1:3::1"));
    expect(networkOf("::ffff:203.0.113.9")).toBe(networkOf("203.0.113.9"));
    expect(networkOf("203.0.113.9")).not.toBe(networkOf("203.0.113.10"));
    const res = await comment(
      { name: "Bạn đọc IPv6", body: "Gửi từ điện thoại.", t: await tokenFor("2001:db8:7:8:1111::1") },
      { "cf-connecting-ip": "2001:db8:7:8:2222::2" },
    );
    expect(res.status).toBe(303);
  });

  it("under Workers Cache (production) is one token for the whole page, good only where the browser vouches for the post", async () => {
    const workers = { EDGE_CACHE: "workers" };
    const headline = DEMO_ARTICLES[8]!.headline;
    const url = await articleUrl(headline);
    // Workers Cache keeps the page whole: what one reader's request put in it, every reader gets.
    const page = await get(url, { headers: { "cf-connecting-ip": freshIp() } }, workers);
    expect(page.status).toBe(200);
    const token = pageToken(await page.text())!;
    expect(token).toMatch(/^p\d{13}\.[0-9a-f]{32}$/);
    await sleep(3_100);

    const id = await articleId(headline);
    const send = (f: Record<string, string>, ip: string, from: Record<string, string>) =>
      get(
        "/binh-luan",
        {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", "cf-connecting-ip": ip, ...from },
          body: new URLSearchParams({ article: String(id), website: "", email: "", ...f }).toString(),
        },
        workers,
      );
    // Readers on current browsers, from any network: one click.
    const sources: Record<string, string>[] = [
      { origin: ORIGIN, "sec-fetch-site": "same-origin" },
      { "sec-fetch-site": "same-origin" },
      { origin: ORIGIN },
    ];
    for (const [i, from] of sources.entries()) {
      const name = `Bạn đọc sản xuất ${i}`;
      expect((await send({ name, body: `Bình luận số ${i}.`, t: token }, freshIp(), from)).status).toBe(303);
      expect(await storedComments(name)).toBe(1);
    }
    // Another site's visitors with the harvested page token: refused outright.
    expect((await send({ name: "Trang lạ", body: "Gửi hộ.", t: token }, freshIp(), { origin: EVIL })).status).toBe(403);
    // An old browser (or a script) that says nothing: the token is exchanged for one bound to it, text kept.
    const ip = freshIp();
    const first = await send({ name: "Trình duyệt cũ", body: "Bình luận từ máy cũ.", t: token }, ip, {});
    expect(first.status).toBe(400);
    const again = await first.text();
    expect(text(parse(again).querySelector(".form-error"))).toContain("thêm một lần nữa");
    expect(parse(again).querySelector("#cm-body")?.textContent).toBe("Bình luận từ máy cũ.");
    expect(await storedComments("Trình duyệt cũ")).toBe(0);
    await sleep(1_100);
    expect((await send(formOf(again), ip, {})).status).toBe(303);
    expect(await storedComments("Trình duyệt cũ")).toBe(1);
    // The bound token it got is good for that reader only.
    expect((await send({ ...formOf(again), body: "Lần khác." }, freshIp(), {})).status).toBe(400);
  });
});

describe("votes from another site", () => {
  async function openPoll(question: string): Promise<{ id: number; options: number[] }> {
    const editor = await loginAs("editor");
    const id = pollIdFromLocation(await editor.post("/admin/binh-chon", pollFields({ question })));
    return { id, options: await pollOptionIds(id) };
  }
  const counted = async (pollId: number) =>
    env.DB.prepare("select coalesce(sum(votes), 0) as n from poll_options where poll_id = ?")
      .bind(pollId)
      .first<number>("n");

  it.each([
    ["an Origin of another site", { origin: EVIL }],
    ["Sec-Fetch-Site: cross-site", { "sec-fetch-site": "cross-site" }],
  ])("are not counted when the browser says %s; the reader can vote here with one click", async (label, from) => {
    const poll = await openPoll(`Câu hỏi thử (${label})?`);
    const ip = freshIp();
    const res = await get(`/binh-chon/${poll.id}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "cf-connecting-ip": ip, ...from },
      body: new URLSearchParams({ option: String(poll.options[1]) }).toString(),
    });
    expect(res.status).toBe(403);
    // No vote cookie: nothing was counted for this browser.
    expect(res.headers.get("set-cookie") ?? "").not.toMatch(/\bbc-/);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const doc = parse(await res.text());
    expect(text(doc.querySelector(".form-error"))).toContain("được gửi từ một trang web khác nên không được tính");
    expect(doc.querySelector(`form[action='/binh-chon/${poll.id}'] input[checked]`)?.getAttribute("value")).toBe(
      String(poll.options[1]),
    );
    expect(await counted(poll.id)).toBe(0);

    const here = await postForm(
      `/binh-chon/${poll.id}`,
      { option: String(poll.options[1]) },
      { headers: { "cf-connecting-ip": ip } },
    );
    expect(here.status).toBe(303);
    expect(await counted(poll.id)).toBe(1);
  });

  it("are counted from an old browser that says nothing", async () => {
    const poll = await openPoll("Bạn có dùng trình duyệt cũ?");
    const res = await get(`/binh-chon/${poll.id}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "cf-connecting-ip": freshIp() },
      body: new URLSearchParams({ option: String(poll.options[0]) }).toString(),
    });
    expect(res.status).toBe(303);
    expect(await counted(poll.id)).toBe(1);
  });
});

describe("every reader form", () => {
  it("refuses a cross-site POST with 403 and stores nothing, whatever route a reader may POST to", async () => {
    const routes = new Set<string>();
    for (const r of createApp().routes) {
      if (r.method !== "POST" || r.path === "/admin" || r.path.startsWith("/admin/")) continue;
      routes.add(r.path);
    }
    // Today: comments and votes. A new reader form shows up here without anyone adding it.
    expect([...routes].sort()).toEqual(["/binh-chon/:id", "/binh-luan"]);
    const poll = await openPollForAll();
    const id = await articleId(target.headline);
    const before = await totals();
    for (const path of routes) {
      const ip = freshIp();
      const res = await get(path.replace(":id", String(poll.id)), {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "cf-connecting-ip": ip,
          origin: EVIL,
          "sec-fetch-site": "cross-site",
        },
        body: new URLSearchParams({
          article: String(id),
          option: String(poll.option),
          name: "Trang lạ",
          body: "Gửi hộ bạn đọc.",
          t: await tokenFor(ip),
          website: "",
        }).toString(),
      });
      expect(res.status, path).toBe(403);
      expect(await res.text(), path).toContain('lang="vi"');
    }
    expect(await totals()).toEqual(before);
  });
});

async function openPollForAll(): Promise<{ id: number; option: number }> {
  const editor = await loginAs("editor");
  const res = await editor.post("/admin/binh-chon", pollFields({ question: "Mọi biểu mẫu?", options: "Một\nHai" }));
  const id = pollIdFromLocation(res);
  const [option] = await pollOptionIds(id);
  return { id, option: option! };
}
const totals = async () => ({
  comments: await env.DB.prepare("select count(*) as n from comments").first<number>("n"),
  votes: await env.DB.prepare("select coalesce(sum(votes), 0) as n from poll_options").first<number>("n"),
  voters: await env.DB.prepare("select count(*) as n from poll_voters").first<number>("n"),
});
