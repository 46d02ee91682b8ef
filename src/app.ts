import { Hono, type MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { openDatabase } from "./db/client";
import { NO_STORE } from "./edge/policy";
import type { AppEnv } from "./env";
import { notFoundPage, serverErrorPage } from "./reader/errors";
import { newsroomRoutes } from "./newsroom/routes";
import { assetRoutes } from "./reader/assets";
import { commentRoutes } from "./reader/comment-routes";
import { feedRoutes } from "./reader/feed-routes";
import { sitemapRoutes } from "./reader/sitemap-routes";
import { pollRoutes } from "./reader/poll-routes";
import { searchRoutes } from "./reader/search-route";
import { mediaRoutes } from "./reader/media";
import { readerRoutes } from "./reader/routes";

export function createApp() {
  const app = new Hono<AppEnv>();

  app.use(secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", "data:"],
      // Turnstile's widget, used only when TURNSTILE_SITE_KEY is set.
      scriptSrc: ["'self'", "https://challenges.cloudflare.com"],
      frameSrc: ["https://challenges.cloudflare.com"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'self'"],
      objectSrc: ["'none'"],
    },
    referrerPolicy: "strict-origin-when-cross-origin",
    crossOriginEmbedderPolicy: false,
  }));
  app.use(async (c, next) => {
    c.set("db", openDatabase(c.env.DB));
    c.set("lite", false);
    c.set("user", null);
    c.set("session", null);
    await next();
  });

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
  app.route("/", feedRoutes);
  app.route("/", sitemapRoutes);
  // The light edition: the same pages without inline photos.
  app.use("/lite/*", async (c, next) => {
    c.set("lite", true);
    await next();
  });
  app.route("/lite", readerRoutes);
  app.route("/", readerRoutes);

  app.notFound(notFoundPage);
  app.onError((err, c) => {
    console.error(JSON.stringify({ level: "error", path: new URL(c.req.url).pathname, error: err.message }));
    return serverErrorPage(c);
  });
  return app;
}
