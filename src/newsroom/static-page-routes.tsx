// /admin/trang: "Giới thiệu", "Liên hệ", "Quảng cáo", "Chính sách bảo mật"…
// written with the article editor's markup, published at /{slug}.
import { type Context, Hono } from "hono";
import {
  type BodyBlock,
  figureImageIds,
  InvalidBodyError,
  parseBody,
  readStoredBody,
  relatedArticleIds,
} from "../content/blocks";
import { blocksToMarkup } from "../content/markup/serialize";
import { existingArticleIds } from "../db/articles";
import { getImagesByIds } from "../db/images";
import {
  createStaticPage,
  deleteStaticPage,
  getStaticPage,
  listStaticPages,
  type StaticPageInput,
  slugTaken,
  updateStaticPage,
} from "../db/static-pages";
import type { AppEnv } from "../env";
import type { StaticPage } from "../model/records";
import { STATIC_PAGE_STATUSES, type StaticPageStatus } from "../model/statuses";
import { isSlug } from "../reader/slugs";
import { ASSET_URLS } from "../site/asset-urls";
import { slugify } from "../vi/slug";
import { StaticPageFormPage, type StaticPageFormValues, StaticPageListPage } from "../views/admin/StaticPagePages";
import { submittedBody } from "./body-json";
import { editorDataFor } from "./editor-data";
import { formStrings, parseId } from "./form";
import { adminPage, notFoundAdmin, requirePermission } from "./responses";

export const staticPageRoutes = new Hono<AppEnv>();

staticPageRoutes.use(requirePermission("pages.manage", "Chỉ biên tập viên và quản trị viên được sửa trang tĩnh."));

type FieldErrors = Partial<Record<keyof StaticPageFormValues, string>>;

/** Reads the fields of a submitted page form. */
async function submitted(c: Context<AppEnv>): Promise<StaticPageFormValues> {
  const form = await formStrings(c);
  return {
    title: form.title ?? "",
    slug: form.slug ?? "",
    body: form.body ?? "",
    bodyJson: form.bodyJson ?? "",
    status: form.status ?? "draft",
  };
}

async function formPage(
  c: Context<AppEnv>,
  id: number | null,
  values: StaticPageFormValues,
  errors: FieldErrors = {},
  status: 200 | 400 = 200,
  notice?: string | null,
) {
  return adminPage(
    c,
    <StaticPageFormPage
      user={c.var.user!}
      csrf={c.var.session!.csrfToken}
      id={id}
      values={values}
      errors={errors}
      notice={notice}
      error={Object.keys(errors).length ? "Chưa lưu: hãy sửa các ô được đánh dấu." : null}
      editor={{ data: await editorDataFor(c.var.db, values), script: ASSET_URLS["editor.js"] }}
    />,
    status,
  );
}

/** The submitted form -> a checked page, or the errors to show next to the fields. */
type Checked = { ok: true; input: StaticPageInput } | { ok: false; errors: FieldErrors };

async function check(c: Context<AppEnv>, values: StaticPageFormValues, id: number | null): Promise<Checked> {
  const errors: FieldErrors = {};
  const title = values.title.trim();
  if (!title) errors.title = "Cần nhập tiêu đề";
  else if (title.length > 200) errors.title = "Tiêu đề tối đa 200 ký tự";
  const slug = values.slug.trim() || slugify(title);
  if (!isSlug(slug)) errors.slug = "Đường dẫn chỉ gồm chữ thường không dấu, số và dấu gạch ngang";
  else if (c.var.reservedPaths.has(slug)) errors.slug = `“/${slug}” là đường dẫn của hệ thống, hãy chọn tên khác`;
  else if (await slugTaken(c.var.db, slug, id)) errors.slug = `Đã có chuyên mục hoặc trang tại “/${slug}”`;
  const status = (STATIC_PAGE_STATUSES as readonly string[]).includes(values.status)
    ? (values.status as StaticPageStatus)
    : null;
  if (!status) errors.status = "Trạng thái không hợp lệ";
  let body: BodyBlock[] = [];
  try {
    body = parseBody(submittedBody(values));
    const ids = figureImageIds(body);
    const found = new Set((ids.length ? await getImagesByIds(c.var.db, ids) : []).map((i) => i.id));
    const missing = ids.filter((i) => !found.has(i));
    if (missing.length) errors.body = `Không có ảnh mã ${missing.join(", ")} trong thư viện`;
    const relatedIds = relatedArticleIds(body);
    const articlesFound = await existingArticleIds(c.var.db, relatedIds);
    const missingArticles = relatedIds.filter((i) => !articlesFound.has(i));
    if (missingArticles.length) errors.body = `“Xem thêm” dẫn tới bài không tồn tại: số ${missingArticles.join(", ")}`;
  } catch (err) {
    if (!(err instanceof InvalidBodyError)) throw err;
    errors.body = err.issues.join("; ");
  }
  return Object.keys(errors).length
    ? { ok: false, errors }
    : { ok: true, input: { slug, title, body, status: status! } };
}

/** The page named by the address's :id, if there is one. */
async function loadPage(c: Context<AppEnv>): Promise<StaticPage | null> {
  const id = parseId(c.req.param("id") ?? "");
  return id ? getStaticPage(c.var.db, id) : null;
}

const emptyValues = (): StaticPageFormValues => ({ title: "", slug: "", body: "", bodyJson: "", status: "draft" });

staticPageRoutes.get("/", async (c) =>
  adminPage(
    c,
    <StaticPageListPage
      user={c.var.user!}
      csrf={c.var.session!.csrfToken}
      pages={await listStaticPages(c.var.db)}
      notice={c.req.query("da-xoa") !== undefined ? "Đã xóa trang." : null}
    />,
  ),
);

staticPageRoutes.get("/moi", (c) => formPage(c, null, emptyValues()));

staticPageRoutes.post("/", async (c) => {
  const values = await submitted(c);
  const checked = await check(c, values, null);
  if (!checked.ok) return formPage(c, null, values, checked.errors, 400);
  const id = await createStaticPage(c.var.db, checked.input, c.var.user!.id);
  return c.redirect(`/admin/trang/${id}?da-luu`, 303);
});

staticPageRoutes.get("/:id{[0-9]+}", async (c) => {
  const page = await loadPage(c);
  if (!page) return notFoundAdmin(c, "Không có trang này.");
  return formPage(
    c,
    page.id,
    {
      title: page.title,
      slug: page.slug,
      body: blocksToMarkup(readStoredBody(page.body)),
      bodyJson: "",
      status: page.status,
    },
    {},
    200,
    c.req.query("da-luu") !== undefined ? "Đã lưu." : null,
  );
});

staticPageRoutes.post("/:id{[0-9]+}", async (c) => {
  const page = await loadPage(c);
  if (!page) return notFoundAdmin(c, "Không có trang này.");
  const values = await submitted(c);
  const checked = await check(c, values, page.id);
  if (!checked.ok) return formPage(c, page.id, values, checked.errors, 400);
  await updateStaticPage(c.var.db, page.id, checked.input, c.var.user!.id);
  return c.redirect(`/admin/trang/${page.id}?da-luu`, 303);
});

staticPageRoutes.post("/:id{[0-9]+}/xoa", async (c) => {
  const page = await loadPage(c);
  if (!page) return notFoundAdmin(c, "Không có trang này.");
  await deleteStaticPage(c.var.db, page, c.var.user!.id);
  return c.redirect("/admin/trang?da-xoa", 303);
});
