// The photo picker's JSON (src/assets/photos.js): search the library, and
// edit a photo's words in place. Mounted under /admin/anh, so the session,
// CSRF and no-store rules of the newsroom apply (routes.tsx, app.ts).
import { type Context, Hono } from "hono";
import { audit } from "../db/audit";
import { getImageById, getImagesByIds, pickerSearch, updateImageText } from "../db/images";
import type { AppEnv } from "../env";
import { variantWidthsFor } from "../media/variants";
import { canEditImage } from "../model/permissions";
import type { Image, User } from "../model/records";
import { mediaPath } from "../site/urls";
import { formatDate, vietnamDayOrMonthRange } from "../vi/dates";
import { PHOTO_SEARCH_PARAM, type PhotoChoices } from "../views/admin/PhotoChoice";
import { parseId } from "./form";

/** Photos per page of the picker: four rows of three on a phone. */
export const PICKER_PAGE = 12;
const MAX_PAGE = 10_000;
export const TEXT_LIMITS = { alt: 300, caption: 500, credit: 100 } as const;

/** A photo as the picker (and `newsroomPhotos.pick()`) hands it out. */
export interface PickedPhoto {
  id: number;
  thumbUrl: string;
  alt: string;
  caption: string;
  credit: string;
  width: number;
  height: number;
  /** Upload day, dd/mm/yyyy in Vietnam time. */
  date: string;
  /** Whether this editor may change its words (a reporter: their own uploads). */
  mayEdit: boolean;
}

/** The small variant (360 px wide) of our own /media, or the original when it is narrower. */
export function thumbUrl(image: Pick<Image, "r2Key" | "width">): string {
  return variantWidthsFor(image.width).includes(360) ? `${mediaPath(image.r2Key)}?w=360` : mediaPath(image.r2Key);
}

export function pickedPhoto(image: Image, user: User): PickedPhoto {
  return {
    id: image.id,
    thumbUrl: thumbUrl(image),
    alt: image.alt,
    caption: image.caption,
    credit: image.credit,
    width: image.width,
    height: image.height,
    date: formatDate(image.createdAt),
    mayEdit: canEditImage(user, image),
  };
}

/** A refusal the picker shows as it is: Vietnamese, never cached. */
export function jsonError(c: Context<AppEnv>, status: 400 | 403 | 404 | 413 | 415, error: string): Response {
  c.header("cache-control", "private, no-store");
  return c.json({ error }, status);
}

// C0/C1 controls (line breaks too: captions are one line), and the bidi overrides used to disguise text.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const HOSTILE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

export const photoPickerRoutes = new Hono<AppEnv>();

/** GET /admin/anh/chon.json?q=&ngay=&trang= : newest first, PICKER_PAGE at a time. */
photoPickerRoutes.get("/chon.json", async (c) => {
  const url = new URL(c.req.url);
  for (const name of ["q", "ngay", "trang"]) {
    if (url.searchParams.getAll(name).length > 1) return jsonError(c, 400, "Yêu cầu tìm ảnh không hợp lệ.");
  }
  const q = (url.searchParams.get("q") ?? "").normalize("NFC").trim();
  if (q.length > 200) return jsonError(c, 400, "Từ khóa tìm ảnh quá dài (tối đa 200 ký tự).");
  if (HOSTILE.test(q)) return jsonError(c, 400, "Từ khóa tìm ảnh có ký tự không hợp lệ.");
  const day = (url.searchParams.get("ngay") ?? "").trim();
  const range = day ? vietnamDayOrMonthRange(day) : null;
  if (day && !range) {
    return jsonError(c, 400, "Ngày không hợp lệ. Hãy nhập một ngày (17/01/2025) hoặc một tháng (01/2025).");
  }
  const pageText = url.searchParams.get("trang") ?? "";
  const page = pageText === "" ? 1 : /^[1-9][0-9]{0,4}$/.test(pageText) ? Number(pageText) : 0;
  if (page < 1 || page > MAX_PAGE) return jsonError(c, 400, "Số trang không hợp lệ.");
  const { rows, total } = await pickerSearch(
    c.var.db,
    { q: q || undefined, from: range?.start, to: range?.end },
    PICKER_PAGE,
    (page - 1) * PICKER_PAGE,
  );
  c.header("cache-control", "private, no-store");
  return c.json({
    photos: rows.map((r) => pickedPhoto(r, c.var.user!)),
    page,
    pageCount: Math.max(1, Math.ceil(total / PICKER_PAGE)),
    total,
  });
});

