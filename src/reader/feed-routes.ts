import { type Context, Hono } from "hono";
import { getSectionBySlug, renamedSectionSlug } from "../db/sections";
import { listFeedItems } from "../db/syndication";
import type { AppEnv } from "../env";
import { scope } from "../model/content-scopes";
import { type FeedChannel, renderRss } from "../seo/rss";
import { sectionPath } from "../site/urls";
import { notFoundPage } from "./errors";
import { cachedPage } from "./page-cache";
import { redirectRenamed } from "./renamed";
import { loadSiteInfo } from "./site-info";
import { isSlug } from "./slugs";

const FEED_SIZE = 50;

/** RSS 2.0: `/rss.xml` for the paper, `/{section}/rss.xml` per section. */
export const feedRoutes = new Hono<AppEnv>();

function rssResponse(c: Context<AppEnv>, xml: string): Response {
  return c.body(xml, 200, { "content-type": "application/rss+xml; charset=utf-8" });
}

// Every article write bumps "feeds", so one scope covers the site and section feeds.
feedRoutes.get("/rss.xml", (c) =>
  cachedPage(c, { kind: "scopes", scopes: [scope.feeds] }, async () => {
    const site = await loadSiteInfo(c);
    const now = new Date();
    const channel: FeedChannel = {
      title: site.name,
      description: site.tagline || site.name,
      link: `${site.url}/`,
      self: `${site.url}/rss.xml`,
      email: site.contact.email || undefined,
      now,
    };
    return rssResponse(c, renderRss(site.url, channel, await listFeedItems(c.var.db, now, FEED_SIZE)));
  }),
);

feedRoutes.get("/:section/rss.xml", (c) => {
  const slug = c.req.param("section");
  if (!isSlug(slug)) return notFoundPage(c);
  return cachedPage(c, { kind: "scopes", scopes: [scope.feeds] }, async () => {
    const section = await getSectionBySlug(c.var.db, slug);
    if (!section) {
      const renamed = await renamedSectionSlug(c.var.db, slug);
      return renamed ? redirectRenamed(c, `${sectionPath(renamed)}/rss.xml`) : notFoundPage(c);
    }
    const site = await loadSiteInfo(c);
    const now = new Date();
    const channel: FeedChannel = {
      title: `${section.name} - ${site.name}`,
      description: section.description || `Tin ${section.name} - ${site.name}`,
      link: `${site.url}/${section.slug}`,
      self: `${site.url}/${section.slug}/rss.xml`,
      email: site.contact.email || undefined,
      now,
    };
    return rssResponse(
      c,
      renderRss(site.url, channel, await listFeedItems(c.var.db, now, FEED_SIZE, { sectionId: section.id })),
    );
  });
});
