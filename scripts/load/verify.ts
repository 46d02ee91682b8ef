// After the run, with wrangler dev stopped: every write the site accepted
// must be in D1 exactly once. Comments are found by their unique text, votes
// by the hashed client address the site keys them on, and each poll option's
// count must have grown by exactly the votes accepted for it.
import type { Env } from "../../src/env";
import { clientHash } from "../../src/http/client";
import type { LoadTargets } from "./targets";
import type { WriteLog } from "./writers";

export interface WriteCheck {
  commentsChecked: number;
  votesChecked: number;
  /** Human-readable findings; empty when nothing was lost or doubled. */
  problems: string[];
  /** Writes answered with a 5xx or not at all that are stored anyway (the answer was lost, not the write). */
  storedWithoutAnswer: number;
}

const hashOf = (env: Env, ip: string) =>
  clientHash(new Request("http://load.test/", { headers: { "cf-connecting-ip": ip } }), env);

export async function checkWrites(env: Env, targets: LoadTargets, log: WriteLog): Promise<WriteCheck> {
  const problems: string[] = [];
  let storedWithoutAnswer = 0;

  const { results: rows } = await env.DB.prepare("select article_id, body, status, ip_hash from comments").all<{
    article_id: number;
    body: string;
    status: string;
    ip_hash: string;
  }>();
  const byBody = new Map<string, typeof rows>();
  for (const r of rows) byBody.set(r.body, [...(byBody.get(r.body) ?? []), r]);
  const accepted = log.comments.filter((c) => c.outcome === "accepted");
  for (const c of accepted) {
    const found = byBody.get(c.body) ?? [];
    if (found.length === 0) problems.push(`comment lost: ${JSON.stringify(c.body)} (article ${c.articleId})`);
    else if (found.length > 1) problems.push(`comment stored ${found.length} times: ${JSON.stringify(c.body)}`);
    else {
      const row = found[0]!;
      if (row.article_id !== c.articleId)
        problems.push(
          `comment on the wrong article: ${JSON.stringify(c.body)} (${row.article_id}, expected ${c.articleId})`,
        );
      if (row.status !== "pending")
        problems.push(`comment not queued for moderation (${row.status}): ${JSON.stringify(c.body)}`);
      if (row.ip_hash !== (await hashOf(env, c.ip)))
        problems.push(`comment stored with another client's hash: ${JSON.stringify(c.body)}`);
    }
  }
  for (const c of log.comments.filter((x) => x.outcome !== "accepted" && byBody.has(x.body))) {
    if (c.outcome === "refused") problems.push(`comment refused (${c.status}) but stored: ${JSON.stringify(c.body)}`);
    else storedWithoutAnswer++;
  }

  const { results: voters } = await env.DB.prepare("select poll_id, voter from poll_voters").all<{
    poll_id: number;
    voter: string;
  }>();
  const votersByHash = new Map<string, number>();
  for (const v of voters) {
    const key = `${v.poll_id}|${v.voter.split(":")[0]}`;
    votersByHash.set(key, (votersByHash.get(key) ?? 0) + 1);
  }
  const acceptedVotes = log.votes.filter((v) => v.outcome === "accepted");
  for (const v of acceptedVotes) {
    const n = votersByHash.get(`${v.pollId}|${await hashOf(env, v.ip)}`) ?? 0;
    if (n !== 1) problems.push(`vote from ${v.ip} on poll ${v.pollId}: ${n} voter rows, expected 1`);
  }
  for (const v of log.votes.filter((x) => x.outcome !== "accepted")) {
    if (!votersByHash.has(`${v.pollId}|${await hashOf(env, v.ip)}`)) continue;
    if (v.outcome === "refused") problems.push(`vote from ${v.ip} refused (${v.status}) but counted`);
    else storedWithoutAnswer++;
  }

  // Each option grew by exactly its accepted votes. A vote answered with a
  // 5xx or not at all may still have landed (the answer can be lost after the
  // write), so those widen the upper bound; a refused vote must not count.
  const { results: options } = await env.DB.prepare("select id, poll_id, votes from poll_options").all<{
    id: number;
    poll_id: number;
    votes: number;
  }>();
  for (const o of options) {
    const grew = o.votes - (targets.votesBefore.get(o.id) ?? 0);
    const expected = acceptedVotes.filter((v) => v.optionId === o.id).length;
    const maybe = log.votes.filter(
      (v) => v.optionId === o.id && (v.outcome === "unknown" || v.outcome === "failed"),
    ).length;
    if (grew < expected)
      problems.push(`poll option ${o.id}: ${expected} votes accepted, count grew by ${grew} (votes lost)`);
    else if (grew > expected + maybe)
      problems.push(`poll option ${o.id}: ${expected} votes accepted, count grew by ${grew} (counted twice)`);
  }
  // The invariant the site promises: a poll's total is its number of voters.
  for (const pollId of new Set(options.map((o) => o.poll_id))) {
    const total = options.filter((o) => o.poll_id === pollId).reduce((n, o) => n + o.votes, 0);
    const rowsForPoll = voters.filter((v) => v.poll_id === pollId).length;
    if (total !== rowsForPoll) problems.push(`poll ${pollId}: options total ${total} but ${rowsForPoll} voters`);
  }
  return { commentsChecked: accepted.length, votesChecked: acceptedVotes.length, problems, storedWithoutAnswer };
}
