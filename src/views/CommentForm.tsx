import type { CommentInput, FieldErrors } from "../community/comment-rules";
import { FragmentSlot } from "./FragmentSlot";

export interface CommentFormProps {
  articleId: number;
  parentId?: number;
  values?: CommentInput;
  errors?: FieldErrors;
  error?: string;
  /** A fresh form token when the page is not cached; otherwise the edge fills it in. */
  token?: string;
  turnstileSiteKey?: string;
  title?: string;
}

export function CommentForm({
  articleId,
  parentId,
  values,
  errors = {},
  error,
  token,
  turnstileSiteKey,
  title = "Viết bình luận mới",
}: CommentFormProps) {
  return (
    <section id="viet-binh-luan" class="comment-form" aria-labelledby="viet-binh-luan-title">
      <h2 id="viet-binh-luan-title" class="block-title">
        {title}
      </h2>
      <p id="binh-luan-da-gui" class="notice" role="status">
        Bình luận của bạn đang chờ duyệt. Cảm ơn bạn đã góp ý!
      </p>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <form method="post" action="/binh-luan">
        <input type="hidden" name="article" value={String(articleId)} />
        {parentId && <input type="hidden" name="parent" value={String(parentId)} />}
        {token ? <input type="hidden" name="t" value={token} /> : <FragmentSlot fragment={{ kind: "comment-token" }} />}
        <p class="hp" aria-hidden="true">
          <label>
            Để trống ô này <input type="text" name="website" tabIndex={-1} autocomplete="off" />
          </label>
        </p>
        <label for="cm-name">Họ tên</label>
        <input
          id="cm-name"
          name="name"
          type="text"
          required
          minLength={2}
          maxLength={80}
          autocomplete="name"
          value={values?.name ?? ""}
          aria-describedby={errors.name ? "cm-name-error" : undefined}
        />
        {errors.name && (
          <p class="field-error" id="cm-name-error">
            {errors.name}
          </p>
        )}
        <label for="cm-email">
          Email <span class="hint">(không bắt buộc, không hiển thị)</span>
        </label>
        <input
          id="cm-email"
          name="email"
          type="email"
          maxLength={200}
          autocomplete="email"
          value={values?.email ?? ""}
        />
        {errors.email && <p class="field-error">{errors.email}</p>}
        <label for="cm-body">Nội dung</label>
        <textarea id="cm-body" name="body" required minLength={2} maxLength={2000} rows={5}>
          {values?.body ?? ""}
        </textarea>
        {errors.body && <p class="field-error">{errors.body}</p>}
        {turnstileSiteKey && <div class="cf-turnstile" data-sitekey={turnstileSiteKey}></div>}
        <button type="submit">Gửi bình luận</button>
      </form>
      {turnstileSiteKey && <script src="https://challenges.cloudflare.com/turnstile/v0/api.js" async defer></script>}
    </section>
  );
}
