import { type Context, Hono } from "hono";
import { InvalidBodyError, parseBody } from "../content/blocks";
import { MARKUP_HELP } from "../content/markup/help";
import { htmlToMarkup } from "../content/markup/paste-html";
import { blocksToMarkup } from "../content/markup/serialize";
import {
  type ArticleSnapshot,
  createArticle,
  deleteArticle,
  EditConflictError,
  InvalidArticleError,
  updateArticle,
} from "../db/article-writes";
import { toImageData } from "../db/articles";
import { getImagesByIds, listRecentImages } from "../db/images";
import {
  getArticleForEdit,
  getRevision,
  listAuthors,
  listNewsroomArticles,
  listRevisions,
} from "../db/newsroom-articles";
import { listSections } from "../db/sections";
import { listUsers } from "../db/users";
import type { AppEnv } from "../env";
import { acceptsBodyUpTo, type BodyLimit } from "../http/request-guards";
import type { NewsroomFilter } from "../model/newsroom";
import { can, canEditArticle } from "../model/permissions";
import type { Article } from "../model/records";
import { ARTICLE_STATUSES, type ArticleStatus } from "../model/statuses";
import { describeError, log } from "../platform/log";
import { parsePage } from "../reader/paging";
import { loadSiteInfo } from "../reader/site-info";
import { ASSET_URLS } from "../site/asset-urls";
import { articlePath } from "../site/urls";
import { ArticlePage } from "../views/ArticlePage";
import { ArticleFormPage, type ArticleFormValues } from "../views/admin/ArticleFormPage";
import { ArticleListPage } from "../views/admin/ArticleListPage";
import { RevisionPage, RevisionsPage } from "../views/admin/RevisionsPage";
import { renderDocument } from "../views/render";
import {
  emptyValues,
  FormFieldError,
  inputFromValues,
  parseAction,
  valuesFromArticle,
  valuesFromForm,
} from "./article-form";
import { formStrings, parseId } from "./form";
import { adminPage, forbiddenPage, notFoundAdmin } from "./responses";

const LIST_SIZE = 30;

export const articleRoutes = new Hono<AppEnv>();

articleRoutes.get("/", async (c) => {
  const page = parsePage(c.req.query("page")) ?? 1;
  const status = c.req.query("trang-thai");
  const filter: NewsroomFilter = {
    status: ARTICLE_STATUSES.includes(status as ArticleStatus) ? (status as ArticleStatus) : undefined,
    sectionId: parseId(c.req.query("chuyen-muc")) ?? undefined,
    authorId: parseId(c.req.query("tac-gia")) ?? undefined,
    q: c.req.query("q")?.normalize("NFC").trim().slice(0, 200) || undefined,
  };
  const db = c.var.db;
  const [{ rows, total }, sections, authors] = await Promise.all([
    listNewsroomArticles(db, filter, LIST_SIZE, (page - 1) * LIST_SIZE),
    listSections(db),
    listAuthors(db),
  ]);
  const params = new URLSearchParams();
  for (const [k, v] of [
    ["q", filter.q],
    ["trang-thai", filter.status],
    ["chuyen-muc", filter.sectionId],
    ["tac-gia", filter.authorId],
  ] as const)
    if (v) params.set(k, String(v));
  const notice = c.req.query("da-xoa") !== undefined ? "Đã xóa bài viết." : null;
  return adminPage(
    c,
    <ArticleListPage
      user={c.var.user!}
      csrf={c.var.session!.csrfToken}
      rows={rows}
      filter={filter}
      sections={sections}
      authors={authors}
      page={page}
      pageCount={Math.max(1, Math.ceil(total / LIST_SIZE))}
      notice={notice}
      basePath={`/admin/bai-viet${params.size ? `?${params}` : ""}`.replace(/\?(.+)$/, "?$1")}
    />,
  );
});

