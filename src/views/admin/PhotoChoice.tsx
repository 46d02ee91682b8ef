// A photo field of a form (the article's hero and share photos): no ids in
// sight. Without JavaScript it is a choice among recent photos (radio buttons
// with thumbnails) and a search that reloads the page with other photos
// (`?tim-anh=`). With JavaScript (src/assets/photos.js) the choice becomes the
// chosen photo's thumbnail, a hidden input and "Chọn ảnh" / "Bỏ ảnh" buttons
// that open the picker dialog.

/** A photo as a choice shows it. */
export interface PhotoOption {
  id: number;
  thumbUrl: string;
  alt: string;
  caption: string;
  credit: string;
}

/** What the form's photo fields choose from. */
export interface PhotoChoices {
  /** Recent photos, or those matching `q`. */
  options: PhotoOption[];
  /** The photos the fields hold now, by id (shown even when older than the options). */
  chosen: PhotoOption[];
  /** The no-JS search typed, "" for none. */
  q: string;
}

export const PHOTO_SEARCH_PARAM = "tim-anh";

export function PhotoChoice({
  name,
  label,
  hint,
  value,
  choices,
  error,
}: {
  name: string;
  label: string;
  hint?: string;
  value: string;
  choices: PhotoChoices;
  error?: string;
}) {
  const current = choices.chosen.find((p) => String(p.id) === value.trim()) ?? null;
  const options = [...(current ? [current] : []), ...choices.options.filter((p) => p.id !== current?.id)];
  const searchForm = `${name}-search`;
  const unknown = value.trim() !== "" && !current;
  return (
    <fieldset
      class="photo-choice"
      id={`${name}-choice`}
      data-photo-choice={name}
      {...(error ? { "aria-describedby": `${name}-error` } : {})}
    >
      <legend>
        {label} {hint && <span class="hint">{hint}</span>}
      </legend>
      <div class="photo-current" data-photo-current>
        {current ? (
          <img src={current.thumbUrl} alt={current.alt} width={120} height={68} data-photo-thumb />
        ) : (
          <span class="photo-none" data-photo-thumb>
            Chưa chọn ảnh
          </span>
        )}
        <span class="photo-words" data-photo-words>
          {current ? current.caption || current.alt : ""}
        </span>
      </div>
      {error && (
        <p class="field-error" id={`${name}-error`}>
          {error}
        </p>
      )}
      <div data-photo-options>
        <div class="thumbs photo-options">
          <label class="pick">
            <input type="radio" name={name} value="" checked={value.trim() === ""} /> Không dùng ảnh
          </label>
          {unknown && (
            <label class="pick">
              <input type="radio" name={name} value={value} checked /> Ảnh đã chọn không còn trong thư viện
            </label>
          )}
          {options.map((p) => (
            <label class="pick">
              <input type="radio" name={name} value={String(p.id)} checked={p.id === current?.id} />{" "}
              <img src={p.thumbUrl} alt="" width={150} height={84} loading="lazy" />
              {p.caption || p.alt}
              {p.credit && <span class="hint">Ảnh: {p.credit}</span>}
            </label>
          ))}
        </div>
        <label for={`${name}-q`}>Tìm ảnh khác theo chú thích, tác giả ảnh</label>
        <div class="photo-search">
          <input id={`${name}-q`} type="search" name={PHOTO_SEARCH_PARAM} form={searchForm} value={choices.q} />
          <button type="submit" class="secondary" form={searchForm}>
            Tìm ảnh
          </button>
        </div>
        <p class="hint">
          Tìm ảnh sẽ tải lại trang: hãy lưu bài trước để không mất phần đã nhập.{" "}
          {choices.q && <a href="?">Xem ảnh mới nhất</a>}
        </p>
      </div>
    </fieldset>
  );
}

/** The GET forms the photo fields' searches submit (a form may not sit inside the article's form). */
export function PhotoSearchForms({ names }: { names: string[] }) {
  return (
    <>
      {names.map((n) => (
        <form id={`${n}-search`} method="get" action={`#${n}-choice`} hidden></form>
      ))}
    </>
  );
}
