import { renderToString } from "preact-render-to-string";
import { issueFormToken, issuePageToken } from "../community/form-token";
import { formSecret } from "../community/signing";
import { listLatest } from "../db/articles";
import { activeBreakingNews } from "../db/breaking-news";
import { listApprovedComments } from "../db/comments";
import { findShownPoll, getPoll, isOpen } from "../db/polls";
import { mostRead } from "../db/views";
import { weatherBoxItems } from "../db/weather-box";
import type { FragmentDef, FragmentResolver } from "../edge/fragments";
import { edgeCacheMode } from "../edge/policy";
import type { PageDeps } from "../model/content-scopes";
import { scope } from "../model/content-scopes";
import { type FragmentKind, type FragmentRef, parseFragmentName } from "../model/fragments";
import { BreakingNews } from "../views/BreakingNews";
import { CommentList } from "../views/CommentList";
import { LatestNews } from "../views/LatestNews";
import { MostRead } from "../views/MostRead";
import { PollBox, PollResults } from "../views/PollBox";
import { WeatherBox } from "../views/WeatherBox";
import { weatherPlaces } from "../weather/config";
import { formNetwork } from "./form-origin";

export const LATEST_NEWS_COUNT = 5;

type Fragment = FragmentDef<PageDeps>;

const latestNews: Fragment = {
  deps: { kind: "home" },
  ttl: 300,
  async render(c) {
    const items = await listLatest(c.var.db, { now: new Date(), limit: LATEST_NEWS_COUNT });
    return renderToString(<LatestNews items={items} />);
  },
};

/** Approved comments of one article; approving a comment bumps only this. */
function commentList(articleId: number): Fragment {
  return {
    deps: { kind: "scopes", scopes: [scope.comments(articleId)] },
    ttl: 300,
    async render(c) {
      return renderToString(<CommentList {...(await listApprovedComments(c.var.db, articleId))} />);
    },
  };
}

/**
 * The comment form's token: the time, signed with the reader's network
 * (src/community/form-token.ts), fresh for every reader (ttl 0), not part of
 * the ETag. Signed at most once a second per network and isolate: a
 * signature per page view costs more than the rest of a cache HIT.
 *
 * Under Workers Cache (production) a page is kept whole with whatever this
 * put in it, so it gets a page token bound to nobody instead, signed at most
 * once a second per isolate: good in a POST the browser says came from the
 * paper's own page, exchanged for a bound token otherwise (docs/security.md,
 * "Readers' forms").
 */
let formTokens: { second: number; secret: string; byNetwork: Map<string, Promise<string>> } | undefined;
const FORM_TOKENS_PER_SECOND = 1_000;
const PAGE_TOKEN = "page";
const tokenInput = (t: string) => `<input type="hidden" name="t" value="${t}">`;
const commentToken: Fragment = {
  deps: { kind: "scopes", scopes: [] },
  ttl: 0,
  render(c) {
    const now = Date.now();
    const second = Math.floor(now / 1000);
    const secret = formSecret(c.env);
    if (formTokens?.second !== second || formTokens.secret !== secret) {
      formTokens = { second, secret, byNetwork: new Map() };
    }
    const { byNetwork } = formTokens;
    const whole = edgeCacheMode(c.env) === "workers";
    const network = whole ? PAGE_TOKEN : formNetwork(c);
    let html = byNetwork.get(network);
    if (!html) {
      html = (whole ? issuePageToken(secret, now) : issueFormToken(secret, network, now)).then(tokenInput);
      if (byNetwork.size >= FORM_TOKENS_PER_SECOND) byNetwork.clear();
      byNetwork.set(network, html);
      html.catch(() => byNetwork.delete(network));
    }
    return html;
  },
};

/** The poll box: the article's own poll, else the sidebar poll. Votes do not change it. */
function pollBox(articleId?: number): Fragment {
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
function pollResults(pollId: number): Fragment {
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
const weatherBox: Fragment = {
  deps: { kind: "scopes", scopes: [scope.weather] },
  // Re-rendered at least every 5 minutes so "stale" and "hidden" follow the clock.
  ttl: 300,
  async render(c) {
    return renderToString(<WeatherBox items={await weatherBoxItems(c.var.db, weatherPlaces(c.env), new Date())} />);
  },
};

/** "Đọc nhiều": recounted at most every 5 minutes; views never bump anything. */
const mostReadBox: Fragment = {
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
const breakingNewsBanner: Fragment = {
  deps: { kind: "scopes", scopes: [scope.breaking] },
  ttl: 15,
  async render(c) {
    const item = await activeBreakingNews(c.var.db, new Date());
    return item ? renderToString(<BreakingNews text={item.text} url={item.url} />) : "";
  },
};

/** Every fragment kind a view may place, and how to render it. */
const registry: { [K in FragmentKind]: (ref: Extract<FragmentRef, { kind: K }>) => Fragment } = {
  "latest-news": () => latestNews,
  weather: () => weatherBox,
  "most-read": () => mostReadBox,
  "comment-token": () => commentToken,
  breaking: () => breakingNewsBanner,
  poll: () => pollBox(),
  comments: (ref) => commentList(ref.id),
  "article-poll": (ref) => pollBox(ref.id),
  "poll-results": (ref) => pollResults(ref.id),
};

/** The reader pages' fragments, by the name their placeholders carry. */
export const readerFragments: FragmentResolver<PageDeps> = (name) => {
  const ref = parseFragmentName(name);
  // One call site for every kind: TypeScript cannot narrow the registry's key and argument together.
  return ref ? (registry[ref.kind] as (r: FragmentRef) => Fragment)(ref) : undefined;
};
