// The preview button: the article as readers would see it, drawn from the
// form as it is now, with the boxes (weather, latest news, most read, poll)
// filled as the edge fills them on the reader's page. Nothing is saved and
// nothing is cached.
import { Hono } from "hono";
import { figureImageIds, parseBody, relatedArticleIds } from "../content/blocks";
import { getSeeAlso, toImageData } from "../db/articles";
import { getImagesByIds } from "../db/images";
import { listAuthors } from "../db/newsroom-articles";
import { fillFragments, fragmentNames } from "../edge/fragments";
import type { AppEnv } from "../env";
import { readerFragments } from "../reader/fragments";
import { loadSiteInfo } from "../reader/site-info";
import { tagSlug } from "../site/urls";
import { parseVietnamLocal } from "../vi/dates";
import { ArticlePage } from "../views/ArticlePage";
import { renderDocument } from "../views/render";
import { FormFieldError, inputFromValues, valuesFromForm } from "./article-form";
import { formFailure } from "./article-form-responses";
import { formStrings } from "./form";

export const articlePreviewRoute = new Hono<AppEnv>();

/** A share field as the rules will store it: one line, or null when empty. */
const oneLine = (text: string | null | undefined) => (text ?? "").replace(/\s+/g, " ").trim() || null;

/** Preview of the form as it is now, exactly as readers would see it; nothing is saved. */
articlePreviewRoute.post("/xem-truoc", async (c) => {
  const user = c.var.user!;
  const values = valuesFromForm(await formStrings(c));
  try {
    // The preview saves nothing: the publish time and the "significant" mark
    // are only checked on saving; a valid typed time is shown as the dateline.
    const input = inputFromValues({ ...values, publishAt: "", significant: "" }, "luu", user, null, new Date());
    const typedTime = parseVietnamLocal(values.publishAt);
    const body = parseBody(input.body);
    const site = await loadSiteInfo(c);
    const section = site.sections.find((s) => s.id === input.sectionId);
    const authors = await listAuthors(c.var.db);
    const author = authors.find((a) => a.id === input.authorId);
    if (!section || !author) throw new FormFieldError("sectionId", "Chuyên mục hoặc tác giả không tồn tại");
    const imageIds = [
      ...figureImageIds(body),
      ...(input.heroImageId ? [input.heroImageId] : []),
      ...(input.socialImageId ? [input.socialImageId] : []),
    ];
    const now = new Date();
    const [found, seeAlso] = await Promise.all([
      getImagesByIds(c.var.db, imageIds),
      getSeeAlso(c.var.db, relatedArticleIds(body), now),
    ]);
    const byId = new Map(found.map((img) => [img.id, toImageData(img)]));
    const html = renderDocument(
      <ArticlePage
        site={site}
        related={[]}
        article={{
          id: 0,
          slug: "xem-truoc",
          section,
          kicker: input.kicker ?? null,
          headline: input.headline || "(Chưa có tiêu đề)",
          lead: input.lead,
          publishedAt: typedTime ?? now,
          modifiedAt: typedTime ?? now,
          significantUpdateAt: null,
          corrections: [],
          hero: input.heroImageId ? (byId.get(input.heroImageId) ?? null) : null,
          author: { slug: author.slug, name: author.name, byline: author.byline },
          body,
          figures: byId,
          seeAlso,
          seoTitle: oneLine(input.seoTitle),
          seoDescription: oneLine(input.seoDescription),
          socialImage: input.socialImageId ? (byId.get(input.socialImageId) ?? null) : null,
          tags: (input.tags ?? []).map((name) => ({ slug: tagSlug(name), name })),
          hasPoll: false,
        }}
      />,
    );
    const boxes = new Map<string, string>();
    for (const name of fragmentNames(html)) {
      const fragment = readerFragments(name);
      if (fragment) boxes.set(name, await fragment.render(c));
    }
    const headers = new Headers({
      "content-type": "text/html; charset=utf-8",
      "cache-control": "private, no-store",
      "x-robots-tag": "noindex",
    });
    return new Response(fillFragments(html, boxes), { status: 200, headers });
  } catch (err) {
    return formFailure(c, err, values);
  }
});
