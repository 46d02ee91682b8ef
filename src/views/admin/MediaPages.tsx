import type { ImageUse } from "../../model/media";
import type { Image, User } from "../../model/records";
import { Pagination } from "../Pagination";
import { AdminLayout } from "./AdminLayout";
import { CsrfField } from "./CsrfField";

export function MediaLibraryPage({
  user,
  csrf,
  images,
  q,
  page,
  pageCount,
  notice,
  editableIds,
  photosScript,
}: {
  user: User;
  csrf: string;
  images: Image[];
  q: string;
  page: number;
  pageCount: number;
  notice?: string | null;
  /** Photos whose words this editor may change in place (src/assets/photos.js). */
  editableIds: number[];
  photosScript: string;
}) {
  return (
    <AdminLayout title="Thư viện ảnh" user={user} csrf={csrf} notice={notice}>
      {/* biome-ignore lint/a11y/useSemanticElements: older phone browsers know no <search> element; role="search" is the landmark they support */}
      <form method="get" action="/admin/anh" class="card filters" role="search">
        <div>
          <label for="q">Tìm theo chú thích</label>
          <input id="q" name="q" type="search" value={q} />
        </div>
        <div>
          <button type="submit">Tìm</button>{" "}
          <a class="button secondary" href="/admin/anh/tai-len">
            Tải ảnh lên
          </a>
        </div>
      </form>
      {images.length === 0 ? (
        <p>Không có ảnh nào.</p>
      ) : (
        <div class="thumbs">
          {images.map((img) => (
            <figure
              key={img.id}
              data-photo={
                editableIds.includes(img.id)
                  ? JSON.stringify({
                      id: img.id,
                      thumbUrl: `/media/${img.r2Key}?w=360`,
                      alt: img.alt,
                      caption: img.caption,
                      credit: img.credit,
                      mayEdit: true,
                    })
                  : undefined
              }
            >
              <a href={`/admin/anh/${img.id}`}>
                <img
                  src={`/media/${img.r2Key}?w=360`}
                  alt={img.alt}
                  width={150}
                  height={Math.round((150 * img.height) / img.width)}
                  loading="lazy"
                />
              </a>
              <figcaption>
                Mã <strong>{img.id}</strong> · <code>[[anh:{img.id}]]</code>
                <br />
                <span data-photo-words>{img.caption || img.alt}</span>
              </figcaption>
            </figure>
          ))}
        </div>
      )}
      <Pagination
        basePath={q ? `/admin/anh?q=${encodeURIComponent(q)}` : "/admin/anh"}
        page={page}
        pageCount={pageCount}
      />
      <script src={photosScript} defer></script>
    </AdminLayout>
  );
}

export interface UploadValues {
  alt: string;
  caption: string;
  credit: string;
}

export function UploadPage({
  user,
  csrf,
  values,
  error,
  adminScript,
}: {
  user: User;
  csrf: string;
  values: UploadValues;
  error?: string | null;
  adminScript: string;
}) {
  return (
    <AdminLayout title="Tải ảnh lên" user={user} csrf={csrf} error={error}>
      <form method="post" action="/admin/anh" enctype="multipart/form-data" class="card" data-upload>
        <CsrfField token={csrf} />
        <label for="file">
          Ảnh <span class="hint">(JPEG, PNG, WebP hoặc AVIF, tối đa 15 MB)</span>
        </label>
        <input id="file" name="file" type="file" accept="image/jpeg,image/png,image/webp,image/avif" required />
        <label for="alt">
          Mô tả ảnh cho người khiếm thị <span class="hint">(bắt buộc)</span>
        </label>
        <input id="alt" name="alt" type="text" required maxLength={300} value={values.alt} />
        <label for="caption">Chú thích</label>
        <input id="caption" name="caption" type="text" maxLength={500} value={values.caption} />
        <label for="credit">Tác giả ảnh</label>
        <input id="credit" name="credit" type="text" maxLength={100} value={values.credit} />
        <div class="actions">
          <button type="submit">Tải lên</button> <progress data-upload-progress hidden value={0} max={1}></progress>
        </div>
      </form>
      <script src={adminScript} defer></script>
    </AdminLayout>
  );
}

export function ImageEditPage({
  user,
  csrf,
  image,
  usedBy,
  error,
  notice,
  mayEdit,
  mayDelete,
}: {
  user: User;
  csrf: string;
  image: Image;
  usedBy: ImageUse[];
  error?: string | null;
  notice?: string | null;
  mayEdit: boolean;
  mayDelete: boolean;
}) {
  return (
    <AdminLayout title={`Ảnh ${image.id}`} user={user} csrf={csrf} error={error} notice={notice}>
      <div class="card">
        <img
          src={`/media/${image.r2Key}?w=720`}
          alt={image.alt}
          width={image.width}
          height={image.height}
          style="max-width:100%;height:auto"
        />
        <p>
          {image.width} × {image.height} px · {Math.round(image.bytes / 1024)} KB · {image.mime} · chèn vào bài:{" "}
          <code>[[anh:{image.id}]]</code>
        </p>
      </div>
      {mayEdit && (
        <form method="post" action={`/admin/anh/${image.id}`} class="card">
          <CsrfField token={csrf} />
          <label for="alt">
            Mô tả ảnh <span class="hint">(bắt buộc)</span>
          </label>
          <input id="alt" name="alt" type="text" required maxLength={300} value={image.alt} />
          <label for="caption">Chú thích</label>
          <input id="caption" name="caption" type="text" maxLength={500} value={image.caption} />
          <label for="credit">Tác giả ảnh</label>
          <input id="credit" name="credit" type="text" maxLength={100} value={image.credit} />
          <div class="actions">
            <button type="submit">Lưu</button>
          </div>
        </form>
      )}
      {usedBy.length > 0 && (
        <div class="card">
          <p>Ảnh đang được dùng trong:</p>
          <ul>
            {usedBy.map((u) => (
              <li>
                <a href={u.href}>{u.label}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {mayDelete && (
        <form method="post" action={`/admin/anh/${image.id}/xoa`} class="card">
          <CsrfField token={csrf} />
          <button type="submit" class="danger">
            Xóa ảnh
          </button>
        </form>
      )}
    </AdminLayout>
  );
}
