// Polls: counts live in poll_options.votes; every counted vote is one
// poll_voters row and one +1 in the same transaction, so totals always equal
// the sum of the options.

import { and, asc, desc, eq, gt, lte, sql } from "drizzle-orm";
import type { PollWithOptions } from "../model/community";
import { scope } from "../model/content-scopes";
import type { Poll } from "../model/records";
import type { PollPlacement } from "../model/statuses";
import { runBatch } from "./batch";
import type { Database } from "./client";
import { readOnce, reads } from "./read-batch";
import { pollArticles, pollOptions, polls, pollVoters } from "./schema";
import { writeContent } from "./versions";

export async function getPoll(db: Database, id: number): Promise<PollWithOptions | null> {
  const [[poll], options] = await Promise.all([
    db.select().from(polls).where(eq(polls.id, id)).limit(1),
    db.select().from(pollOptions).where(eq(pollOptions.pollId, id)).orderBy(asc(pollOptions.position)),
  ]);
  return poll ? { poll, options } : null;
}

export const isOpen = (poll: Poll, now: Date) => !poll.archived && poll.opensAt <= now && poll.closesAt > now;

/**
 * Whether readers may see a poll at all: opened and not archived. Before it
 * opens (the newsroom's "Chưa mở", its draft) its question and options are
 * the newsroom's: the results page is a 404 like an unknown poll's.
 */
export const isPublic = (poll: Poll, now: Date) => !poll.archived && poll.opensAt <= now;

/**
 * The poll to show: one attached to the article if any, else the newest
 * sidebar poll; open or recently closed. One round trip: the choice is a
 * subquery of both reads, sent as one batch.
 */
export async function findShownPoll(db: Database, now: Date, articleId?: number): Promise<PollWithOptions | null> {
  const visible = and(
    eq(polls.archived, false),
    lte(polls.opensAt, now),
    gt(polls.closesAt, new Date(now.getTime() - 7 * 24 * 3600_000)),
  );
  const sidebar = db
    .select({ id: polls.id })
    .from(polls)
    .where(and(visible, eq(polls.placement, "sidebar")))
    .orderBy(desc(polls.opensAt))
    .limit(1);
  const attached = articleId
    ? db
        .select({ id: polls.id })
        .from(polls)
        .innerJoin(pollArticles, eq(pollArticles.pollId, polls.id))
        .where(and(visible, eq(pollArticles.articleId, articleId)))
        .orderBy(desc(polls.opensAt))
        .limit(1)
    : undefined;
  const chosen = attached ? sql`coalesce((${attached}), (${sidebar}))` : sql`(${sidebar})`;
  const [[poll], options] = await readOnce(
    db,
    reads(
      [
        db.select().from(polls).where(eq(polls.id, chosen)).limit(1),
        db.select().from(pollOptions).where(eq(pollOptions.pollId, chosen)).orderBy(asc(pollOptions.position)),
      ],
      (results) => results,
    ),
  );
  return poll ? { poll, options } : null;
}

export function listPolls(db: Database) {
  return db.select().from(polls).orderBy(desc(polls.createdAt), desc(polls.id)).limit(100);
}

export interface PollInput {
  question: string;
  options: string[];
  placement: PollPlacement;
  opensAt: Date;
  closesAt: Date;
  articleIds: number[];
}

export async function createPoll(db: Database, input: PollInput): Promise<number> {
  const [row] = await db
    .insert(polls)
    .values({ question: input.question, placement: input.placement, opensAt: input.opensAt, closesAt: input.closesAt })
    .returning({ id: polls.id });
  const id = row!.id;
  await writeContent(
    db,
    [
      ...input.options.map((label, position) => db.insert(pollOptions).values({ pollId: id, label, position })),
      ...input.articleIds.map((articleId) =>
        db.insert(pollArticles).values({ pollId: id, articleId }).onConflictDoNothing(),
      ),
    ],
    // The pages of the articles it is attached to show a poll box of their own from now on (ArticleFull.hasPoll).
    [scope.polls, scope.poll(id), ...input.articleIds.map(scope.article)],
  );
  return id;
}

