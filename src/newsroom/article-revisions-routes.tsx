// An article's saved versions: the list, one version read as markup, and
// restoring one.
import { type Context, Hono } from "hono";
import { InvalidArticleError } from "../content/article-rules";
import { InvalidBodyError } from "../content/blocks";
import { blocksToMarkup } from "../content/markup/serialize";
import { type ArticleSnapshot, EditConflictError, updateArticle } from "../db/article-writes";
import { listAutosaves } from "../db/autosaves";
import { getRevision, listRevisions } from "../db/newsroom-articles";
import { listUsers } from "../db/users";
import type { AppEnv } from "../env";
import { restoredAuthor } from "../model/permissions";
import type { Article } from "../model/records";
import { AdminLayout } from "../views/admin/AdminLayout";
import { RevisionPage, RevisionsPage } from "../views/admin/RevisionsPage";
import { loadEditable } from "./editable-article";
import { parseId } from "./form";
import { adminPage, notFoundAdmin } from "./responses";

export const articleRevisionsRoutes = new Hono<AppEnv>();

articleRevisionsRoutes.get("/:id{[0-9]+}/phien-ban", async (c) => {
  const found = await loadEditable(c);
  if (found instanceof Response) return found;
  const [revisions, autosaves, users] = await Promise.all([
    listRevisions(c.var.db, found.article.id),
    listAutosaves(c.var.db, found.article.id),
    listUsers(c.var.db),
  ]);
  const names = new Map(users.map((u) => [u.id, u.name]));
  return adminPage(
    c,
    <RevisionsPage
      user={c.var.user!}
      csrf={c.var.session!.csrfToken}
      articleId={found.article.id}
      headline={found.article.headline}
      revisions={revisions.map((r) => ({ ...r, savedByName: r.savedBy ? (names.get(r.savedBy) ?? "?") : "Hệ thống" }))}
      autosaves={autosaves.map((a) => ({ ...a, savedByName: names.get(a.userId) ?? "?" }))}
    />,
  );
});

async function loadRevision(c: Context<AppEnv>, article: Article) {
  const revisionId = parseId(c.req.param("rev"));
  const revision = revisionId ? await getRevision(c.var.db, article.id, revisionId) : null;
  return revision ? { revision, snapshot: JSON.parse(revision.snapshot) as ArticleSnapshot } : null;
}

articleRevisionsRoutes.get("/:id{[0-9]+}/phien-ban/:rev{[0-9]+}", async (c) => {
  const found = await loadEditable(c);
  if (found instanceof Response) return found;
  const loaded = await loadRevision(c, found.article);
  if (!loaded) return notFoundAdmin(c, "Không tìm thấy phiên bản này.");
  const { revision, snapshot } = loaded;
  return adminPage(
    c,
    <RevisionPage
      user={c.var.user!}
      csrf={c.var.session!.csrfToken}
      articleId={found.article.id}
      revisionId={revision.id}
      version={revision.version}
      savedAt={revision.savedAt}
      headline={snapshot.headline}
      kicker={snapshot.kicker}
      lead={snapshot.lead}
      bodyMarkup={blocksToMarkup(snapshot.body)}
      tags={snapshot.tags}
      mayRestore
    />,
  );
});

articleRevisionsRoutes.post("/:id{[0-9]+}/phien-ban/:rev{[0-9]+}/khoi-phuc", async (c) => {
  const found = await loadEditable(c);
  if (found instanceof Response) return found;
  const loaded = await loadRevision(c, found.article);
  if (!loaded) return notFoundAdmin(c, "Không tìm thấy phiên bản này.");
  const s = loaded.snapshot;
  // The words come back; the article's status and publication time stay as they are now.
  try {
    await updateArticle(
      c.var.db,
      found.article.id,
      {
        sectionId: s.sectionId,
        authorId: restoredAuthor(c.var.user!, found.article.authorId, s.authorId),
        kicker: s.kicker,
        headline: s.headline,
        slug: s.slug,
        lead: s.lead,
        body: s.body,
        heroImageId: s.heroImageId,
        seoTitle: s.seoTitle ?? null,
        seoDescription: s.seoDescription ?? null,
        socialImageId: s.socialImageId ?? null,
        tags: s.tags,
        status: found.article.status,
        publishedAt: found.article.publishedAt,
      },
      { userId: c.var.user!.id, expectedVersion: found.article.version },
    );
  } catch (err) {
    // What the old version names may be gone or taken since (a deleted photo,
    // a slug another article now has): say so; the article stays as it is.
    if (!(err instanceof InvalidArticleError || err instanceof InvalidBodyError || err instanceof EditConflictError))
      throw err;
    const reason = err instanceof InvalidBodyError ? err.issues.join("; ") : err.message;
    return adminPage(
      c,
      <AdminLayout
        title="Không khôi phục được phiên bản này"
        user={c.var.user}
        csrf={c.var.session?.csrfToken}
        error={`${reason}. Bài viết hiện tại không thay đổi.`}
      >
        <p>
          <a href={`/admin/bai-viet/${found.article.id}/phien-ban`}>Về danh sách phiên bản</a>
        </p>
      </AdminLayout>,
      409,
    );
  }
  return c.redirect(`/admin/bai-viet/${found.article.id}?da-khoi-phuc`, 303);
});