/** GET /admin/anh/123.json : one photo, e.g. the one a form field holds. */
photoPickerRoutes.get("/:file{[0-9]+\\.json}", async (c) => {
  const id = parseId(c.req.param("file").slice(0, -".json".length));
  const image = id ? await getImageById(c.var.db, id) : null;
  if (!image) return jsonError(c, 404, "Không tìm thấy ảnh.");
  c.header("cache-control", "private, no-store");
  return c.json(pickedPhoto(image, c.var.user!));
});

/**
 * POST /admin/anh/123/chu-thich, JSON { alt?, caption, credit } with the
 * session's token in `x-csrf-token`: the photo's words edited in place.
 * Goes through updateImageText, so every page showing the photo misses.
 */
photoPickerRoutes.post("/:id{[0-9]+}/chu-thich", async (c) => {
  const id = parseId(c.req.param("id"));
  const image = id ? await getImageById(c.var.db, id) : null;
  if (!image) return jsonError(c, 404, "Không tìm thấy ảnh.");
  const user = c.var.user!;
  if (!canEditImage(user, image)) return jsonError(c, 403, "Bạn chỉ được sửa thông tin ảnh do chính mình tải lên.");
  if (!(c.req.header("content-type") ?? "").startsWith("application/json")) {
    return jsonError(c, 415, "Yêu cầu phải gửi dạng JSON.");
  }
  if (Number(c.req.header("content-length") ?? 0) > 8192) return jsonError(c, 413, "Nội dung gửi lên quá dài.");
  const raw = await c.req.text();
  if (raw.length > 8192) return jsonError(c, 413, "Nội dung gửi lên quá dài.");
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return jsonError(c, 400, "Dữ liệu gửi lên không đúng dạng JSON.");
  }
  const checked = checkText(body, image);
  if (typeof checked === "string") return jsonError(c, 400, checked);
  await updateImageText(c.var.db, image.id, checked);
  await audit(c.var.db, {
    userId: user.id,
    action: "image.edit",
    target: `image:${image.id}`,
    detail: `chú thích: ${checked.caption} | tác giả ảnh: ${checked.credit}`.slice(0, 1000),
  });
  const saved = await getImageById(c.var.db, image.id);
  return c.json(pickedPhoto(saved ?? image, user));
});

/** The words sent, checked: a Vietnamese message when refused. */
function checkText(body: unknown, image: Image): { alt: string; caption: string; credit: string } | string {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return "Dữ liệu gửi lên không hợp lệ.";
  const b = body as Record<string, unknown>;
  const out = { alt: image.alt, caption: image.caption, credit: image.credit };
  const names = { alt: "Mô tả ảnh", caption: "Chú thích", credit: "Tác giả ảnh" } as const;
  for (const key of ["alt", "caption", "credit"] as const) {
    const v = b[key];
    if (v === undefined) continue;
    if (typeof v !== "string") return `${names[key]} phải là chữ.`;
    const text = v.normalize("NFC").trim();
    if (text.length > TEXT_LIMITS[key]) return `${names[key]} tối đa ${TEXT_LIMITS[key]} ký tự.`;
    if (HOSTILE.test(text)) return `${names[key]} có ký tự không hợp lệ (xuống dòng hoặc ký tự điều khiển).`;
    out[key] = text;
  }
  if (!out.alt) return "Cần nhập mô tả ảnh cho người khiếm thị.";
  return out;
}

/**
 * The choices of a form's photo fields (PhotoChoice): the 12 newest photos,
 * or on a GET with `?tim-anh=` those matching it, and the photos `ids` hold.
 */
export async function photoChoicesFor(c: Context<AppEnv>, ids: string[]): Promise<PhotoChoices> {
  const typed = c.req.method === "GET" ? (c.req.query(PHOTO_SEARCH_PARAM) ?? "").normalize("NFC").trim() : "";
  const q = typed.length <= 200 && !HOSTILE.test(typed) ? typed : "";
  const wanted = ids.map((raw) => parseId(raw.trim())).filter((id): id is number => id !== null);
  const [{ rows }, chosen] = await Promise.all([
    pickerSearch(c.var.db, { q: q || undefined }, PICKER_PAGE, 0),
    getImagesByIds(c.var.db, wanted),
  ]);
  const option = (i: Image) => ({ id: i.id, thumbUrl: thumbUrl(i), alt: i.alt, caption: i.caption, credit: i.credit });
  return { options: rows.map(option), chosen: chosen.map(option), q };
}
