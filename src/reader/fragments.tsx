import { renderToString } from "preact-render-to-string";
import { issueFormToken } from "../community/form-token";
import { formSecret } from "../community/signing";
import { listLatest } from "../db/articles";
import { activeBreakingNews } from "../db/breaking-news";
import { listApprovedComments } from "../db/comments";
import { findShownPoll, getPoll, isOpen } from "../db/polls";
import { mostRead } from "../db/views";
import type { FragmentDef, FragmentResolver } from "../edge/fragments";
import { scope } from "../edge/scopes";
import { BreakingNews } from "../views/BreakingNews";
import { CommentList } from "../views/CommentList";
import { LatestNews } from "../views/LatestNews";
import { MostRead } from "../views/MostRead";
import { PollBox, PollResults } from "../views/PollBox";
import { WeatherBox } from "../views/WeatherBox";
import { weatherBoxItems } from "../weather/box-data";
import { weatherPlaces } from "../weather/config";

export const LATEST_NEWS_COUNT = 5;

const latestNews: FragmentDef = {
  deps: { kind: "home" },
  ttl: 300,
  async render(c) {
    const items = await listLatest(c.var.db, { now: new Date(), limit: LATEST_NEWS_COUNT });
    return renderToString(<LatestNews items={items} />);
  },
};

/** Approved comments of one article; approving a comment bumps only this. */
function commentList(articleId: number): FragmentDef {
  return {
    deps: { kind: "scopes", scopes: [scope.comments(articleId)] },
    ttl: 300,
    async render(c) {
      return renderToString(<CommentList {...(await listApprovedComments(c.var.db, articleId))} />);
    },
  };
}

/** The comment form's signed timestamp: fresh for every reader, not part of the ETag. */
const commentToken: FragmentDef = {
  deps: { kind: "scopes", scopes: [] },
  ttl: 0,
  volatile: true,
  async render(c) {
    return `<input type="hidden" name="t" value="${await issueFormToken(formSecret(c.env))}">`;
  },
};

/** The poll box: the article's own poll, else the sidebar poll. Votes do not change it. */
function pollBox(articleId?: number): FragmentDef {
  return {
    deps: { kind: "scopes", scopes: [scope.polls] },
    // Polls open and close on their own clock.
    ttl: 60,
    async render(c) {
      const now = new Date();
      const data = await findShownPoll(c.var.db, now, articleId);
      return data ? renderToString(<PollBox data={data} open={isOpen(data.poll, now)} />) : "";
    },
  };
}

/** A poll's live results; each vote bumps only this. */
function pollResults(pollId: number): FragmentDef {
  return {
    deps: { kind: "scopes", scopes: [scope.poll(pollId)] },
    ttl: 30,
    async render(c) {
      const data = await getPoll(c.var.db, pollId);
      return data ? renderToString(<PollResults {...data} />) : "";
    },
  };
}

/** The weather box on every page; a new forecast bumps only this. */
const weatherBox: FragmentDef = {
  deps: { kind: "scopes", scopes: [scope.weather] },
  // Re-rendered at least every 5 minutes so "stale" and "hidden" follow the clock.
  ttl: 300,
  async render(c) {
    return renderToString(<WeatherBox items={await weatherBoxItems(c.var.db, weatherPlaces(c.env), new Date())} />);
  },
};

/** "Đọc nhiều": recounted at most every 5 minutes; views never bump anything. */
const mostReadBox: FragmentDef = {
  deps: { kind: "scopes", scopes: [] },
  ttl: 300,
  async render(c) {
    const now = new Date();
    const [day, week] = await Promise.all([
      mostRead(c.var.db, new Date(now.getTime() - 24 * 3600_000), now, 5),
      mostRead(c.var.db, new Date(now.getTime() - 7 * 24 * 3600_000), now, 5),
    ]);
    return renderToString(<MostRead day={day} week={week} />);
  },
};

/**
 * The "Tin nóng" banner on every page. Starting or ending one bumps its scope
 * (shown at once, no page re-rendered); expiry needs no write: the 15-second
 * clock re-reads it.
 */
const breakingNewsBanner: FragmentDef = {
  deps: { kind: "scopes", scopes: [scope.breaking] },
  ttl: 15,
  async render(c) {
    const item = await activeBreakingNews(c.var.db, new Date());
    return item ? renderToString(<BreakingNews text={item.text} url={item.url} />) : "";
  },
};

/** The reader pages' fragments, by the name their placeholders carry. */
export const readerFragments: FragmentResolver = (name) => {
  if (name === "latest-news") return latestNews;
  if (name === "weather") return weatherBox;
  if (name === "most-read") return mostReadBox;
  if (name === "comment-token") return commentToken;
  if (name === "breaking") return breakingNewsBanner;
  const comments = /^comments-([1-9][0-9]{0,9})$/.exec(name);
  if (comments) return commentList(Number(comments[1]));
  if (name === "poll") return pollBox();
  const articlePoll = /^poll-a([1-9][0-9]{0,9})$/.exec(name);
  if (articlePoll) return pollBox(Number(articlePoll[1]));
  const results = /^poll-results-([1-9][0-9]{0,9})$/.exec(name);
  if (results) return pollResults(Number(results[1]));
  return undefined;
};
