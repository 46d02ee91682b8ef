// GET /luot-xem/{id}.gif: counts a view of a published article (sampled,
// src/reader/view-counter.ts) and answers a transparent 1x1 GIF. Article pages
// load it (src/views/ViewBeacon.tsx) because their own request is usually a
// cache HIT that runs none of our code (docs/caching.md, "Counting views").
import { Hono } from "hono";
import { NO_STORE } from "../edge/policy";
import type { AppEnv } from "../env";
import { countView } from "./view-counter";

export const viewBeaconRoutes = new Hono<AppEnv>();

/** GIF89a, 1x1, one transparent pixel: 43 bytes. */
const PIXEL = Uint8Array.from(atob("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"), (ch) =>
  ch.charCodeAt(0),
);

viewBeaconRoutes.get("/:file", (c) => {
  const m = /^([1-9][0-9]{0,9})\.gif$/.exec(c.req.param("file"));
  if (!m) return c.text("Không tìm thấy.", 404, { "cache-control": NO_STORE });
  countView(c, Number(m[1]));
  return c.body(PIXEL, 200, {
    "content-type": "image/gif",
    // Every view must reach the Worker: never kept by a browser, the edge or a proxy.
    "cache-control": NO_STORE,
    "x-robots-tag": "noindex",
  });
});
