import { SEO_DESCRIPTION_MAX, SEO_TITLE_MAX } from "../../content/article-rules";
import type { ReadingTime } from "../../content/reading-time";
import { can } from "../../model/permissions";
import type { User } from "../../model/records";
import type { ArticleStatus } from "../../model/statuses";
import { AdminLayout } from "./AdminLayout";
import { CsrfField } from "./CsrfField";
import { EditorBoot, type EditorData } from "./EditorBoot";
import { Field } from "./Field";
import { PhotoChoice, type PhotoChoices, PhotoSearchForms } from "./PhotoChoice";
import { STATUS_NAMES } from "./status-names";

export interface ArticleFormValues {
  kicker: string;
  headline: string;
  slug: string;
  sectionId: string;
  authorId: string;
  tags: string;
  lead: string;
  body: string;
  /** The editor's blocks as JSON (empty without JavaScript); preferred over `body` when sent. */
  bodyJson: string;
  heroImageId: string;
  seoTitle: string;
  seoDescription: string;
  socialImageId: string;
  publishAt: string;
  /** "on" when "Thay đổi quan trọng" is ticked. */
  significant: string;
  version: string;
}

export interface ArticleFormPageProps {
  user: User;
  csrf: string;
  /** Absent for a new article. */
  article?: { id: number; status: ArticleStatus; url: string | null };
  values: ArticleFormValues;
  errors?: Partial<Record<keyof ArticleFormValues, string>>;
  error?: string | null;
  notice?: string | null;
  sections: { id: number; name: string; hidden?: boolean }[];
  authors: { id: number; name: string; byline: string }[];
  recentImages: { id: number; key: string; alt: string }[];
  markupHelp: string;
  /** What a share of the article will show, drawn from the values as they are. */
  shareCard: ShareCardPreview;
  /** Words and minutes to read, while the body parses. */
  readingTime?: ReadingTime | null;
  adminScript: string;
  /** Autosave and the browser's local copy (src/assets/article-form.js). */
  autosave: {
    /** Where the script posts the form's fields as JSON. */
    url: string;
    /** The local copy's key: the article's id, or "new". */
    localKey: string;
    intervalMs: number;
    /** A newer autosave of this editor's, offered above the form. */
    offer: { href: string; savedAt: string } | null;
    /** The form holds text the server has not saved (a refused save, an opened autosave, text kept over a sign-in). */
    unsaved: boolean;
    script: string;
  };
  /** The hero and share photo fields' choices (PhotoChoice), and the picker's script. */
  photoChoices: PhotoChoices;
  photosScript: string;
  /** The WYSIWYG editor over the body textarea (progressive enhancement). */
  editor?: { data: EditorData; script: string };
}

