// The preview button: the article as readers would see it, drawn from the
// form as it is now. Nothing is saved.
import { Hono } from "hono";
import { parseBody } from "../content/blocks";
import { toImageData } from "../db/articles";
import { getImagesByIds } from "../db/images";
import { listAuthors } from "../db/newsroom-articles";
import type { AppEnv } from "../env";
import { loadSiteInfo } from "../reader/site-info";
import { parseVietnamLocal } from "../vi/dates";
import { ArticlePage } from "../views/ArticlePage";
import { renderDocument } from "../views/render";
import { FormFieldError, inputFromValues, valuesFromForm } from "./article-form";
import { formFailure } from "./article-form-responses";
import { formStrings } from "./form";

export const articlePreviewRoute = new Hono<AppEnv>();

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
      ...body.flatMap((b) => (b.type === "figure" ? [b.imageId] : [])),
      ...(input.heroImageId ? [input.heroImageId] : []),
    ];
    const found = await getImagesByIds(c.var.db, imageIds);
    const byId = new Map(found.map((img) => [img.id, toImageData(img)]));
    const now = new Date();
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
          author: { slug: "", name: author.name, byline: author.byline },
          body,
          figures: byId,
          tags: (input.tags ?? []).map((name) => ({ slug: "", name })),
        }}
      />,
    );
    c.header("cache-control", "private, no-store");
    c.header("x-robots-tag", "noindex");
    return c.html(html);
  } catch (err) {
    return formFailure(c, err, values);
  }
});
