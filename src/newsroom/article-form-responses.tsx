// The article form as an answer: drawn with what it needs (sections,
// authors, recent images, the markup help), or drawn again after a save
// failed, with the text the editor typed and the message that says why.
// Shared by the edit routes and the preview, which both answer a bad form
// with the form.
import type { Context } from "hono";
import { InvalidArticleError } from "../content/article-rules";
import { InvalidBodyError } from "../content/blocks";
import { MARKUP_HELP } from "../content/markup/help";
import { type ReadingTime, readingTime } from "../content/reading-time";
import { EditConflictError } from "../db/article-writes";
import { getImagesByIds, listRecentImages } from "../db/images";
import { listAuthors } from "../db/newsroom-articles";
import { listSections } from "../db/sections";
import type { AppEnv } from "../env";
import { CARD_SIZE } from "../media/variants";
import type { Article } from "../model/records";
import { describeError, log } from "../platform/log";
import { siteUrl } from "../reader/site-info";
import { shareTitle } from "../seo/share";
import { ASSET_URLS } from "../site/asset-urls";
import { articlePath, mediaPath } from "../site/urls";
import { ArticleFormPage, type ArticleFormValues, type ShareCardPreview } from "../views/admin/ArticleFormPage";
import { articleBody, FormFieldError } from "./article-form";
import { editorDataFor } from "./editor-data";
import { photoChoicesFor } from "./photo-picker-routes";
import { adminPage } from "./responses";

/** How often the form's script autosaves while something changed (the rule: every 15-30 s). */
export const AUTOSAVE_INTERVAL_MS = 20_000;

export async function renderForm(
  c: Context<AppEnv>,
  values: ArticleFormValues,
  opts: {
    article?: Article;
    errors?: Partial<Record<keyof ArticleFormValues, string>>;
    error?: string | null;
    notice?: string | null;
    status?: 200 | 400 | 403 | 409 | 503;
    /** A newer autosave of this editor's to offer (article-autosave-routes). */
    autosaveOffer?: { href: string; savedAt: string } | null;
    /** The values are not what the server holds (default: when a save was refused). */
    unsaved?: boolean;
  } = {},
) {
  const db = c.var.db;
  const [sections, authors, recentImages, shareCard, photoChoices, editorData] = await Promise.all([
    listSections(db),
    listAuthors(db),
    listRecentImages(db, 12),
    shareCardOf(c, values),
    photoChoicesFor(c, [values.heroImageId, values.socialImageId]),
    editorDataFor(db, values),
  ]);
  const article = opts.article;
  const length = bodyLength(values);
  const url =
    article?.status === "published"
      ? (() => {
          const section = sections.find((s) => s.id === article.sectionId);
          return section ? articlePath({ id: article.id, slug: article.slug, section }) : null;
        })()
      : null;
  return adminPage(
    c,
    <ArticleFormPage
      user={c.var.user!}
      csrf={c.var.session!.csrfToken}
      values={values}
      errors={opts.errors}
      error={opts.error}
      notice={opts.notice}
      article={article ? { id: article.id, status: article.status, url } : undefined}
      sections={sections}
      // A reporter may file only under their own byline.
      authors={c.var.user!.role === "reporter" ? authors.filter((a) => a.id === c.var.user!.authorId) : authors}
      recentImages={recentImages.map((i) => ({ id: i.id, key: i.r2Key, alt: i.alt }))}
      markupHelp={MARKUP_HELP}
      shareCard={shareCard}
      readingTime={length}
      adminScript={ASSET_URLS["admin.js"]}
      autosave={{
        url: article ? `/admin/bai-viet/${article.id}/tu-dong-luu` : "/admin/bai-viet/tu-dong-luu",
        localKey: article ? String(article.id) : "new",
        intervalMs: AUTOSAVE_INTERVAL_MS,
        offer: opts.autosaveOffer ?? null,
        unsaved: opts.unsaved ?? Boolean(opts.error),
        script: ASSET_URLS["article-form.js"],
      }}
      photoChoices={photoChoices}
      photosScript={ASSET_URLS["photos.js"]}
      editor={{ data: editorData, script: ASSET_URLS["editor.js"] }}
    />,
    opts.status ?? 200,
  );
}

/** The share card the values make: their share title, description and photo, as the reader page will use them. */
async function shareCardOf(c: Context<AppEnv>, values: ArticleFormValues): Promise<ShareCardPreview> {
  const idOf = (raw: string) => {
    const id = Number(raw.trim());
    return raw.trim() && Number.isSafeInteger(id) && id > 0 ? id : null;
  };
  const socialId = idOf(values.socialImageId);
  const heroId = idOf(values.heroImageId);
  const found = await getImagesByIds(
    c.var.db,
    [socialId, heroId].filter((id): id is number => id !== null),
  );
  const social = found.find((i) => i.id === socialId);
  const hero = found.find((i) => i.id === heroId);
  const photo = social ?? hero;
  const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();
  return {
    host: new URL(siteUrl(c.env)).host,
    title: shareTitle({
      seoTitle: oneLine(values.seoTitle),
      kicker: oneLine(values.kicker) || null,
      headline: oneLine(values.headline),
    }),
    description: oneLine(values.seoDescription) || oneLine(values.lead),
    imageSrc: photo
      ? `${mediaPath(photo.r2Key)}?w=${CARD_SIZE.width}&h=${CARD_SIZE.height}`
      : ASSET_URLS["og-default.png"],
    imageFrom: social ? "social" : hero ? "hero" : "default",
    defaultSrc: ASSET_URLS["og-default.png"],
  };
}

/** Words and reading time of the body as typed, or null while it does not parse. */
function bodyLength(values: ArticleFormValues): ReadingTime | null {
  if (!values.body.trim() && !values.bodyJson.trim()) return null;
  try {
    return readingTime(values.lead, articleBody(values));
  } catch {
    return null;
  }
}

/** Turns a write failure into the form shown again, with the text the editor typed. */
export async function formFailure(c: Context<AppEnv>, err: unknown, values: ArticleFormValues, article?: Article) {
  if (err instanceof FormFieldError)
    return renderForm(c, values, {
      article,
      errors: { [err.field]: err.message },
      error: "Bài chưa được lưu. Vui lòng sửa các lỗi bên dưới.",
      status: 400,
    });
  if (err instanceof InvalidBodyError)
    return renderForm(c, values, {
      article,
      errors: { body: err.issues.join("; ") },
      error: "Nội dung bài viết có lỗi, bài chưa được lưu.",
      status: 400,
    });
  if (err instanceof InvalidArticleError) {
    const field = (err.field ?? "headline") as keyof ArticleFormValues;
    return renderForm(c, values, {
      article,
      errors: { [field]: err.message },
      error: "Bài chưa được lưu. Vui lòng sửa các lỗi bên dưới.",
      status: 400,
    });
  }
  if (err instanceof EditConflictError) return renderForm(c, values, { article, error: err.message, status: 409 });
  // Anything else is the system's fault (D1 failed mid-save). The batch wrote
  // nothing, so say so and keep the text; if even the form cannot be drawn,
  // the error page takes over.
  log("error", "article save failed", { article: article?.id ?? null, error: describeError(err) });
  return renderForm(c, values, {
    article,
    error:
      "Bài chưa được lưu vì hệ thống đang gặp sự cố. Nội dung bạn nhập vẫn còn bên dưới; hãy thử lưu lại sau ít phút.",
    status: 503,
  });
}