export function ArticleFormPage(props: ArticleFormPageProps) {
  const { user, csrf, article, values, errors = {}, sections, authors, recentImages } = props;
  const action = article ? `/admin/bai-viet/${article.id}` : "/admin/bai-viet";
  const mayPublish = can(user, "article.publish");
  const invalidAuthor = errors.authorId
    ? { "aria-invalid": "true" as const, "aria-describedby": "authorId-error" }
    : {};
  return (
    <AdminLayout
      title={article ? "Sửa bài viết" : "Viết bài mới"}
      user={user}
      csrf={csrf}
      error={props.error}
      notice={props.notice}
    >
      {article && (
        <p>
          Trạng thái: <span class="status">{STATUS_NAMES[article.status]}</span>
          {article.url && (
            <>
              {" "}
              · <a href={article.url}>Xem trên trang</a>
            </>
          )}
          {" · "}
          <a href={`/admin/bai-viet/${article.id}/phien-ban`}>Các phiên bản</a>
          {article.status === "published" && mayPublish && (
            <>
              {" · "}
              <a href={`/admin/bai-viet/${article.id}/dinh-chinh`}>Đính chính</a>
            </>
          )}
        </p>
      )}
      {props.autosave.offer && (
        <p class="ok" role="status" id="autosave-offer">
          Có bản tự động lưu lúc {props.autosave.offer.savedAt}, mới hơn bản đang mở.{" "}
          <a href={props.autosave.offer.href}>Mở bản tự động lưu</a>
        </p>
      )}
      <form
        method="post"
        action={action}
        class="card"
        id="article-form"
        data-autosave-url={props.autosave.url}
        data-autosave-ms={String(props.autosave.intervalMs)}
        data-local-key={props.autosave.localKey}
        data-unsaved={props.autosave.unsaved ? "1" : undefined}
      >
        <CsrfField token={csrf} />
        <input type="hidden" name="version" value={values.version} />
        <Field id="kicker" label="Dòng dẫn" hint="(tùy chọn, ví dụ “Phường 7:”)" error={errors.kicker}>
          <input id="kicker" name="kicker" type="text" value={values.kicker} maxLength={200} />
        </Field>
        <Field id="headline" label="Tiêu đề" error={errors.headline}>
          <input id="headline" name="headline" type="text" value={values.headline} required maxLength={300} />
        </Field>
        <Field id="slug" label="Đường dẫn" hint="(để trống: tạo từ tiêu đề)" error={errors.slug}>
          <input id="slug" name="slug" type="text" value={values.slug} maxLength={120} pattern="[a-z0-9\-]*" />
        </Field>
        <Field id="sectionId" label="Chuyên mục" error={errors.sectionId}>
          <select id="sectionId" name="sectionId" required>
            <option value="">Chọn chuyên mục</option>
            {sections.map((s) => (
              <option value={String(s.id)} selected={values.sectionId === String(s.id)}>
                {s.hidden ? `${s.name} (đang ẩn)` : s.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="authorId" label="Tác giả" error={errors.authorId}>
          <select id="authorId" name="authorId" required {...invalidAuthor}>
            <option value="">Chọn tác giả</option>
            {authors.map((a) => (
              <option value={String(a.id)} selected={values.authorId === String(a.id)}>
                {a.byline} ({a.name})
              </option>
            ))}
          </select>
        </Field>
        <Field
          id="tags"
          label="Chủ đề"
          hint="(cách nhau bởi dấu phẩy; chủ đề mới được tạo tự động)"
          error={errors.tags}
        >
          <input id="tags" name="tags" type="text" value={values.tags} />
        </Field>
        <Field id="lead" label="Sapo" error={errors.lead}>
          <textarea id="lead" name="lead" required maxLength={1000}>
            {values.lead}
          </textarea>
        </Field>
        <PhotoChoice
          name="heroImageId"
          label="Ảnh đầu bài"
          hint="(tùy chọn)"
          value={values.heroImageId}
          choices={props.photoChoices}
          error={errors.heroImageId}
        />
        <fieldset>
          <legend>Chia sẻ và tìm kiếm</legend>
          <p class="hint">
            Tùy chọn. Để trống thì dùng tiêu đề, sapo và ảnh đầu bài; xem khung “Khi chia sẻ” bên dưới sau khi lưu.
          </p>
          <Field
            id="seoTitle"
            label="Tiêu đề chia sẻ"
            hint={`(tùy chọn, tối đa ${SEO_TITLE_MAX} ký tự; hiện trên Google, Facebook, Zalo thay cho tiêu đề)`}
            error={errors.seoTitle}
          >
            <input id="seoTitle" name="seoTitle" type="text" value={values.seoTitle} maxLength={SEO_TITLE_MAX} />
          </Field>
          <Field
            id="seoDescription"
            label="Mô tả chia sẻ"
            hint={`(tùy chọn, tối đa ${SEO_DESCRIPTION_MAX} ký tự; thay cho sapo)`}
            error={errors.seoDescription}
          >
            <textarea id="seoDescription" name="seoDescription" maxLength={SEO_DESCRIPTION_MAX} rows={3}>
              {values.seoDescription}
            </textarea>
          </Field>
          <PhotoChoice
            name="socialImageId"
            label="Ảnh chia sẻ"
            hint="(tùy chọn; không chọn: dùng ảnh đầu bài)"
            value={values.socialImageId}
            choices={props.photoChoices}
            error={errors.socialImageId}
          />
          <ShareCard card={props.shareCard} />
        </fieldset>
        <Field id="body" label="Nội dung" error={errors.body}>
          <textarea id="body" name="body" class="body" required>
            {values.body}
          </textarea>
        </Field>
        {props.readingTime && (
          <p class="hint" id="body-length">
            Khoảng {props.readingTime.words.toLocaleString("vi-VN")} chữ, đọc trong {props.readingTime.minutes} phút
          </p>
        )}
        <details class="markup-help">
          <summary>Cách viết nội dung</summary>
          <pre style="white-space:pre-wrap">{props.markupHelp}</pre>
        </details>
        {mayPublish && (
          <Field
            id="publishAt"
            label="Giờ đăng"
            hint="(giờ Việt Nam; giờ tương lai: hẹn giờ đăng; giờ đã qua: đăng với giờ đó, ví dụ bài lưu trữ)"
            error={errors.publishAt}
          >
            <input id="publishAt" name="publishAt" type="datetime-local" value={values.publishAt} />
          </Field>
        )}
        {!mayPublish && errors.publishAt && (
          // A reporter's form has no time field; a time sent anyway is refused, and said so here.
          <p class="field-error" id="publishAt-error">
            {errors.publishAt}
          </p>
        )}
        {mayPublish && article?.status === "published" && (
          <p class="check">
            <label>
              <input
                id="significant"
                name="significant"
                type="checkbox"
                value="on"
                checked={values.significant !== ""}
              />{" "}
              Thay đổi quan trọng (hiện “Cập nhật” cho bạn đọc)
            </label>
          </p>
        )}
        {errors.significant && (
          <p class="field-error" id="significant-error">
            {errors.significant}
          </p>
        )}
        <div class="actions">
          <button type="submit" name="hanh-dong" value="luu">
            Lưu
          </button>
          <button type="submit" class="secondary" formaction="/admin/bai-viet/xem-truoc" formtarget="_blank">
            Xem trước
          </button>
          {!mayPublish && (
            <button type="submit" name="hanh-dong" value="gui-duyet" class="secondary">
              Gửi duyệt
            </button>
          )}
          {mayPublish && (
            <button type="submit" name="hanh-dong" value="dang">
              Đăng ngay
            </button>
          )}
          {mayPublish && (
            <button type="submit" name="hanh-dong" value="hen-gio" class="secondary">
              Hẹn giờ đăng
            </button>
          )}
          {mayPublish && article?.status === "published" && (
            <button type="submit" name="hanh-dong" value="go" class="danger">
              Gỡ bài
            </button>
          )}
        </div>
      </form>
      {article && can(user, "article.delete") && (
        <form method="post" action={`/admin/bai-viet/${article.id}/xoa`} class="card">
          <CsrfField token={csrf} />
          <button type="submit" class="danger">
            Xóa bài viết
          </button>
        </form>
      )}
      {recentImages.length > 0 && (
        <section class="card" aria-labelledby="recent-images">
          <h2 id="recent-images">Ảnh mới tải lên</h2>
          <p class="hint">
            Chèn ảnh vào nội dung bằng <code>[[anh:MÃ | chú thích | tác giả]]</code>.{" "}
            <a href="/admin/anh">Thư viện ảnh</a> · <a href="/admin/anh/tai-len">Tải ảnh lên</a>
          </p>
          <div class="thumbs">
            {recentImages.map((img) => (
              <figure>
                <img src={`/media/${img.key}?w=360`} alt={img.alt} width={150} height={84} loading="lazy" />
                <figcaption>
                  Mã <strong>{img.id}</strong>
                </figcaption>
              </figure>
            ))}
          </div>
        </section>
      )}
      <PhotoSearchForms names={["heroImageId", "socialImageId"]} />
      {/* The editor first (deferred scripts run in order): autosave then reads the form as the editor left it. */}
      {props.editor && <EditorBoot data={props.editor.data} script={props.editor.script} />}
      <script src={props.adminScript} defer></script>
      <script src={props.autosave.script} defer></script>
      <script src={props.photosScript} defer></script>
    </AdminLayout>
  );
}

/** The share card as Facebook or Zalo would draw it, from the form's values. */
export interface ShareCardPreview {
  /** The site's address as shown on the card, e.g. "baoxyz.vn". */
  host: string;
  title: string;
  description: string;
  /** A small picture of the card's photo: the social image, else the hero, else the paper's default card. */
  imageSrc: string;
  /** Where the photo comes from, said under the card. */
  imageFrom: "social" | "hero" | "default";
  /** The paper's default card, for the live preview when no photo is chosen. */
  defaultSrc: string;
}

const IMAGE_FROM = {
  social: "Ảnh: ảnh chia sẻ",
  hero: "Ảnh: ảnh đầu bài",
  default: "Ảnh: ảnh mặc định của trang báo",
} as const;

function ShareCard({ card }: { card: ShareCardPreview }) {
  return (
    <section class="share-card" aria-labelledby="share-card-title">
      <h2 id="share-card-title">Khi chia sẻ</h2>
      <div class="share-card-box">
        <img src={card.imageSrc} alt="" width={240} height={126} loading="lazy" data-default-src={card.defaultSrc} />
        <div>
          <p class="share-host">{card.host}</p>
          <p class="share-title">{card.title || "(Chưa có tiêu đề)"}</p>
          <p class="share-description" hidden={!card.description}>
            {card.description}
          </p>
        </div>
      </div>
      <p class="hint">
        <span class="share-from">{IMAGE_FROM[card.imageFrom]}</span>. Khung này vẽ theo nội dung đang có trong biểu mẫu,
        cập nhật mỗi lần lưu (và ngay khi bạn gõ, nếu trình duyệt chạy JavaScript).
      </p>
    </section>
  );
}
