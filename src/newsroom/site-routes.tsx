// /admin/cai-dat (the paper's identity) and /admin/menu (what the header and
// footer menus show). Admins only; every save bumps "global".
import { type Context, Hono } from "hono";
import { getImageById } from "../db/images";
import { listSections } from "../db/sections";
import { type MenuPlacement, saveMenus, saveSettings } from "../db/site-identity";
import { listStaticPages } from "../db/static-pages";
import type { AppEnv } from "../env";
import { loadSettings } from "../reader/site-info";
import { defaultSettings, LOGO_MAX_BYTES, LOGO_TYPES, type SiteSettings, settingsInput } from "../site/settings";
import { MenuPage } from "../views/admin/MenuPage";
import { type SettingsFormValues, SettingsPage } from "../views/admin/SettingsPage";
import { formStrings } from "./form";
import { adminPage, requirePermission } from "./responses";

export const settingsRoutes = new Hono<AppEnv>();

settingsRoutes.use(requirePermission("settings.manage", "Chỉ quản trị viên được thay đổi cài đặt trang báo."));

function asFormValues(s: SiteSettings): SettingsFormValues {
  return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v === null ? "" : String(v)])) as SettingsFormValues;
}

function settingsPage(
  c: Context<AppEnv>,
  values: SettingsFormValues,
  opts: { errors?: Partial<Record<keyof SiteSettings, string>>; notice?: string | null; status?: 200 | 400 } = {},
) {
  const hasErrors = opts.errors && Object.keys(opts.errors).length > 0;
  return adminPage(
    c,
    <SettingsPage
      user={c.var.user!}
      csrf={c.var.session!.csrfToken}
      values={values}
      errors={opts.errors}
      notice={opts.notice}
      error={hasErrors ? "Chưa lưu: hãy sửa các ô được đánh dấu." : null}
    />,
    opts.status ?? 200,
  );
}

settingsRoutes.get("/", async (c) =>
  settingsPage(c, asFormValues(await loadSettings(c)), {
    notice: c.req.query("da-luu") !== undefined ? "Đã lưu cài đặt." : null,
  }),
);

settingsRoutes.post("/", async (c) => {
  const form = await formStrings(c);
  // The fields are the settings' keys; what is stored now does not matter to a save.
  const values = Object.fromEntries(
    Object.keys(defaultSettings(c.env)).map((k) => [k, (form[k] ?? "").slice(0, 1000)]),
  ) as SettingsFormValues;
  const logoText = values.logoImageId.trim();
  const logoId = logoText === "" ? null : /^[1-9][0-9]{0,9}$/.test(logoText) ? Number(logoText) : NaN;
  const parsed = settingsInput.safeParse({ ...values, logoImageId: Number.isNaN(logoId) ? -1 : logoId });
  const errors: Partial<Record<keyof SiteSettings, string>> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as keyof SiteSettings;
      errors[field] ??= field === "logoImageId" ? "Mã ảnh phải là một số nguyên dương" : issue.message;
    }
  }
  if (parsed.success && parsed.data.logoImageId !== null) {
    const image = await getImageById(c.var.db, parsed.data.logoImageId);
    if (!image) errors.logoImageId = `Không có ảnh mã ${parsed.data.logoImageId} trong thư viện`;
    else if (!LOGO_TYPES.has(image.mime))
      errors.logoImageId = "Logo phải là ảnh PNG hoặc WebP (ảnh chụp JPEG không dùng làm logo được)";
    else if (image.bytes > LOGO_MAX_BYTES) {
      errors.logoImageId = `Logo nặng ${Math.ceil(image.bytes / 1024)} KB, tối đa ${LOGO_MAX_BYTES / 1024} KB để trang vẫn nhẹ trên điện thoại. Hãy thu nhỏ ảnh (cao khoảng 80 px là đủ) rồi tải lên lại.`;
    }
  }
  if (!parsed.success || Object.keys(errors).length) return settingsPage(c, values, { errors, status: 400 });
  await saveSettings(c.var.db, parsed.data, c.var.user!.id);
  return c.redirect("/admin/cai-dat?da-luu", 303);
});

export const menuRoutes = new Hono<AppEnv>();

// Menus are the paper's chrome, like its settings: admins only (editors manage sections themselves).
menuRoutes.use(requirePermission("settings.manage", "Chỉ quản trị viên được sửa menu."));

async function menuPage(
  c: Context<AppEnv>,
  opts: { notice?: string | null; error?: string | null; status?: 200 | 400 } = {},
) {
  const [sections, pages] = await Promise.all([listSections(c.var.db), listStaticPages(c.var.db)]);
  return adminPage(
    c,
    <MenuPage
      user={c.var.user!}
      csrf={c.var.session!.csrfToken}
      sections={sections}
      pages={pages}
      notice={opts.notice}
      error={opts.error}
    />,
    opts.status ?? 200,
  );
}

menuRoutes.get("/", (c) => menuPage(c, { notice: c.req.query("da-luu") !== undefined ? "Đã lưu menu." : null }));

/** Fields are named s-{id}-position / s-{id}-header / s-{id}-footer (p- for pages); unchecked boxes are absent. */
menuRoutes.post("/", async (c) => {
  const form = await formStrings(c);
  const [sections, pages] = await Promise.all([listSections(c.var.db), listStaticPages(c.var.db)]);
  const read = (prefix: string, id: number): MenuPlacement | string => {
    const raw = (form[`${prefix}-${id}-position`] ?? "").trim();
    if (!/^-?[0-9]{1,4}$/.test(raw)) return "Thứ tự phải là số nguyên (từ -9999 đến 9999)";
    return {
      position: Number(raw),
      inHeader: form[`${prefix}-${id}-header`] === "1",
      inFooter: form[`${prefix}-${id}-footer`] === "1",
    };
  };
  const sectionPlaces = new Map<number, MenuPlacement>();
  const pagePlaces = new Map<number, MenuPlacement>();
  for (const [prefix, rows, into] of [
    ["s", sections, sectionPlaces],
    ["p", pages, pagePlaces],
  ] as const) {
    for (const row of rows) {
      const place = read(prefix, row.id);
      if (typeof place === "string") return menuPage(c, { error: place, status: 400 });
      into.set(row.id, place);
    }
  }
  await saveMenus(c.var.db, sectionPlaces, pagePlaces, c.var.user!.id);
  return c.redirect("/admin/menu?da-luu", 303);
});
