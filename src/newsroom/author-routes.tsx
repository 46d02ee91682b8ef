// /admin/tac-gia: the authors (bylines) articles are filed under, and their
// reader pages at /tac-gia/{slug}. Editors and admins.
import { type Context, Hono } from "hono";
import { getImageById, listRecentImages } from "../db/images";
import { type AuthorInput, authorSlugTaken, createAuthor, getAuthor, listAllAuthors, updateAuthor } from "../db/people";
import type { AppEnv } from "../env";
import type { Author } from "../model/records";
import { isSlug } from "../reader/slugs";
import { slugify } from "../vi/slug";
import {
  type AuthorFormErrors,
  AuthorFormPage,
  type AuthorFormValues,
  AuthorListPage,
} from "../views/admin/AuthorPages";
import { formStrings, parseId } from "./form";
import { adminPage, notFoundAdmin, requirePermission } from "./responses";

export const authorRoutes = new Hono<AppEnv>();

authorRoutes.use(requirePermission("authors.manage", "Chỉ biên tập viên và quản trị viên được quản lý tác giả."));

const RECENT_PHOTOS = 12;

async function formPage(
  c: Context<AppEnv>,
  id: number | null,
  values: AuthorFormValues,
  errors: AuthorFormErrors = {},
  status: 200 | 400 = 200,
  notice?: string | null,
) {
  const recent = await listRecentImages(c.var.db, RECENT_PHOTOS);
  const chosen = parseId(values.photoImageId);
  // The author's own photo stays choosable after newer uploads push it off the list.
  const own = chosen && !recent.some((i) => i.id === chosen) ? await getImageById(c.var.db, chosen) : null;
  const photos = [...(own ? [own] : []), ...recent].map((i) => ({ id: i.id, key: i.r2Key, alt: i.alt }));
  return adminPage(
    c,
    <AuthorFormPage
      user={c.var.user!}
      csrf={c.var.session!.csrfToken}
      id={id}
      values={values}
      errors={errors}
      photos={photos}
      notice={notice}
    />,
    status,
  );
}

async function submitted(c: Context<AppEnv>): Promise<AuthorFormValues> {
  const form = await formStrings(c);
  return {
    name: (form.name ?? "").slice(0, 1000),
    byline: (form.byline ?? "").slice(0, 1000),
    slug: (form.slug ?? "").trim().toLowerCase().slice(0, 1000),
    bio: (form.bio ?? "").slice(0, 10_000),
    photoImageId: (form.photoImageId ?? "").trim().slice(0, 20),
  };
}

type Checked = { ok: true; input: AuthorInput } | { ok: false; errors: AuthorFormErrors };

async function check(c: Context<AppEnv>, values: AuthorFormValues, id: number | null): Promise<Checked> {
  const errors: AuthorFormErrors = {};
  const name = values.name.trim();
  if (!name) errors.name = "Cần nhập họ tên";
  else if (name.length > 100) errors.name = "Họ tên tối đa 100 ký tự";
  const byline = values.byline.trim();
  if (!byline) errors.byline = "Cần nhập bút danh (tên in dưới bài)";
  else if (byline.length > 100) errors.byline = "Bút danh tối đa 100 ký tự";
  const slug = values.slug || slugify(name);
  if (!isSlug(slug)) errors.slug = "Đường dẫn chỉ gồm chữ thường không dấu, số và dấu gạch ngang";
  else if (await authorSlugTaken(c.var.db, slug, id)) errors.slug = `Đã có tác giả khác tại “/tac-gia/${slug}”`;
  const bio = values.bio.trim();
  if (bio.length > 2000) errors.bio = "Phần giới thiệu tối đa 2000 ký tự";
  let photoImageId: number | null = null;
  if (values.photoImageId) {
    photoImageId = parseId(values.photoImageId);
    if (!photoImageId || !(await getImageById(c.var.db, photoImageId)))
      errors.photoImageId = "Ảnh này không có trong thư viện";
  }
  return Object.keys(errors).length
    ? { ok: false, errors }
    : { ok: true, input: { name, byline, slug, bio, photoImageId } };
}

async function loadAuthor(c: Context<AppEnv>): Promise<Author | null> {
  const id = parseId(c.req.param("id") ?? "");
  return id ? getAuthor(c.var.db, id) : null;
}

const valuesOf = (a: Author): AuthorFormValues => ({
  name: a.name,
  byline: a.byline,
  slug: a.slug,
  bio: a.bio,
  photoImageId: a.photoImageId ? String(a.photoImageId) : "",
});

authorRoutes.get("/", async (c) =>
  adminPage(
    c,
    <AuthorListPage user={c.var.user!} csrf={c.var.session!.csrfToken} authors={await listAllAuthors(c.var.db)} />,
  ),
);

authorRoutes.get("/moi", (c) => formPage(c, null, { name: "", byline: "", slug: "", bio: "", photoImageId: "" }));

authorRoutes.post("/", async (c) => {
  const values = await submitted(c);
  const checked = await check(c, values, null);
  if (!checked.ok) return formPage(c, null, values, checked.errors, 400);
  const id = await createAuthor(c.var.db, checked.input, c.var.user!.id);
  return c.redirect(`/admin/tac-gia/${id}?da-luu`, 303);
});

authorRoutes.get("/:id{[0-9]+}", async (c) => {
  const author = await loadAuthor(c);
  if (!author) return notFoundAdmin(c, "Không có tác giả này.");
  return formPage(c, author.id, valuesOf(author), {}, 200, c.req.query("da-luu") !== undefined ? "Đã lưu." : null);
});

authorRoutes.post("/:id{[0-9]+}", async (c) => {
  const author = await loadAuthor(c);
  if (!author) return notFoundAdmin(c, "Không có tác giả này.");
  const values = await submitted(c);
  const checked = await check(c, values, author.id);
  if (!checked.ok) return formPage(c, author.id, values, checked.errors, 400);
  await updateAuthor(c.var.db, author, checked.input, c.var.user!.id);
  return c.redirect(`/admin/tac-gia/${author.id}?da-luu`, 303);
});
