import { Hono, type MiddlewareHandler } from "hono";
import { databaseReachable } from "./db/health";
import { edgeCacheGuard } from "./edge/edge-guard";
import { isNewsroomPath, NO_STORE } from "./edge/policy";
import type { AppEnv } from "./env";
import { d1Session } from "./http/d1-session";
import { type RefusalPage, requestGuards } from "./http/request-guards";
import { requestLog } from "./http/request-log";
import { securityHeaders } from "./http/security-headers";
import { plainAdminPage } from "./newsroom/responses";
import { newsroomRoutes } from "./newsroom/routes";
import { assetRoutes } from "./reader/assets";
import { commentRoutes } from "./reader/comment-routes";
import { notFoundPage, plainErrorPage, RETRY_AFTER_SECONDS, serverErrorPage, UNAVAILABLE } from "./reader/errors";
import { feedRoutes } from "./reader/feed-routes";
import { healthRoutes } from "./reader/health-route";
import { legacyQueryRedirect } from "./reader/legacy-redirect";
import { mediaRoutes } from "./reader/media";
import { offlineRoutes } from "./reader/offline-routes";
import { cachedPage } from "./reader/page-cache";
import { pollRoutes } from "./reader/poll-routes";
import { readerRoutes } from "./reader/routes";
import { searchRoutes } from "./reader/search-route";
import { sitemapRoutes } from "./reader/sitemap-routes";
import { viewBeaconRoutes } from "./reader/view-beacon";
import { reservedPathsOf } from "./site/reserved-paths";

/**
 * A page refused or failed without touching the database: the newsroom's own
 * layout under /admin, the reader's elsewhere. Never stored anywhere.
 */
const refusalPage: RefusalPage = (c, status, title, message, back) =>
  isNewsroomPath(c.req.path)
    ? plainAdminPage(c, status, title, message, back)
    : plainErrorPage(c, status, title, message);

/**
 * The Worker's fetch: a page this isolate served moments ago is answered
 * from the cache before the app runs (src/edge/front-door.ts); all else is the app's.
 */
export function createFetch() {
  return cachedPage.frontDoor.before(createApp().fetch);
}

export function createApp() {
  const app = new Hono<AppEnv>();
  // Read from the routes once they are all mounted (below), before any request.
  let reservedPaths: ReadonlySet<string> = new Set();

  app.use(requestLog());
  // What a reader page was answered with, for the front door to answer again (createFetch).
  app.use(cachedPage.frontDoor.record);
  // Production's Workers Cache keeps only what says it may (src/edge/edge-guard.ts).
  app.use(edgeCacheGuard());
  app.use(securityHeaders);
  app.use(requestGuards(refusalPage));
  app.use(async (c, next) => {
    c.set("lite", false);
    c.set("user", null);
    c.set("session", null);
    c.set("reservedPaths", reservedPaths);
    await next();
  });
  app.use(d1Session());

  // Nothing of the newsroom's is ever stored by a browser or the edge.
  const noStore: MiddlewareHandler = async (c, next) => {
    await next();
    c.res.headers.set("cache-control", NO_STORE);
  };
  app.use("/admin", noStore);
  app.use("/admin/*", noStore);
  app.route("/admin", newsroomRoutes);

  app.route("/media", mediaRoutes);
  app.route("/binh-luan", commentRoutes);
  app.route("/binh-chon", pollRoutes);
  app.route("/tim-kiem", searchRoutes);
  app.route("/_", assetRoutes);
  app.route("/healthz", healthRoutes);
  app.route("/luot-xem", viewBeaconRoutes);
  app.route("/", feedRoutes);
  app.route("/", sitemapRoutes);
  app.route("/", offlineRoutes);
  // The light edition: the same pages without inline photos.
  app.use("/lite/*", async (c, next) => {
    c.set("lite", true);
    await next();
  });
  app.route("/lite", readerRoutes);
  app.get("/", legacyQueryRedirect);
  app.route("/", readerRoutes);

  reservedPaths = reservedPathsOf(app.routes);
  app.notFound(notFoundPage);
  app.onError(async (_err, c) => {
    // requestLog() writes the error's message with the request's line.
    // An outage (D1 unreachable) is temporary: 503 with Retry-After, so crawlers come back; anything else is a 500.
    if (await databaseReachable(c.env.DB)) return serverErrorPage(c);
    c.header("retry-after", String(RETRY_AFTER_SECONDS));
    return refusalPage(c, 503, UNAVAILABLE.title, UNAVAILABLE.message);
  });
  return app;
}
