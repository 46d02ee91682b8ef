import { env } from "cloudflare:test";
import { parse } from "node-html-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_ARTICLES } from "../scripts/demo/articles/index";
import { loadDemo } from "./setup/demo";
import { articleId, articleUrl } from "./setup/demo-urls";
import { get, text } from "./setup/http";
import { loginAs, pollFields, pollIdFromLocation, pollOptionIds, postForm } from "./setup/newsroom";

beforeAll(loadDemo);

async function createPoll(
  question: string,
  options = "Có\nKhông\nChưa rõ",
  over: Record<string, string> = {},
): Promise<number> {
  const editor = await loginAs("editor");
  const res = await editor.post("/admin/binh-chon", pollFields({ question, options, ...over }));
  expect(
    res.status,
    await res
      .clone()
      .text()
      .then((t) => text(parse(t).querySelector(".error"))),
  ).toBe(303);
  return pollIdFromLocation(res);
}

const totals = async (pollId: number) => {
  const sum = await env.DB.prepare("select sum(votes) as n from poll_options where poll_id = ?")
    .bind(pollId)
    .first<number>("n");
  const voters = await env.DB.prepare("select count(*) as n from poll_voters where poll_id = ?")
    .bind(pollId)
    .first<number>("n");
  return { sum, voters };
};
const vote = (pollId: number, optionId: number, headers: Record<string, string> = {}) =>
  postForm(`/binh-chon/${pollId}`, { option: String(optionId) }, { headers });
/** A vote whose answer is read to the end, as a browser would. */
const voteStatus = async (pollId: number, optionId: number, headers: Record<string, string>) => {
  const res = await vote(pollId, optionId, headers);
  await res.arrayBuffer();
  return res.status;
};

