// The paper's identity: what makes one deployment "Báo Đồng Bằng" and another
// a different paper, with no code changed. Defaults come from wrangler.toml
// vars; admins override them in /admin/cai-dat (stored in D1).
import * as z from "zod";
import type { Env } from "../env";
import { AA_NORMAL_TEXT, contrastRatio, isHexColour } from "./contrast";

export interface SiteSettings {
  name: string;
  shortName: string;
  tagline: string;
  /** An image from the media library (PNG or WebP); the name is shown as text without one. */
  logoImageId: number | null;
  brandColor: string;
  address: string;
  phone: string;
  email: string;
  /** The press licence lines a Vietnamese online paper must print. */
  licenceNumber: string;
  licenceIssuer: string;
  editorInChief: string;
  /** "Cơ quan chủ quản": the body that publishes the paper. */
  agency: string;
}

export const DEFAULT_BRAND = "#0b5d3b";

/** A logo must be a raster image the library keeps with transparency. */
export const LOGO_TYPES: ReadonlySet<string> = new Set(["image/png", "image/webp"]);
/**
 * The header shows the stored file itself on every page (a resized variant
 * could lose its transparency as JPEG), so it must be small: a 40 px high
 * logo is a few KB, and the article page's 50 KB phone budget includes it.
 */
export const LOGO_MAX_BYTES = 30 * 1024;

export function defaultSettings(env: Env): SiteSettings {
  return {
    name: env.SITE_NAME,
    shortName: env.SITE_SHORT_NAME ?? env.SITE_NAME,
    tagline: env.SITE_TAGLINE ?? "",
    logoImageId: null,
    brandColor:
      env.SITE_BRAND_COLOR && isHexColour(env.SITE_BRAND_COLOR) ? env.SITE_BRAND_COLOR.toLowerCase() : DEFAULT_BRAND,
    address: env.SITE_ADDRESS ?? "",
    phone: env.SITE_PHONE ?? "",
    email: env.SITE_EMAIL ?? "",
    licenceNumber: env.SITE_LICENCE_NUMBER ?? "",
    licenceIssuer: env.SITE_LICENCE_ISSUER ?? "",
    editorInChief: env.SITE_EDITOR_IN_CHIEF ?? "",
    agency: env.SITE_AGENCY ?? "",
  };
}

const line = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} tối đa ${max} ký tự`)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters in a one-line setting is the point
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), `${label} có ký tự không hợp lệ`);
const required = (max: number, label: string) =>
  line(max, label).pipe(z.string().min(1, `Cần nhập ${label.toLowerCase()}`));

/** What an admin may save; every message is shown next to its field. */
export const settingsInput = z.object({
  name: required(100, "Tên báo"),
  shortName: required(40, "Tên ngắn"),
  tagline: line(160, "Khẩu hiệu"),
  logoImageId: z.number().int().positive().nullable(),
  brandColor: z
    .string()
    .trim()
    .toLowerCase()
    .superRefine((c, ctx) => {
      if (!isHexColour(c)) {
        ctx.addIssue({ code: "custom", message: "Màu nhận diện phải có dạng #rrggbb, ví dụ #0b5d3b" });
        return;
      }
      const ratio = contrastRatio(c, "#ffffff");
      if (ratio < AA_NORMAL_TEXT) {
        ctx.addIssue({
          code: "custom",
          message: `Màu ${c} quá nhạt trên nền trắng (tương phản ${ratio.toFixed(2)}:1, cần ít nhất ${AA_NORMAL_TEXT}:1 theo WCAG AA). Hãy chọn màu đậm hơn.`,
        });
      }
    }),
  address: line(300, "Địa chỉ"),
  phone: line(60, "Điện thoại").refine(
    (s) => s === "" || /^[0-9 +().-]{6,60}$/.test(s),
    "Số điện thoại chỉ gồm chữ số, dấu cách và + ( ) . -",
  ),
  email: line(200, "Email").refine(
    (s) => s === "" || /^[^\s@<>"']+@[^\s@<>"']+\.[^\s@<>"']+$/.test(s),
    "Email không hợp lệ",
  ),
  licenceNumber: line(200, "Số giấy phép"),
  licenceIssuer: line(200, "Cơ quan cấp phép"),
  editorInChief: line(100, "Tổng biên tập"),
  agency: line(200, "Cơ quan chủ quản"),
});

/** Stored JSON over the defaults; a field that no longer validates falls back to its default. */
export function mergeStored(defaults: SiteSettings, json: string | null | undefined): SiteSettings {
  if (!json) return defaults;
  let stored: unknown;
  try {
    stored = JSON.parse(json);
  } catch {
    return defaults;
  }
  if (!stored || typeof stored !== "object") return defaults;
  const merged: Record<string, unknown> = { ...defaults };
  const shape = settingsInput.shape as Record<string, z.ZodType>;
  for (const [key, value] of Object.entries(stored)) {
    if (key in shape && shape[key]!.safeParse(value).success) merged[key] = value;
  }
  return merged as unknown as SiteSettings;
}
