// /admin/chuyen-muc: create, rename, reorder and hide sections. A new slug
// keeps the old one answering 301 (src/db/sections.ts). Editors and admins.
import { type Context, Hono } from "hono";
import {
  createSection,
  getSection,
  listOldSlugs,
  listSections,
  reorderSections,
  type SectionInput,
  sectionSlugHolder,
  updateSection,
} from "../db/sections";
import type { AppEnv } from "../env";
import type { Section } from "../model/records";
import { isSlug } from "../reader/slugs";
import { slugify } from "../vi/slug";
import {
  type SectionFormErrors,
  SectionFormPage,
  type SectionFormValues,
  SectionListPage,
} from "../views/admin/SectionPages";
import { formStrings, parseId } from "./form";
import { adminPage, notFoundAdmin, requirePermission } from "./responses";

export const sectionRoutes = new Hono<AppEnv>();

sectionRoutes.use(requirePermission("sections.manage", "Chỉ biên tập viên và quản trị viên được quản lý chuyên mục."));

const POSITION = /^-?[0-9]{1,4}$/;

async function listPage(c: Context<AppEnv>, opts: { notice?: string | null; error?: string; status?: 200 | 400 } = {}) {
  return adminPage(
    c,
    <SectionListPage
      user={c.var.user!}
      csrf={c.var.session!.csrfToken}
      sections={await listSections(c.var.db)}
      notice={opts.notice}
      error={opts.error}
    />,
    opts.status ?? 200,
  );
}

async function formPage(
  c: Context<AppEnv>,
  id: number | null,
  values: SectionFormValues,
  errors: SectionFormErrors = {},
  status: 200 | 400 = 200,
  notice?: string | null,
) {
  return adminPage(
    c,
    <SectionFormPage
      user={c.var.user!}
      csrf={c.var.session!.csrfToken}
      id={id}
      values={values}
      errors={errors}
      oldSlugs={id ? await listOldSlugs(c.var.db, id) : []}
      notice={notice}
    />,
    status,
  );
}

async function submitted(c: Context<AppEnv>): Promise<SectionFormValues> {
  const form = await formStrings(c);
  return {
    name: (form.name ?? "").slice(0, 1000),
    slug: (form.slug ?? "").trim().toLowerCase().slice(0, 1000),
    description: (form.description ?? "").slice(0, 10_000),
    position: (form.position ?? "").trim().slice(0, 20),
    hidden: form.hidden === "1",
  };
}

type Checked = { ok: true; input: SectionInput } | { ok: false; errors: SectionFormErrors };

async function check(c: Context<AppEnv>, values: SectionFormValues, id: number | null): Promise<Checked> {
  const errors: SectionFormErrors = {};
  const name = values.name.trim();
  if (!name) errors.name = "Cần nhập tên chuyên mục";
  else if (name.length > 100) errors.name = "Tên tối đa 100 ký tự";
  const slug = values.slug || slugify(name);
  if (!isSlug(slug)) errors.slug = "Đường dẫn chỉ gồm chữ thường không dấu, số và dấu gạch ngang";
  else if (c.var.reservedPaths.has(slug)) errors.slug = `“/${slug}” là đường dẫn của hệ thống, hãy chọn tên khác`;
  else {
    const holder = await sectionSlugHolder(c.var.db, slug, id);
    if (holder === "section") errors.slug = `Đã có chuyên mục khác tại “/${slug}”`;
    else if (holder === "page") errors.slug = `Đã có trang tĩnh tại “/${slug}”`;
    else if (holder === "old-slug") errors.slug = `“/${slug}” là địa chỉ cũ của chuyên mục khác, vẫn đang chuyển hướng`;
  }
  const description = values.description.trim();
  if (description.length > 500) errors.description = "Mô tả tối đa 500 ký tự";
  if (!POSITION.test(values.position)) errors.position = "Thứ tự là một số nguyên từ -9999 đến 9999";
  return Object.keys(errors).length
    ? { ok: false, errors }
    : { ok: true, input: { name, slug, description, position: Number(values.position), hidden: values.hidden } };
}

async function loadSection(c: Context<AppEnv>): Promise<Section | null> {
  const id = parseId(c.req.param("id") ?? "");
  return id ? getSection(c.var.db, id) : null;
}

sectionRoutes.get("/", (c) => listPage(c, { notice: c.req.query("da-luu") !== undefined ? "Đã lưu thứ tự." : null }));

sectionRoutes.get("/moi", async (c) => {
  const sections = await listSections(c.var.db);
  const last = sections.reduce((max, s) => Math.max(max, s.position), 0);
  return formPage(c, null, { name: "", slug: "", description: "", position: String(last + 1), hidden: false });
});

sectionRoutes.post("/", async (c) => {
  const values = await submitted(c);
  const checked = await check(c, values, null);
  if (!checked.ok) return formPage(c, null, values, checked.errors, 400);
  const id = await createSection(c.var.db, checked.input, c.var.user!.id);
  return c.redirect(`/admin/chuyen-muc/${id}?da-luu`, 303);
});

sectionRoutes.post("/thu-tu", async (c) => {
  const form = await formStrings(c);
  const sections = await listSections(c.var.db);
  const positions = new Map<number, number>();
  for (const s of sections) {
    const raw = (form[`position-${s.id}`] ?? String(s.position)).trim();
    if (!POSITION.test(raw))
      return listPage(c, { error: `Thứ tự của “${s.name}” phải là một số nguyên từ -9999 đến 9999.`, status: 400 });
    if (Number(raw) !== s.position) positions.set(s.id, Number(raw));
  }
  if (positions.size) await reorderSections(c.var.db, positions, c.var.user!.id);
  return c.redirect("/admin/chuyen-muc?da-luu", 303);
});

sectionRoutes.get("/:id{[0-9]+}", async (c) => {
  const section = await loadSection(c);
  if (!section) return notFoundAdmin(c, "Không có chuyên mục này.");
  return formPage(
    c,
    section.id,
    {
      name: section.name,
      slug: section.slug,
      description: section.description,
      position: String(section.position),
      hidden: section.hidden,
    },
    {},
    200,
    c.req.query("da-luu") !== undefined ? "Đã lưu." : null,
  );
});

sectionRoutes.post("/:id{[0-9]+}", async (c) => {
  const section = await loadSection(c);
  if (!section) return notFoundAdmin(c, "Không có chuyên mục này.");
  const values = await submitted(c);
  const checked = await check(c, values, section.id);
  if (!checked.ok) return formPage(c, section.id, values, checked.errors, 400);
  await updateSection(c.var.db, section, checked.input, c.var.user!.id);
  return c.redirect(`/admin/chuyen-muc/${section.id}?da-luu`, 303);
});
