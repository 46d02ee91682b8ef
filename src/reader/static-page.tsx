import type { Context } from "hono";
import { figureImageIds, readStoredBody, relatedArticleIds } from "../content/blocks";
import { getSeeAlso, toImageData } from "../db/articles";
import { getImagesByIds } from "../db/images";
import { getPublishedStaticPage } from "../db/static-pages";
import type { PageVariant } from "../edge/page-cache";
import type { AppEnv } from "../env";
import { renderDocument } from "../views/render";
import { StaticPageView } from "../views/StaticPageView";
import { notFoundPage } from "./errors";
import { loadSiteInfo } from "./site-info";

export async function renderStaticPage(c: Context<AppEnv>, slug: string, variant: PageVariant): Promise<Response> {
  const [site, page] = await Promise.all([loadSiteInfo(c), getPublishedStaticPage(c.var.db, slug)]);
  if (!page) return notFoundPage(c);
  const body = readStoredBody(page.body);
  const ids = figureImageIds(body);
  const [images, seeAlso] = await Promise.all([
    ids.length ? getImagesByIds(c.var.db, ids) : [],
    getSeeAlso(c.var.db, relatedArticleIds(body), new Date()),
  ]);
  const figures = new Map(images.map((img) => [img.id, toImageData(img)]));
  return c.html(
    renderDocument(
      <StaticPageView
        site={site}
        slug={page.slug}
        title={page.title}
        body={body}
        figures={figures}
        seeAlso={seeAlso}
        lite={variant.lite}
      />,
    ),
  );
}
