// Issue 21, item 8b: a poll's results page leaked its question and options
// before the poll opened. Until it opens (the newsroom's "Chưa mở") and once
// archived, /binh-chon/{id} answers exactly as for a poll that does not
// exist: 404, the same page, nothing of the poll, no vote counted.
import { env } from "cloudflare:test";
import { parse } from "node-html-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { toVietnamLocalInput } from "../src/vi/dates";
import { loadDemo } from "./setup/demo";
import { get, text } from "./setup/http";
import { type Editor, loginAs, pollIdFromLocation, postForm } from "./setup/newsroom";

let editor: Editor;
beforeAll(async () => {
  await loadDemo();
  editor = await loginAs("editor");
});

const QUESTION = "Có nên làm cầu qua sông Gành Hào trước Tết?";
const OPTIONS = ["Nên làm ngay", "Chờ sau Tết"];

async function createPoll(opensAt: Date): Promise<number> {
  const res = await editor.post("/admin/binh-chon", {
    question: QUESTION,
    options: OPTIONS.join("\n"),
    placement: "sidebar",
    articleIds: "",
    opensAt: toVietnamLocalInput(opensAt),
    closesAt: toVietnamLocalInput(new Date(opensAt.getTime() + 7 * 86_400_000)),
  });
  expect(res.status).toBe(303);
  return pollIdFromLocation(res);
}

/** What a reader (or a script) learns from an answer: status, caching, the page's heading and whether the poll shows. */
async function seen(res: Response) {
  const html = await res.text();
  return {
    status: res.status,
    cacheControl: res.headers.get("cache-control"),
    heading: text(parse(html).querySelector("h1")),
    leaks: [QUESTION, ...OPTIONS].filter((s) => html.includes(s)),
  };
}

const votes = (pollId: number) =>
  env.DB.prepare("select count(*) as n from poll_voters where poll_id = ?").bind(pollId).first<number>("n");

describe("a poll before it opens", () => {
  it("has a results page that answers like an unknown poll's, twice (nothing cached as found)", async () => {
    const id = await createPoll(new Date(Date.now() + 3_600_000));
    const unknown = await seen(await get("/binh-chon/987654"));
    expect(unknown).toMatchObject({ status: 404, leaks: [] });
    expect(await seen(await get(`/binh-chon/${id}`))).toEqual(unknown);
    expect(await seen(await get(`/binh-chon/${id}`))).toEqual(unknown);
  });

  it("refuses a vote like an unknown poll, showing nothing of it and counting nothing", async () => {
    const id = await createPoll(new Date(Date.now() + 3_600_000));
    const option = await env.DB.prepare("select id from poll_options where poll_id = ? order by position")
      .bind(id)
      .first<number>("id");
    const unknown = await seen(await postForm("/binh-chon/987654", { option: "1" }));
    expect(unknown).toMatchObject({ status: 404, leaks: [] });
    const res = await postForm(
      `/binh-chon/${id}`,
      { option: String(option) },
      { headers: { "cf-connecting-ip": "198.51.100.9" } },
    );
    expect(await seen(res)).toEqual(unknown);
    expect(await votes(id)).toBe(0);
  });

  it("shows its results once it has opened", async () => {
    const id = await createPoll(new Date(Date.now() + 3_600_000));
    expect((await get(`/binh-chon/${id}`)).status).toBe(404);
    // Time passes: nothing is written when a poll opens, so the page must not depend on a write.
    await env.DB.prepare("update polls set opens_at = ? where id = ?")
      .bind(Date.now() - 1000, id)
      .run();
    const opened = await seen(await get(`/binh-chon/${id}`));
    expect(opened.status).toBe(200);
    expect(opened.heading).toBe(QUESTION);
    expect(opened.leaks).toEqual([QUESTION, ...OPTIONS]);
  });

  it("an archived poll is gone the same way", async () => {
    const id = await createPoll(new Date(Date.now() - 60_000));
    expect((await get(`/binh-chon/${id}`)).status).toBe(200);
    await editor.post(`/admin/binh-chon/${id}/trang-thai`, { "hanh-dong": "luu-tru" });
    expect(await seen(await get(`/binh-chon/${id}`))).toEqual(await seen(await get("/binh-chon/987654")));
  });
});
