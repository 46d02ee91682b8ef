import { type Context, Hono } from "hono";
import { formSecret, sign, verify } from "../community/signing";
import { castVote, getPoll, isOpen, type PollWithOptions } from "../db/polls";
import type { AppEnv } from "../env";
import { clientHash } from "../http/client";
import { parseId } from "../http/ids";
import { Document } from "../views/Document";
import { FragmentSlot } from "../views/FragmentSlot";
import { PollResults } from "../views/PollBox";
import { renderDocument } from "../views/render";
import { notFoundPage } from "./errors";
import { cachedPage } from "./page-cache";
import { loadSiteInfo } from "./site-info";

/** A client may vote once per poll per window (shared mobile IPs get another chance later). */
export const VOTE_WINDOW_MS = 6 * 3600_000;

export const pollRoutes = new Hono<AppEnv>();

const cookieName = (id: number) => `bc-${id}`;

async function hasVoteCookie(c: Context<AppEnv>, id: number): Promise<boolean> {
  const value = (c.req.header("cookie") ?? "")
    .split(";")
    .map((p) => p.trim())
    .find((p) => p.startsWith(`${cookieName(id)}=`))
    ?.split("=")[1];
  return !!value && (await verify(formSecret(c.env), `vote:${id}`, value));
}

async function resultsPage(
  c: Context<AppEnv>,
  data: PollWithOptions,
  status: 200 | 400 | 409,
  message?: string,
): Promise<Response> {
  const site = await loadSiteInfo(c);
  return c.html(
    renderDocument(
      <Document site={site} title={`Kết quả: ${data.poll.question}`} canonicalPath={`/binh-chon/${data.poll.id}`}>
        <div class="article">
          <h1>{data.poll.question}</h1>
          <p id="da-binh-chon" class="notice" role="status">
            Cảm ơn bạn đã bình chọn!
          </p>
          {message && (
            <p class="form-error" role="alert">
              {message}
            </p>
          )}
          {status === 200 ? <FragmentSlot name={`poll-results-${data.poll.id}`} /> : <PollResults {...data} />}
          <p>
            <a href="/">← Về trang chủ</a>
          </p>
        </div>
      </Document>,
    ),
    status,
  );
}

/** The results page: its numbers are a fragment, so votes never purge it. */
pollRoutes.get("/:id", (c) => {
  const id = parseId(c.req.param("id"));
  if (!id) return notFoundPage(c);
  return cachedPage(c, { kind: "scopes", scopes: ["polls"] }, async () => {
    const data = await getPoll(c.var.db, id);
    if (!data || data.poll.archived) return notFoundPage(c);
    return resultsPage(c, data, 200);
  });
});

pollRoutes.post("/:id", async (c) => {
  const id = parseId(c.req.param("id"));
  const data = id ? await getPoll(c.var.db, id) : null;
  c.header("cache-control", "private, no-store");
  if (!data || data.poll.archived) {
    const res = await notFoundPage(c);
    return new Response(res.body, { status: 404, headers: res.headers });
  }
  const now = new Date();
  if (!isOpen(data.poll, now)) {
    return resultsPage(
      c,
      data,
      409,
      data.poll.opensAt > now
        ? "Cuộc bình chọn chưa bắt đầu."
        : "Cuộc bình chọn đã kết thúc. Đây là kết quả cuối cùng.",
    );
  }
  const body = await c.req.parseBody();
  const optionId = parseId(body.option);
  if (!optionId || !data.options.some((o) => o.id === optionId))
    return resultsPage(c, data, 400, "Hãy chọn một phương án trước khi bấm Bình chọn.");
  if (await hasVoteCookie(c, data.poll.id))
    return resultsPage(c, data, 409, "Bạn đã bình chọn cho câu hỏi này rồi. Cảm ơn bạn!");

  const window = Math.floor(now.getTime() / VOTE_WINDOW_MS);
  const voter = `${await clientHash(c.req.raw, c.env)}:${window}`;
  if (!(await castVote(c.var.db, data.poll.id, optionId, voter, now))) {
    return resultsPage(c, data, 409, "Lượt bình chọn từ thiết bị hoặc mạng của bạn đã được ghi nhận. Cảm ơn bạn!");
  }
  const signature = await sign(formSecret(c.env), `vote:${data.poll.id}`);
  c.header(
    "set-cookie",
    `${cookieName(data.poll.id)}=${signature}; Path=/binh-chon; Max-Age=31536000; HttpOnly; Secure; SameSite=Lax`,
  );
  return c.redirect(`/binh-chon/${data.poll.id}#da-binh-chon`, 303);
});
