// The writers: each one is a stream of readers arriving one after another,
// each from its own address, who opens an article, votes in its poll and,
// once the form is old enough to pass the 3-second check, posts a comment.
// The address goes in CF-Connecting-IP, the header the site hashes for its
// per-client limits: Cloudflare's edge sets it, and locally miniflare keeps
// the one the client sent, so no switch in the site is needed. Every answer
// is written down so the database can be checked afterwards.
import { MIN_FILL_MS } from "../../src/community/form-token";
import { type PollForm, type ReaderForm, readerForms } from "./forms";
import { ServerErrors } from "./server-errors";
import type { LoadTargets } from "./targets";

/** accepted: the site said it was stored; refused: a 4xx or a form page again; failed: 5xx; unknown: no answer. */
export type Outcome = "accepted" | "refused" | "failed" | "unknown";

export interface CommentWrite {
  ip: string;
  articleId: number;
  body: string;
  outcome: Outcome;
  status: number;
}
export interface VoteWrite {
  ip: string;
  pollId: number;
  optionId: number;
  outcome: Outcome;
  status: number;
}

export interface WriteLog {
  comments: CommentWrite[];
  votes: VoteWrite[];
  /** Status counts of every request the writers made (page loads included). */
  byStatus: Record<string, number>;
  /** Milliseconds per request, for p50/p99. */
  latencies: number[];
  /** Article pages that came back without a comment or poll form. */
  missingForms: number;
  serverErrors: ServerErrors;
}

interface PendingComment {
  ip: string;
  articleId: number;
  form: ReaderForm;
  dueAt: number;
}

// A little over the 3 s the site asks for: the form's clock starts on the server, before we see it.
const FILL_MS = MIN_FILL_MS + 250;
const TIMEOUT_MS = 30_000;
const NAMES = [
  "Nguyễn Văn An",
  "Trần Thị Bích",
  "Lê Hoàng Phúc",
  "Phạm Ngọc Hân",
  "Huỳnh Minh Tâm",
  "Võ Thị Thu",
  "Đặng Quốc Bảo",
  "Bùi Thanh Hương",
];
const OPINIONS = [
  "Cảm ơn tòa soạn đã đưa tin kịp thời, bà con ở xã tôi rất cần thông tin này.",
  "Mong chính quyền sớm có giải pháp, mùa mưa năm nào đường cũng ngập.",
  "Bài viết hay, nhưng nên nói rõ hơn về chi phí mà người dân phải đóng.",
  "Tôi ủng hộ, nhưng cần lấy ý kiến người dân trước khi làm.",
];

const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A documentation-range IPv6 address (2001:db8::/32), one per reader: writer w, reader n. */
export const readerIp = (w: number, n: number) => `2001:db8:${(w + 1).toString(16)}::${(n + 1).toString(16)}`;

export async function runWriters(
  baseUrl: string,
  targets: LoadTargets,
  writers: number,
  durationS: number,
): Promise<WriteLog> {
  const log: WriteLog = {
    comments: [],
    votes: [],
    byStatus: {},
    latencies: [],
    missingForms: 0,
    serverErrors: new ServerErrors(),
  };
  const endAt = Date.now() + durationS * 1000;

  /** One request as a browser would send it; null when no answer came. */
  async function send(
    path: string,
    ip: string,
    form?: Record<string, string>,
  ): Promise<{ status: number; location: string; html: string } | null> {
    const started = performance.now();
    try {
      const res = await fetch(baseUrl + path, {
        method: form ? "POST" : "GET",
        redirect: "manual",
        headers: {
          "cf-connecting-ip": ip,
          ...(form ? { "content-type": "application/x-www-form-urlencoded", origin: baseUrl } : {}),
        },
        body: form ? new URLSearchParams(form) : undefined,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      const html = await res.text();
      log.latencies.push(performance.now() - started);
      log.byStatus[res.status] = (log.byStatus[res.status] ?? 0) + 1;
      if (res.status >= 500) log.serverErrors.record(`${form ? "POST" : "GET"} ${path}`, res.status, html);
      return { status: res.status, location: res.headers.get("location") ?? "", html };
    } catch {
      log.byStatus.error = (log.byStatus.error ?? 0) + 1;
      return null;
    }
  }

  const outcome = (res: { status: number; location: string } | null, acceptedAt: string): Outcome =>
    !res
      ? "unknown"
      : res.status >= 500
        ? "failed"
        : res.status === 303 && res.location === acceptedAt
          ? "accepted"
          : "refused";

  async function vote(ip: string, poll: PollForm): Promise<void> {
    const optionId = pick(poll.options);
    const res = await send(poll.action, ip, { ...poll.fields, option: String(optionId) });
    log.votes.push({
      ip,
      pollId: poll.pollId,
      optionId,
      outcome: outcome(res, `${poll.action}#da-binh-chon`),
      status: res?.status ?? 0,
    });
  }

  async function comment(p: PendingComment, w: number, n: number): Promise<void> {
    // Unique text: the site refuses duplicates, and the check afterwards finds each comment by it.
    const body = `${pick(OPINIONS)}\n(Bạn đọc ${w + 1}.${n + 1} thử tải)`;
    const res = await send(p.form.action, p.ip, {
      ...p.form.fields,
      name: pick(NAMES),
      email: n % 3 ? "" : `ban-doc-${w}-${n}@example.com`,
      body,
    });
    const path = targets.articles.find((a) => a.id === p.articleId)!.path;
    log.comments.push({
      ip: p.ip,
      articleId: p.articleId,
      body,
      outcome: outcome(res, `${path}#binh-luan-da-gui`),
      status: res?.status ?? 0,
    });
  }

  async function writer(w: number): Promise<void> {
    const pending: (PendingComment & { n: number })[] = [];
    for (let n = 0; Date.now() < endAt; n++) {
      const ip = readerIp(w, n);
      const article = pick(targets.articles);
      const page = await send(article.path, ip);
      if (page?.status !== 200) {
        await sleep(100);
        continue;
      }
      const forms = readerForms(page.html);
      if (!forms.comment || !forms.poll) {
        log.missingForms++;
        continue;
      }
      await vote(ip, forms.poll);
      pending.push({ ip, articleId: article.id, form: forms.comment, dueAt: Date.now() + FILL_MS, n });
      while (pending[0] && pending[0].dueAt <= Date.now()) {
        const p = pending.shift()!;
        await comment(p, w, p.n);
      }
    }
    // Readers who already have the form open still send their comment.
    for (const p of pending) {
      await sleep(p.dueAt - Date.now());
      await comment(p, w, p.n);
    }
  }

  await Promise.all(Array.from({ length: writers }, (_, w) => writer(w)));
  return log;
}
