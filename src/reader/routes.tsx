import { Hono } from "hono";
import { latestPerSectionReads, latestReads, publishedArticleReads, relatedReads, toImageData } from "../db/articles";
import { getAuthorPage } from "../db/people";
import { readTogether } from "../db/read-batch";
import { getSectionBySlug, renamedSectionSlug } from "../db/sections";
import { getPublishedTagBySlug } from "../db/tags";
import type { AppEnv } from "../env";
import { articlePath, authorPath, sectionPath, tagPath } from "../site/urls";
import { ArticlePage } from "../views/ArticlePage";
import { HomePage } from "../views/HomePage";
import { renderDocument } from "../views/render";
import { notFoundPage } from "./errors";
import { listKeyParams, renderListPage } from "./list-page";
import { cachedPage } from "./page-cache";
import { redirectRenamed } from "./renamed";
import { siteInfoReads } from "./site-info";
import { isSlug, parseArticleFile } from "./slugs";
import { renderStaticPage } from "./static-page";

const HOME_LATEST = 8;
const HOME_PER_SECTION = 4;
const RELATED = 5;

export const readerRoutes = new Hono<AppEnv>();

readerRoutes.get("/", (c) =>
  cachedPage(c, { kind: "home" }, async ({ lite }) => {
    const now = new Date();
    // Chrome and both lists: five queries, one D1 round trip.
    const [site, latest, perSection] = await readTogether(
      c.var.db,
      siteInfoReads(c),
      latestReads(c.var.db, { now, limit: HOME_LATEST + 1 }),
      latestPerSectionReads(c.var.db, now, HOME_PER_SECTION),
    );
    const [top = null, ...rest] = latest;
    return c.html(
      renderDocument(
        <HomePage
          site={site}
          top={top}
          latest={rest}
          sections={site.sections.map((section) => ({
            section,
            articles: (perSection.get(section.id) ?? []).filter((a) => a.id !== top?.id),
          }))}
          lite={lite}
        />,
      ),
    );
  }),
);

readerRoutes.get("/tac-gia/:slug", (c) => {
  const slug = c.req.param("slug");
  if (!isSlug(slug)) return notFoundPage(c);
  const key = listKeyParams(c);
  if (key instanceof Response) return key;
  return cachedPage(
    c,
    { kind: "author", slug },
    async (variant) => {
      // An author none of whose articles is published yet is unknown to readers, like a missing one.
      const found = await getAuthorPage(c.var.db, slug, new Date());
      if (!found) return notFoundPage(c);
      const { author, photo } = found;
      return renderListPage(
        c,
        {
          title: author.name,
          intro: author.bio,
          photo: photo ? toImageData(photo) : undefined,
          basePath: authorPath(author.slug),
          filter: { authorId: author.id },
        },
        variant,
        key,
      );
    },
    key,
  );
});

readerRoutes.get("/chu-de/:slug", (c) => {
  const slug = c.req.param("slug");
  if (!isSlug(slug)) return notFoundPage(c);
  const key = listKeyParams(c);
  if (key instanceof Response) return key;
  return cachedPage(
    c,
    { kind: "tag", slug },
    async (variant) => {
      // A tag only drafts or scheduled articles use is unknown to readers, like a missing one.
      const tag = await getPublishedTagBySlug(c.var.db, slug, new Date());
      if (!tag) return notFoundPage(c);
      return renderListPage(
        c,
        { title: tag.name, basePath: tagPath(tag.slug), filter: { tagId: tag.id } },
        variant,
        key,
      );
    },
    key,
  );
});

readerRoutes.get("/:section", (c) => {
  const slug = c.req.param("section");
  if (!isSlug(slug)) return notFoundPage(c);
  const key = listKeyParams(c);
  if (key instanceof Response) return key;
  // A static page lives at /{slug} too; saving one bumps "global", which every page's version includes.
  return cachedPage(
    c,
    { kind: "section", slug },
    async (variant) => {
      const section = await getSectionBySlug(c.var.db, slug);
      if (!section) {
        // A renamed section's old address (and its pages) answers 301 to the new one.
        const renamed = await renamedSectionSlug(c.var.db, slug);
        if (renamed) return redirectRenamed(c, sectionPath(renamed));
        // A static page reads no parameter: a list's `page`/`truoc` on it answers 301 to its one address.
        if (Object.keys(key).length) return c.redirect(new URL(c.req.url).pathname, 301);
        return renderStaticPage(c, slug, variant);
      }
      return renderListPage(
        c,
        {
          title: section.name,
          intro: section.description,
          basePath: sectionPath(section.slug),
          filter: { sectionId: section.id },
          currentSection: section.slug,
          feedPath: `${sectionPath(section.slug)}/rss.xml`,
        },
        variant,
        key,
      );
    },
    key,
  );
});

readerRoutes.get("/:section/:file", (c) => {
  const parsed = parseArticleFile(c.req.param("file"));
  if (!parsed) return notFoundPage(c);
  return cachedPage(c, { kind: "article", id: parsed.id }, async ({ lite }) => {
    const now = new Date();
    // Chrome, article and related reading: ten queries, one D1 round trip.
    const [site, article, related] = await readTogether(
      c.var.db,
      siteInfoReads(c),
      publishedArticleReads(parsed.id, now),
      relatedReads(parsed.id, now, RELATED),
    );
    if (!article) return notFoundPage(c);
    const canonical = articlePath(article);
    // Old or mistyped slugs keep working: the id decides, the URL is corrected.
    const requested = new URL(c.req.url).pathname.replace(/^\/lite(?=\/)/, "");
    if (requested !== canonical) return c.redirect(c.var.lite ? `/lite${canonical}` : canonical, 301);
    return c.html(
      renderDocument(
        <ArticlePage
          site={site}
          article={article}
          related={related}
          lite={lite}
          turnstileSiteKey={c.env.TURNSTILE_SITE_KEY}
        />,
      ),
    );
  });
});
