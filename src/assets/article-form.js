// The article form's safety net and live preview (issue 18.5 and 18.9),
// loaded on the article form only; the form works without it.
//
// - Autosave: while the form differs from what the server last confirmed,
//   its fields go as JSON to data-autosave-url every data-autosave-ms (the
//   server says 20 s). An autosave is stored apart from the article: it
//   never publishes and readers never see it.
// - Local copy: every change is also kept in localStorage under the
//   article's id (or "new"), with the time and the form's version, until the
//   server confirms an autosave or a save of that same content. When the
//   form opens with a different copy kept, a banner offers to restore it;
//   restoring sets the fields by name and dispatches `newsroom:restored` on
//   the form, so the body editor reloads (docs/newsroom.md).
// - A warning before leaving while something typed is on no server yet.
// - The "Khi chia sẻ" card follows the share fields (or the headline, lead
//   and hero photo) as they are typed, with character counts.
// Type-checked with src/assets/tsconfig.json.
(() => {
  const found = document.getElementById("article-form");
  if (!(found instanceof HTMLFormElement)) return;
  /** @type {HTMLFormElement} */
  const form = found;
  const KEY = `newsroom:bai-viet:${form.dataset.localKey || "new"}`;
  /** sessionStorage: the local copy a submitted save will make unnecessary, once the server says "Đã lưu". */
  const PENDING = "newsroom:bai-viet:dang-luu";

  /** @typedef {Record<string, string>} Fields */
  /** @typedef {{ fields: Fields; savedAt: number; version: string }} LocalCopy */

  /**
   * The form's fields as it would send them (unticked boxes as ""), without its token.
   * @returns {Fields}
   */
  function readFields() {
    /** @type {Fields} */
    const out = {};
    for (const el of Array.from(form.elements)) {
      if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement)) {
        continue;
      }
      if (!el.name || el.name === "_csrf" || el.disabled) continue;
      if (el instanceof HTMLInputElement) {
        if (el.type === "submit" || el.type === "button" || el.type === "file" || el.type === "reset") continue;
        if (el.type === "checkbox" || el.type === "radio") {
          if (el.checked) out[el.name] = el.value;
          else if (!(el.name in out)) out[el.name] = "";
          continue;
        }
      }
      out[el.name] = el.value;
    }
    return out;
  }

  /**
   * What two forms are compared by: the fields without the version, line ends made equal.
   * @param {Fields} fields
   */
  function contentOf(fields) {
    return JSON.stringify(
      Object.keys(fields)
        .filter((k) => k !== "version")
        .sort()
        .map((k) => [k, String(fields[k]).replace(/\r\n?/g, "\n")]),
    );
  }

  /**
   * Sets the fields by name, then tells the editor (and this script) that the form changed under it.
   * @param {Fields} fields
   */
  function restoreFields(fields) {
    for (const name of Object.keys(fields)) {
      if (name === "_csrf") continue;
      const item = form.elements.namedItem(name);
      const value = fields[name];
      if (item instanceof RadioNodeList) {
        for (const el of Array.from(item)) if (el instanceof HTMLInputElement) el.checked = el.value === value;
      } else if (item instanceof HTMLInputElement && (item.type === "checkbox" || item.type === "radio")) {
        item.checked = value !== "" && value === item.value;
      } else if (
        item instanceof HTMLInputElement ||
        item instanceof HTMLTextAreaElement ||
        item instanceof HTMLSelectElement
      ) {
        item.value = value;
      }
    }
    form.dispatchEvent(new CustomEvent("newsroom:restored", { bubbles: true }));
  }

  // --- The local copy ---------------------------------------------------

  /** @returns {LocalCopy | null} */
  function readCopy() {
    try {
      const raw = localStorage.getItem(KEY);
      const copy = raw ? JSON.parse(raw) : null;
      return copy && typeof copy === "object" && copy.fields && typeof copy.savedAt === "number" ? copy : null;
    } catch {
      return null;
    }
  }

  /** @param {Fields} fields */
  function writeCopy(fields) {
    try {
      localStorage.setItem(KEY, JSON.stringify({ fields, savedAt: Date.now(), version: fields.version || "" }));
    } catch {
      // Storage full or refused (private browsing): the autosave still runs.
    }
  }

  /** @param {string=} key */
  function dropCopy(key) {
    try {
      localStorage.removeItem(key || KEY);
    } catch {
      // Nothing kept, nothing to drop.
    }
  }

  // A save submitted from this tab came back as "Đã lưu": its local copy is done with.
  try {
    const pending = sessionStorage.getItem(PENDING);
    sessionStorage.removeItem(PENDING);
    if (pending && /[?&]da-luu(&|=|$)/.test(location.search)) dropCopy(pending);
  } catch {
    // No session storage: the banner below may offer a copy equal to the saved text; "Bỏ bản này" clears it.
  }

  // What the server holds: the form as drawn, unless the server drew it with text it has not saved
  // (a refused save, a restored autosave, the text kept over a sign-in): then nothing is confirmed yet.
  /** @type {string | null} */
  let confirmed = form.dataset.unsaved ? null : contentOf(readFields());
  let submitting = false;

  /** @type {number | undefined} */
  let copyTimer;
  function keepCopySoon() {
    clearTimeout(copyTimer);
    copyTimer = window.setTimeout(keepCopyNow, 300);
  }
  function keepCopyNow() {
    clearTimeout(copyTimer);
    const fields = readFields();
    if (contentOf(fields) === confirmed) dropCopy();
    else writeCopy(fields);
  }

  // --- Status line --------------------------------------------------------

  const status = document.createElement("p");
  status.className = "hint";
  status.id = "autosave-status";
  status.setAttribute("role", "status");
  (form.querySelector(".actions") || form).appendChild(status);
  /** @param {string} text */
  function say(text) {
    status.textContent = text;
  }

  // --- Offer a kept copy ----------------------------------------------------

  const kept = readCopy();
  if (kept && contentOf(kept.fields) !== contentOf(readFields())) offerCopy(kept);
  // Text the server drew but has not saved is kept on this machine at once (reloading the page
  // that answered a sign-in would not bring it back), unless another copy is on offer.
  else if (confirmed === null) keepCopyNow();

  /** @param {LocalCopy} copy */
  function offerCopy(copy) {
    const banner = document.createElement("div");
    banner.className = "ok";
    banner.id = "local-copy";
    banner.setAttribute("role", "status");
    const when = new Date(copy.savedAt).toLocaleString("vi-VN", {
      hour: "2-digit",
      minute: "2-digit",
      day: "2-digit",
      month: "2-digit",
      year: "numeric",
    });
    const older =
      copy.version && copy.version !== readFields().version
        ? " Bài đã được lưu lại sau lúc đó: kiểm tra kỹ trước khi lưu."
        : "";
    const text = document.createElement("p");
    text.textContent = `Trình duyệt này còn giữ một bản bạn gõ lúc ${when}, khác với nội dung đang mở.${older}`;
    const restore = document.createElement("button");
    restore.type = "button";
    restore.textContent = "Khôi phục";
    const discard = document.createElement("button");
    discard.type = "button";
    discard.className = "secondary";
    discard.textContent = "Bỏ bản này";
    banner.append(text, restore, " ", discard);
    form.before(banner);
    restore.addEventListener("click", () => {
      restoreFields(copy.fields);
      banner.remove();
      say("Đã khôi phục bản gõ dở. Bài CHƯA được lưu: bấm “Lưu” khi xong.");
      const first = form.querySelector("input:not([type=hidden]), textarea");
      if (first instanceof HTMLElement) first.focus();
    });
    discard.addEventListener("click", () => {
      dropCopy();
      banner.remove();
      say("Đã bỏ bản gõ dở trên máy này.");
    });
  }

  // --- Autosave ---------------------------------------------------------------

  const url = form.dataset.autosaveUrl;
  let lastTry = Date.now();
  let busy = false;
  /** Content the server refused (bad body): not sent again until it changes. */
  let refused = "";

  function csrfToken() {
    const field = form.elements.namedItem("_csrf");
    return field instanceof HTMLInputElement ? field.value : "";
  }

  function autosaveTick() {
    if (!url || busy || submitting) return;
    const every = Math.max(500, Number(form.dataset.autosaveMs) || 20000);
    if (Date.now() - lastTry < every) return;
    const fields = readFields();
    const content = contentOf(fields);
    if (content === confirmed || content === refused) return;
    lastTry = Date.now();
    busy = true;
    fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json", accept: "application/json", "x-csrf-token": csrfToken() },
      body: JSON.stringify({ fields }),
    })
      .then((res) =>
        res
          .json()
          .catch(() => ({}))
          .then((/** @type {{ message?: string; error?: string }} */ data) => {
            if (res.ok) {
              confirmed = content;
              const copy = readCopy();
              if (copy && contentOf(copy.fields) === content) dropCopy();
              say(data.message || "Đã tự động lưu.");
            } else {
              if (res.status === 400) refused = content;
              say(`${data.error || `Chưa tự động lưu được (lỗi ${res.status}).`} Bản gõ dở vẫn được giữ trên máy này.`);
            }
          }),
      )
      .catch(() => say("Mất kết nối nên chưa tự động lưu được. Bản gõ dở vẫn được giữ trên máy này."))
      .finally(() => {
        busy = false;
      });
  }
  window.setInterval(autosaveTick, 1000);

  // --- Changes, submitting, leaving ---------------------------------------------

  form.addEventListener("input", keepCopySoon);
  form.addEventListener("change", keepCopySoon);
  form.addEventListener("newsroom:restored", keepCopyNow);

  form.addEventListener("submit", (event) => {
    // "Xem trước" opens in another tab: this page stays, with its text.
    const by = event.submitter;
    if ((by instanceof HTMLButtonElement || by instanceof HTMLInputElement) && by.formTarget === "_blank") return;
    submitting = true;
    keepCopyNow();
    try {
      sessionStorage.setItem(PENDING, KEY);
    } catch {
      // The copy then stays until the banner's "Bỏ bản này" or an autosave.
    }
  });

  // Phones may close a tab in the background without beforeunload: keep the copy when the page is hidden.
  window.addEventListener("pagehide", keepCopyNow);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden" && !submitting) keepCopyNow();
  });

  window.addEventListener("pageshow", (event) => {
    // Back from the next page (bfcache): the form is live again.
    if (event.persisted) submitting = false;
  });

  window.addEventListener("beforeunload", (event) => {
    if (submitting) return;
    keepCopyNow();
    if (contentOf(readFields()) !== confirmed) {
      event.preventDefault();
      // Older browsers show the dialog only when returnValue is set.
      event.returnValue = "";
    }
  });

  // --- The share card, live ---------------------------------------------------------

  const card = document.querySelector(".share-card");
  if (card) liveShareCard(card);

  /** @param {Element} card */
  function liveShareCard(card) {
    const title = card.querySelector(".share-title");
    const description = card.querySelector(".share-description");
    const img = card.querySelector("img");
    const from = card.querySelector(".share-from");
    if (!(title && description instanceof HTMLElement && img && from)) return;
    liveCard(card, title, description, img, from);
  }

  /**
   * @param {Element} card
   * @param {Element} title
   * @param {HTMLElement} description
   * @param {HTMLImageElement} img
   * @param {Element} from
   */
  function liveCard(card, title, description, img, from) {
    const defaultSrc = img.dataset.defaultSrc || img.src;
    /** @type {Map<string, Promise<string | null>>} */
    const pictures = new Map();
    let asked = 0;

    /** @param {string} name */
    const value = (name) => {
      const el = form.elements.namedItem(name);
      return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement
        ? el.value
        : "";
    };
    /** @param {string} text */
    const oneLine = (text) => text.replace(/\s+/g, " ").trim();

    /**
     * A library photo's card picture, or null when the library has no such photo.
     * @param {string} raw
     */
    function picture(raw) {
      const id = raw.trim();
      if (!/^[1-9][0-9]{0,14}$/.test(id)) return Promise.resolve(null);
      let found = pictures.get(id);
      if (!found) {
        found = fetch(`/admin/bai-viet/anh-chia-se/${id}`, {
          credentials: "same-origin",
          headers: { accept: "application/json" },
        })
          .then((res) => (res.ok ? res.json() : null))
          .then((/** @type {{ src?: string } | null} */ data) => data?.src || null)
          .catch(() => null);
        pictures.set(id, found);
      }
      return found;
    }

    function draw() {
      const kicker = oneLine(value("kicker"));
      const headline = oneLine(value("headline"));
      const shown = oneLine(value("seoTitle")) || (kicker ? `${kicker} ${headline}` : headline);
      title.textContent = shown || "(Chưa có tiêu đề)";
      const text = oneLine(value("seoDescription")) || oneLine(value("lead"));
      description.textContent = text;
      description.hidden = !text;
      const mine = ++asked;
      Promise.all([picture(value("socialImageId")), picture(value("heroImageId"))]).then(([social, hero]) => {
        if (mine !== asked) return;
        img.src = social || hero || defaultSrc;
        from.textContent = social ? "Ảnh: ảnh chia sẻ" : hero ? "Ảnh: ảnh đầu bài" : "Ảnh: ảnh mặc định của trang báo";
      });
    }

    /**
     * "12/70 ký tự" under a field with a length limit.
     * @param {string} name
     */
    function counter(name) {
      const field = form.elements.namedItem(name);
      if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) || field.maxLength <= 0) return;
      const input = field;
      const line = document.createElement("p");
      line.className = "hint char-count";
      line.id = `${name}-count`;
      const described = input.getAttribute("aria-describedby");
      input.setAttribute("aria-describedby", described ? `${described} ${line.id}` : line.id);
      input.after(line);
      const update = () => {
        const left = input.maxLength - input.value.length;
        line.textContent = `${input.value.length}/${input.maxLength} ký tự${left <= 10 ? ` (còn ${left})` : ""}`;
      };
      input.addEventListener("input", update);
      form.addEventListener("newsroom:restored", update);
      update();
    }

    counter("seoTitle");
    counter("seoDescription");
    /** @type {number | undefined} */
    let drawTimer;
    const drawSoon = () => {
      clearTimeout(drawTimer);
      drawTimer = window.setTimeout(draw, 150);
    };
    form.addEventListener("input", drawSoon);
    form.addEventListener("change", drawSoon);
    form.addEventListener("newsroom:restored", drawSoon);
    const hint = card.querySelector(".hint");
    if (hint) {
      hint.replaceChildren(from, ". Khung này vẽ theo nội dung đang có trong biểu mẫu, cập nhật ngay khi bạn gõ.");
    }
  }
})();