async function renderForm(
  c: Context<AppEnv>,
  values: ArticleFormValues,
  opts: {
    article?: Article;
    errors?: Partial<Record<keyof ArticleFormValues, string>>;
    error?: string | null;
    notice?: string | null;
    status?: 200 | 400 | 409 | 503;
  } = {},
) {
  const db = c.var.db;
  const [sections, authors, recentImages] = await Promise.all([
    listSections(db),
    listAuthors(db),
    listRecentImages(db, 12),
  ]);
  const article = opts.article;
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
      authors={authors}
      recentImages={recentImages.map((i) => ({ id: i.id, key: i.r2Key, alt: i.alt }))}
      markupHelp={MARKUP_HELP}
      adminScript={ASSET_URLS["admin.js"]}
    />,
    opts.status ?? 200,
  );
}

/** Turns a write failure into the form shown again, with the text the editor typed. */
async function formFailure(c: Context<AppEnv>, err: unknown, values: ArticleFormValues, article?: Article) {
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

/** The article form as submitted, refused if it asks to publish without the right to. */
async function readSubmission(
  c: Context<AppEnv>,
): Promise<{ values: ArticleFormValues; action: ReturnType<typeof parseAction> } | Response> {
  const form = await formStrings(c);
  const action = parseAction(form["hanh-dong"]);
  if ((action === "dang" || action === "hen-gio" || action === "go") && !can(c.var.user!, "article.publish")) {
    return forbiddenPage(c, "Phóng viên không được đăng, hẹn giờ hay gỡ bài. Hãy gửi bài để biên tập viên duyệt.");
  }
  return { values: valuesFromForm(form), action };
}

articleRoutes.get("/moi", async (c) => {
  if (!can(c.var.user!, "article.create")) return forbiddenPage(c, "Bạn không có quyền viết bài.");
  return renderForm(c, emptyValues(c.var.user!));
});

articleRoutes.post("/", async (c) => {
  const user = c.var.user!;
  if (!can(user, "article.create")) return forbiddenPage(c, "Bạn không có quyền viết bài.");
  const submitted = await readSubmission(c);
  if (submitted instanceof Response) return submitted;
  const { values, action } = submitted;
  try {
    const id = await createArticle(c.var.db, inputFromValues(values, action, user, null, new Date()), {
      userId: user.id,
    });
    return c.redirect(`/admin/bai-viet/${id}?da-luu`, 303);
  } catch (err) {
    return formFailure(c, err, values);
  }
});

/** Preview of the form as it is now, exactly as readers would see it; nothing is saved. */
articleRoutes.post("/xem-truoc", async (c) => {
  const user = c.var.user!;
  const values = valuesFromForm(await formStrings(c));
  try {
    const input = inputFromValues(values, "luu", user, null, new Date());
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
          publishedAt: input.publishedAt ?? now,
          updatedAt: now,
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

/** HTML pasted from a word processor is verbose; the editor's script falls back to plain text if refused. */
const PASTE_LIMIT: BodyLimit = { bytes: 2 * 1024 * 1024, message: "Đoạn văn bản dán vào quá lớn (tối đa 2 MB)." };

/** Converts HTML pasted from a word processor into body markup (used by the editor's small script). */
articleRoutes.post("/chuyen-doi-html", acceptsBodyUpTo(PASTE_LIMIT), async (c) => {
  const form = await formStrings(c);
  return c.text(htmlToMarkup((form.html ?? "").slice(0, 500_000)));
});

async function loadEditable(c: Context<AppEnv>): Promise<{ article: Article; tags: string[] } | Response> {
  const id = parseId(c.req.param("id"));
  const found = id ? await getArticleForEdit(c.var.db, id) : null;
  if (!found) return notFoundAdmin(c, "Không tìm thấy bài viết.");
  if (!canEditArticle(c.var.user!, found.article)) {
    return forbiddenPage(c, "Bạn chỉ được sửa bản nháp và bài chờ duyệt do chính mình viết.");
  }
  return found;
}

articleRoutes.get("/:id{[0-9]+}", async (c) => {
  const found = await loadEditable(c);
  if (found instanceof Response) return found;
  const notice =
    c.req.query("da-luu") !== undefined
      ? "Đã lưu bài viết."
      : c.req.query("da-khoi-phuc") !== undefined
        ? "Đã khôi phục phiên bản."
        : null;
  return renderForm(c, valuesFromArticle(found.article, found.tags), { article: found.article, notice });
});

articleRoutes.post("/:id{[0-9]+}", async (c) => {
  const user = c.var.user!;
  const found = await loadEditable(c);
  if (found instanceof Response) return found;
  const submitted = await readSubmission(c);
  if (submitted instanceof Response) return submitted;
  const { values, action } = submitted;
  try {
    const input = inputFromValues(values, action, user, found.article, new Date());
    const expectedVersion = Number(values.version);
    await updateArticle(c.var.db, found.article.id, input, {
      userId: user.id,
      expectedVersion: Number.isInteger(expectedVersion) ? expectedVersion : -1,
    });
    return c.redirect(`/admin/bai-viet/${found.article.id}?da-luu`, 303);
  } catch (err) {
    return formFailure(c, err, values, found.article);
  }
});

articleRoutes.post("/:id{[0-9]+}/xoa", async (c) => {
  const user = c.var.user!;
  if (!can(user, "article.delete")) return forbiddenPage(c, "Bạn không có quyền xóa bài viết.");
  const found = await loadEditable(c);
  if (found instanceof Response) return found;
  await deleteArticle(c.var.db, found.article.id, { userId: user.id });
  return c.redirect("/admin/bai-viet?da-xoa", 303);
});

articleRoutes.get("/:id{[0-9]+}/phien-ban", async (c) => {
  const found = await loadEditable(c);
  if (found instanceof Response) return found;
  const [revisions, users] = await Promise.all([listRevisions(c.var.db, found.article.id), listUsers(c.var.db)]);
  const names = new Map(users.map((u) => [u.id, u.name]));
  return adminPage(
    c,
    <RevisionsPage
      user={c.var.user!}
      csrf={c.var.session!.csrfToken}
      articleId={found.article.id}
      headline={found.article.headline}
      revisions={revisions.map((r) => ({ ...r, savedByName: r.savedBy ? (names.get(r.savedBy) ?? "?") : "Hệ thống" }))}
    />,
  );
});

async function loadRevision(c: Context<AppEnv>, article: Article) {
  const revisionId = parseId(c.req.param("rev"));
  const revision = revisionId ? await getRevision(c.var.db, article.id, revisionId) : null;
  return revision ? { revision, snapshot: JSON.parse(revision.snapshot) as ArticleSnapshot } : null;
}

articleRoutes.get("/:id{[0-9]+}/phien-ban/:rev{[0-9]+}", async (c) => {
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

articleRoutes.post("/:id{[0-9]+}/phien-ban/:rev{[0-9]+}/khoi-phuc", async (c) => {
  const found = await loadEditable(c);
  if (found instanceof Response) return found;
  const loaded = await loadRevision(c, found.article);
  if (!loaded) return notFoundAdmin(c, "Không tìm thấy phiên bản này.");
  const s = loaded.snapshot;
  // The words come back; the article's status and publication time stay as they are now.
  await updateArticle(
    c.var.db,
    found.article.id,
    {
      sectionId: s.sectionId,
      authorId: s.authorId,
      kicker: s.kicker,
      headline: s.headline,
      slug: s.slug,
      lead: s.lead,
      body: s.body,
      heroImageId: s.heroImageId,
      tags: s.tags,
      status: found.article.status,
      publishedAt: found.article.publishedAt,
    },
    { userId: c.var.user!.id, expectedVersion: found.article.version },
  );
  return c.redirect(`/admin/bai-viet/${found.article.id}?da-khoi-phuc`, 303);
});