describe("polls", () => {
  it("show as a plain form in the home page's poll box, and count a vote with a signed cookie", async () => {
    const id = await createPoll("Bạn có ủng hộ mở rộng phố đi bộ?");
    const home = parse(await (await get("/")).text());
    expect(text(home.querySelector(".poll legend"))).toBe("Bạn có ủng hộ mở rộng phố đi bộ?");
    expect(home.querySelectorAll(".poll input[type=radio]")).toHaveLength(3);
    expect(home.querySelector(".poll form")?.getAttribute("action")).toBe(`/binh-chon/${id}`);

    const [yes] = await pollOptionIds(id);
    const res = await vote(id, yes!, { "cf-connecting-ip": "203.0.113.50" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/binh-chon/${id}#da-binh-chon`);
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(
      new RegExp(`^bc-${id}=[^;]+; Max-Age=31536000; Path=/binh-chon;.*HttpOnly; Secure; SameSite=Lax`),
    );

    // The same browser from another network is refused politely and sees the results.
    const again = await vote(id, yes!, { "cf-connecting-ip": "203.0.113.51", cookie: cookie.split(";")[0]! });
    expect(again.status).toBe(409);
    const doc = parse(await again.text());
    expect(text(doc.querySelector(".form-error"))).toContain("Bạn đã bình chọn cho câu hỏi này rồi");
    expect(text(doc.querySelector(".poll-results li"))).toContain("Có1 (100%)");
    expect(await totals(id)).toEqual({ sum: 1, voters: 1 });

    // A cookie whose signature was tampered with proves nothing: the vote goes on to the per-network check.
    const forged = cookie.split(";")[0]!.replace(/\.(.)/, (_, ch) => (ch === "A" ? ".B" : ".A"));
    const fresh = await vote(id, yes!, { "cf-connecting-ip": "203.0.113.52", cookie: forged });
    expect(fresh.status).toBe(303);
    expect(await totals(id)).toEqual({ sum: 2, voters: 2 });
  });

  it("counts 1,000 votes from one client once", async () => {
    const id = await createPoll("Một người bấm nhiều lần?");
    const [a, b] = await pollOptionIds(id);
    const client = { "cf-connecting-ip": "203.0.113.77" };
    const statuses: number[] = [];
    for (let batch = 0; batch < 20; batch++) {
      statuses.push(
        ...(await Promise.all(Array.from({ length: 50 }, (_, i) => voteStatus(id, i % 2 ? a! : b!, client)))),
      );
    }
    expect(statuses.filter((s) => s === 303)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(999);
    expect(await totals(id)).toEqual({ sum: 1, voters: 1 });
  }, 120_000);

  it("counts every one of 200 concurrent votes from distinct clients, totals equal to the sum of options", async () => {
    const id = await createPoll("Hai trăm người cùng lúc?");
    const options = await pollOptionIds(id);
    const statuses = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        voteStatus(id, options[i % 3]!, { "cf-connecting-ip": `10.${Math.floor(i / 250)}.${i % 250}.9` }),
      ),
    );
    expect(statuses.every((s) => s === 303)).toBe(true);
    expect(await totals(id)).toEqual({ sum: 200, voters: 200 });
    const results = parse(await (await get(`/binh-chon/${id}`)).text());
    expect(text(results.querySelector(".poll-total"))).toBe("200 lượt bình chọn");
    expect(results.querySelectorAll(".poll-results li").map((li) => text(li.querySelector(".poll-count")))).toEqual([
      "67 (33,5%)",
      "67 (33,5%)",
      "66 (33%)",
    ]);
  }, 60_000);

  it("refuse votes on closed, unknown or archived polls, and unknown options, with a message", async () => {
    const id = await createPoll("Cuộc bình chọn sẽ đóng sớm?");
    const [opt] = await pollOptionIds(id);
    expect((await vote(id, 999_999, { "cf-connecting-ip": "192.0.2.1" })).status).toBe(400);
    const editor = await loginAs("editor");
    await editor.post(`/admin/binh-chon/${id}/trang-thai`, { "hanh-dong": "dong" });
    const closed = await vote(id, opt!, { "cf-connecting-ip": "192.0.2.2" });
    expect(closed.status).toBe(409);
    expect(await closed.text()).toContain("Cuộc bình chọn đã kết thúc");
    const unknown = await vote(987_654, 1);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain("Không tìm thấy trang");
    await editor.post(`/admin/binh-chon/${id}/trang-thai`, { "hanh-dong": "luu-tru" });
    expect((await vote(id, opt!, { "cf-connecting-ip": "192.0.2.3" })).status).toBe(404);
    expect(await totals(id)).toEqual({ sum: 0, voters: 0 });
  });

  it("update the results fragment on a vote without purging the cached results page", async () => {
    const id = await createPoll("Kết quả cập nhật ngay?", "Có\nKhông");
    const [yes] = await pollOptionIds(id);
    await get(`/binh-chon/${id}`);
    await get(`/binh-chon/${id}`);
    await vote(id, yes!, { "cf-connecting-ip": "198.51.100.200" });
    const after = await get(`/binh-chon/${id}`);
    expect(after.headers.get("x-cache")).toBe("HIT");
    expect(text(parse(await after.text()).querySelector(".poll-total"))).toBe("1 lượt bình chọn");
  });

  it("show on the pages of the articles they are attached to, already cached, and the site's poll elsewhere", async () => {
    const [a, b] = await Promise.all(DEMO_ARTICLES.slice(0, 2).map((x) => articleUrl(x.headline)));
    const [idA, idB] = await Promise.all(DEMO_ARTICLES.slice(0, 2).map((x) => articleId(x.headline)));
    const pollOn = async (path: string) => {
      const res = await get(path);
      return {
        cache: res.headers.get("x-cache"),
        question: text(parse(await res.text()).querySelector(".poll legend")),
      };
    };
    for (const path of [a!, b!]) await get(path);
    const site = await pollOn(b!);
    expect(site.cache).toBe("HIT");
    expect(site.question).not.toBe("");

    const question = "Bạn đã đọc hết bài này chưa?";
    const attached = await createPoll(question, "Rồi\nChưa", { placement: "articles", articleIds: String(idA) });
    expect((await pollOn(a!)).question).toBe(question);
    // Another article's page is not even rendered again: it keeps the site's poll.
    expect(await pollOn(b!)).toEqual(site);

    // Attached to that article as well (an edit before any vote): its page shows it too.
    const editor = await loginAs("editor");
    const edit = await editor.post(
      `/admin/binh-chon/${attached}`,
      pollFields({ question, options: "Rồi\nChưa", placement: "articles", articleIds: `${idA}, ${idB}` }),
    );
    expect(edit.status).toBe(303);
    expect((await pollOn(b!)).question).toBe(question);
  });

  it("can be edited only before the first vote", async () => {
    const id = await createPoll("Câu hỏi có lỗi chính tả?", "Có\nKhông");
    const editor = await loginAs("editor");
    const fields = (question: string) => pollFields({ question });
    expect((await editor.post(`/admin/binh-chon/${id}`, fields("Câu hỏi đã sửa chính tả?"))).status).toBe(303);
    const [yes] = await pollOptionIds(id);
    await vote(id, yes!, { "cf-connecting-ip": "198.51.100.201" });
    const locked = await editor.post(`/admin/binh-chon/${id}`, fields("Sửa sau khi đã có phiếu"));
    expect(locked.status).toBe(409);
    expect(await locked.text()).toContain("Đã có người bình chọn");
    expect(await env.DB.prepare("select question from polls where id = ?").bind(id).first("question")).toBe(
      "Câu hỏi đã sửa chính tả?",
    );
    expect(await totals(id)).toEqual({ sum: 1, voters: 1 });
  });

  it("refuse a poll with fewer than 2 or more than 10 options", async () => {
    const editor = await loginAs("editor");
    for (const options of ["Chỉ một", Array.from({ length: 11 }, (_, i) => `Phương án ${i}`).join("\n")]) {
      const res = await editor.post("/admin/binh-chon", pollFields({ question: "Hỏi?", options }));
      expect(res.status).toBe(400);
      expect(await res.text()).toContain("Cần từ 2 đến 10 phương án");
    }
  });
});
