import { type Context, Hono } from "hono";
import { getSignedCookie, setSignedCookie } from "hono/cookie";
import { formSecret } from "../community/signing";
import { castVote, getPoll, isOpen, isPublic } from "../db/polls";
import type { AppEnv } from "../env";
import { clientHash } from "../http/client";
import { parseId } from "../http/ids";
import type { PollWithOptions } from "../model/community";
import { Document } from "../views/Document";
import { FragmentSlot } from "../views/FragmentSlot";
import { PollBox, PollResults } from "../views/PollBox";
import { renderDocument } from "../views/render";
import { notFoundPage } from "./errors";
import { postedCrossSite } from "./form-origin";
import { cachedPage } from "./page-cache";
import { loadSiteInfo } from "./site-info";

/** A client may vote once per poll per window (shared mobile IPs get another chance later). */
export const VOTE_WINDOW_MS = 6 * 3600_000;

export const pollRoutes = new Hono<AppEnv>();

const cookieName = (id: number) => `bc-${id}`;

/** The signed value names its poll, so one poll's cookie cannot stand for another's. */
const voteMark = (id: number) => `vote:${id}`;

async function hasVoteCookie(c: Context<AppEnv>, id: number): Promise<boolean> {
  return (await getSignedCookie(c, formSecret(c.env), cookieName(id))) === voteMark(id);
}

async function resultsPage(
  c: Context<AppEnv>,
  data: PollWithOptions,
  status: 200 | 400 | 403 | 409,
  message?: string,
  /** A vote refused for coming from another site: the form again, the reader's choice ticked. */
  chosen?: number,
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
          {status === 200 ? (
            <FragmentSlot fragment={{ kind: "poll-results", id: data.poll.id }} />
          ) : status === 403 ? (
            <PollBox data={data} open={isOpen(data.poll, new Date())} chosen={chosen} />
          ) : (
            <PollResults {...data} />
          )}
          <p>
            <a href="/">← Về trang chủ</a>
          </p>
        </div>
      </Document>,
    ),
    status,
  );
}

/**
 * The results page: its numbers are a fragment, so votes never purge it.
 * Before the poll opens it is a 404 like an unknown poll's (not stored, and
 * a browser keeps it at most a minute), so it shows within a minute of opening.
 */
pollRoutes.get("/:id", (c) => {
  const id = parseId(c.req.param("id"));
  if (!id) return notFoundPage(c);
  return cachedPage(c, { kind: "scopes", scopes: ["polls"] }, async () => {
    const data = await getPoll(c.var.db, id);
    if (!data || !isPublic(data.poll, new Date())) return notFoundPage(c);
    return resultsPage(c, data, 200);
  });
});

pollRoutes.post("/:id", async (c) => {
  const id = parseId(c.req.param("id"));
  const data = id ? await getPoll(c.var.db, id) : null;
  c.header("cache-control", "private, no-store");
  const now = new Date();
  // A poll not yet open is unknown to readers here too: its results page would show its question.
  if (!data || !isPublic(data.poll, now)) {
    const res = await notFoundPage(c);
    return new Response(res.body, { status: 404, headers: res.headers });
  }
  // Another site's page posted this vote: not counted, the reader may vote here with one click.
  if (postedCrossSite(c)) {
    const chosen = parseId((await c.req.parseBody()).option) ?? undefined;
    return resultsPage(
      c,
      data,
      403,
      "Lượt bình chọn này được gửi từ một trang web khác nên không được tính. Nếu đúng là bạn muốn bình chọn, hãy bấm “Bình chọn” bên dưới.",
      chosen,
    );
  }
  if (!isOpen(data.poll, now)) {
    return resultsPage(c, data, 409, "Cuộc bình chọn đã kết thúc. Đây là kết quả cuối cùng.");
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
  await setSignedCookie(c, cookieName(data.poll.id), voteMark(data.poll.id), formSecret(c.env), {
    path: "/binh-chon",
    maxAge: 31_536_000,
    httpOnly: true,
    secure: true,
    sameSite: "Lax",
  });
  return c.redirect(`/binh-chon/${data.poll.id}#da-binh-chon`, 303);
});
