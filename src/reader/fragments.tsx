import { renderToString } from "preact-render-to-string";
import { listLatest } from "../db/articles";
import type { FragmentRegistry } from "../edge/fragments";
import { LatestNews } from "../views/LatestNews";

export const LATEST_NEWS_COUNT = 5;

/** The reader pages' fragments, by the name their placeholders carry. */
export const readerFragments: FragmentRegistry = {
  "latest-news": {
    deps: { kind: "home" },
    ttl: 300,
    async render(c) {
      const items = await listLatest(c.var.db, { now: new Date(), limit: LATEST_NEWS_COUNT });
      return renderToString(<LatestNews items={items} />);
    },
  },
};
