import { type Context, Hono } from "hono";
import { audit } from "../db/audit";
import { imageUses } from "../db/image-uses";
import { deleteImageRow, getImageById, searchImages, updateImageText } from "../db/images";
import type { AppEnv } from "../env";
import { acceptsBodyUpTo, type BodyLimit } from "../http/request-guards";
import { MAX_UPLOAD_BYTES } from "../media/sniff";
import { can, canEditImage } from "../model/permissions";
import { parsePage } from "../reader/paging";
import { ASSET_URLS } from "../site/asset-urls";
import { ImageEditPage, MediaLibraryPage, UploadPage, type UploadValues } from "../views/admin/MediaPages";
import { formStrings, parseId } from "./form";
import { jsonError, photoPickerRoutes, pickedPhoto } from "./photo-picker-routes";
import { storeUpload, UploadRejected } from "./photo-upload";
import { adminPage, forbiddenPage, notFoundAdmin } from "./responses";

const PAGE = 24;

export const mediaAdminRoutes = new Hono<AppEnv>();

mediaAdminRoutes.route("/", photoPickerRoutes);

mediaAdminRoutes.get("/", async (c) => {
  const page = parsePage(c.req.query("page")) ?? 1;
  const q = (c.req.query("q") ?? "").normalize("NFC").trim().slice(0, 200);
  const { rows, total } = await searchImages(c.var.db, q || undefined, PAGE, (page - 1) * PAGE);
  const notice = c.req.query("da-xoa") !== undefined ? "Đã xóa ảnh." : null;
  return adminPage(
    c,
    <MediaLibraryPage
      user={c.var.user!}
      csrf={c.var.session!.csrfToken}
      images={rows}
      q={q}
      page={page}
      pageCount={Math.max(1, Math.ceil(total / PAGE))}
      notice={notice}
      editableIds={rows.filter((r) => canEditImage(c.var.user!, r)).map((r) => r.id)}
      photosScript={ASSET_URLS["photos.js"]}
    />,
  );
});

function uploadForm(c: Context<AppEnv>, values: UploadValues, error?: string, status: 200 | 400 | 413 | 415 = 200) {
  return adminPage(
    c,
    <UploadPage
      user={c.var.user!}
      csrf={c.var.session!.csrfToken}
      values={values}
      error={error}
      adminScript={ASSET_URLS["admin.js"]}
    />,
    status,
  );
}

mediaAdminRoutes.get("/tai-len", (c) => {
  if (!can(c.var.user!, "media.upload")) return forbiddenPage(c, "Bạn không có quyền tải ảnh lên.");
  return uploadForm(c, { alt: "", caption: "", credit: "" });
});

/** A photo upload: the file plus the form around it. */
const UPLOAD_LIMIT: BodyLimit = {
  bytes: MAX_UPLOAD_BYTES + 64 * 1024,
  message: "Ảnh vượt quá dung lượng cho phép (15 MB).",
  back: { href: "/admin/anh/tai-len", label: "Chọn ảnh khác" },
};

/** The picker's upload (src/assets/photos.js) asks for JSON: the photo, or a Vietnamese refusal. */
const wantsJson = (c: Context<AppEnv>) => (c.req.header("accept") ?? "").startsWith("application/json");

mediaAdminRoutes.post("/", acceptsBodyUpTo(UPLOAD_LIMIT), async (c) => {
  const user = c.var.user!;
  const json = wantsJson(c);
  if (!can(user, "media.upload")) {
    return json
      ? jsonError(c, 403, "Bạn không có quyền tải ảnh lên.")
      : forbiddenPage(c, "Bạn không có quyền tải ảnh lên.");
  }
  const declared = Number(c.req.header("content-length") ?? 0);
  if (declared > UPLOAD_LIMIT.bytes) {
    return json
      ? jsonError(c, 413, UPLOAD_LIMIT.message)
      : uploadForm(c, { alt: "", caption: "", credit: "" }, UPLOAD_LIMIT.message, 413);
  }
  const body = await c.req.parseBody();
  const values: UploadValues = {
    alt: typeof body.alt === "string" ? body.alt : "",
    caption: typeof body.caption === "string" ? body.caption : "",
    credit: typeof body.credit === "string" ? body.credit : "",
  };
  const file = body.file;
  if (!(file instanceof File) || file.size === 0) {
    return json ? jsonError(c, 400, "Hãy chọn một tệp ảnh.") : uploadForm(c, values, "Hãy chọn một tệp ảnh.", 400);
  }
  try {
    const id = await storeUpload(c.var.db, c.env.MEDIA, file, { ...values, uploadedBy: user.id });
    if (json) {
      const image = await getImageById(c.var.db, id);
      if (image) return c.json(pickedPhoto(image, user), 201);
    }
    return c.redirect(`/admin/anh/${id}?da-tai-len`, 303);
  } catch (err) {
    if (err instanceof UploadRejected) {
      return json ? jsonError(c, err.status, err.message) : uploadForm(c, values, err.message, err.status);
    }
    throw err;
  }
});