/** Rewrites a poll that has no votes yet; false if someone has voted. */
export async function updatePollBeforeVotes(db: Database, id: number, input: PollInput): Promise<boolean> {
  const results = await runBatch(db, [
    // Only while no vote exists; the rest of the batch keys off this row count.
    sql`update polls set question = ${input.question}, placement = ${input.placement}, opens_at = ${input.opensAt.getTime()}, closes_at = ${input.closesAt.getTime()}
        where id = ${id} and not exists (select 1 from poll_voters where poll_id = ${id})`,
  ]);
  if (!results[0]?.meta.changes) return false;
  await writeContent(
    db,
    [
      sql`delete from poll_options where poll_id = ${id} and not exists (select 1 from poll_voters where poll_id = ${id})`,
      ...input.options.map(
        (label, position) =>
          sql`insert into poll_options (poll_id, label, position) select ${id}, ${label}, ${position} where not exists (select 1 from poll_voters where poll_id = ${id})`,
      ),
      db.delete(pollArticles).where(eq(pollArticles.pollId, id)),
      ...input.articleIds.map((articleId) =>
        db.insert(pollArticles).values({ pollId: id, articleId }).onConflictDoNothing(),
      ),
    ],
    // A page an article's poll is newly attached to swaps the site's poll box for its own
    // (ArticleFull.hasPoll); one it was taken from keeps its own box, which falls back to the site's.
    [scope.polls, scope.poll(id), ...input.articleIds.map(scope.article)],
  );
  return true;
}

export async function closePoll(db: Database, id: number, now: Date): Promise<void> {
  await writeContent(
    db,
    [sql`update polls set closes_at = min(closes_at, ${now.getTime()}) where id = ${id}`],
    [scope.polls, scope.poll(id)],
  );
}

export async function archivePoll(db: Database, id: number): Promise<void> {
  await writeContent(
    db,
    [db.update(polls).set({ archived: true }).where(eq(polls.id, id))],
    [scope.polls, scope.poll(id)],
  );
}

export async function voteCount(db: Database, id: number): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)` }).from(pollVoters).where(eq(pollVoters.pollId, id));
  return row?.n ?? 0;
}

/**
 * Counts one vote for `voter` (a client key for the current window) unless it
 * already voted: the voter row and the +1 land in one transaction, and the +1
 * only applies if this request's own voter row went in.
 */
export async function castVote(
  db: Database,
  pollId: number,
  optionId: number,
  voter: string,
  now: Date,
): Promise<boolean> {
  // A client hammering the button costs a read, not a write transaction.
  const [seen] = await db
    .select({ v: pollVoters.voter })
    .from(pollVoters)
    .where(and(eq(pollVoters.pollId, pollId), eq(pollVoters.voter, voter)))
    .limit(1);
  if (seen) return false;
  const token = crypto.randomUUID();
  const [, counted] = await writeContent(
    db,
    [
      sql`insert into poll_voters (poll_id, voter, token, created_at) values (${pollId}, ${voter}, ${token}, ${now.getTime()}) on conflict do nothing`,
      sql`update poll_options set votes = votes + 1 where id = ${optionId} and poll_id = ${pollId}
        and exists (select 1 from poll_voters where poll_id = ${pollId} and voter = ${voter} and token = ${token})`,
    ],
    [scope.poll(pollId)],
    now.getTime(),
    // A busy poll would spend Workers Cache's purge rate (5 a minute) on votes; its
    // results page lives 15 s there, and the voter, who now has its cookie, gets past it.
    { purge: false },
  );
  // No version bump for the pages: only the results fragment's scope moves.
  return (counted?.meta.changes ?? 0) === 1;
}

export async function pollArticleIds(db: Database, pollId: number): Promise<number[]> {
  return (
    await db.select({ id: pollArticles.articleId }).from(pollArticles).where(eq(pollArticles.pollId, pollId))
  ).map((r) => r.id);
}