async function loadImage(c: Context<AppEnv>) {
  const id = parseId(c.req.param("id"));
  return id ? getImageById(c.var.db, id) : null;
}

mediaAdminRoutes.get("/:id{[0-9]+}", async (c) => {
  const image = await loadImage(c);
  if (!image) return notFoundAdmin(c, "Không tìm thấy ảnh.");
  const user = c.var.user!;
  const usedBy = await imageUses(c.var.db, image.id);
  const notice =
    c.req.query("da-tai-len") !== undefined
      ? "Đã tải ảnh lên."
      : c.req.query("da-luu") !== undefined
        ? "Đã lưu."
        : null;
  return adminPage(
    c,
    <ImageEditPage
      user={user}
      csrf={c.var.session!.csrfToken}
      image={image}
      usedBy={usedBy}
      notice={notice}
      mayEdit={canEditImage(user, image)}
      mayDelete={can(user, "media.delete")}
    />,
  );
});

mediaAdminRoutes.post("/:id{[0-9]+}", async (c) => {
  const image = await loadImage(c);
  if (!image) return notFoundAdmin(c, "Không tìm thấy ảnh.");
  const user = c.var.user!;
  if (!canEditImage(user, image)) return forbiddenPage(c, "Bạn chỉ được sửa thông tin ảnh do chính mình tải lên.");
  const form = await formStrings(c);
  const alt = (form.alt ?? "").trim();
  if (!alt) {
    return adminPage(
      c,
      <ImageEditPage
        user={user}
        csrf={c.var.session!.csrfToken}
        image={{ ...image, caption: form.caption ?? "", credit: form.credit ?? "" }}
        usedBy={[]}
        error="Cần nhập mô tả ảnh cho người khiếm thị."
        mayEdit
        mayDelete={can(user, "media.delete")}
      />,
      400,
    );
  }
  await updateImageText(c.var.db, image.id, {
    alt: alt.slice(0, 300),
    caption: (form.caption ?? "").slice(0, 500),
    credit: (form.credit ?? "").slice(0, 100),
  });
  await audit(c.var.db, { userId: user.id, action: "image.edit", target: `image:${image.id}` });
  return c.redirect(`/admin/anh/${image.id}?da-luu`, 303);
});

mediaAdminRoutes.post("/:id{[0-9]+}/xoa", async (c) => {
  const user = c.var.user!;
  if (!can(user, "media.delete")) return forbiddenPage(c, "Bạn không có quyền xóa ảnh.");
  const image = await loadImage(c);
  if (!image) return notFoundAdmin(c, "Không tìm thấy ảnh.");
  const usedBy = await imageUses(c.var.db, image.id);
  if (usedBy.length) {
    return adminPage(
      c,
      <ImageEditPage
        user={user}
        csrf={c.var.session!.csrfToken}
        image={image}
        usedBy={usedBy}
        mayEdit={canEditImage(user, image)}
        mayDelete
        error={`Không thể xóa: ảnh đang được dùng ở ${usedBy.length} nơi (danh sách bên dưới). Hãy bỏ ảnh khỏi những nơi đó trước.`}
      />,
      409,
    );
  }
  await deleteImageRow(c.var.db, image.id);
  await c.env.MEDIA.delete(image.r2Key);
  await audit(c.var.db, { userId: user.id, action: "image.delete", target: `image:${image.id}`, detail: image.r2Key });
  return c.redirect("/admin/anh?da-xoa", 303);
});
