// The photo picker of the newsroom's forms: search the library, upload a photo
// (a file, drag and drop, or the phone's camera), edit a caption in place.
// Every form works without it (src/views/admin/PhotoChoice.tsx).
//
// For other scripts (the body editor):
//   window.newsroomPhotos.pick(): Promise<{ id, thumbUrl, alt, caption, credit } | null>
// opens the dialog and resolves with the photo chosen, or null when closed.
//
// Type-checked with src/assets/tsconfig.json; ES5 like admin.js.
(function () {
  /**
   * @typedef {{ id: number; thumbUrl: string; alt: string; caption: string; credit: string;
   *   width?: number; height?: number; date?: string; mayEdit?: boolean }} Photo
   * @typedef {{ photos: Photo[]; page: number; pageCount: number; total: number }} PhotoPage
   */

  var dialogSupported = typeof HTMLDialogElement === "function" && "showModal" in HTMLDialogElement.prototype;
  var csrfInput = /** @type {HTMLInputElement | null} */ (document.querySelector('input[name="_csrf"]'));

  var SIGNED_OUT = "Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại trong một thẻ mới rồi thử lại.";
  var MAX_BYTES = 15 * 1024 * 1024;

  function csrf() {
    return csrfInput ? csrfInput.value : "";
  }

  /**
   * A new element with attributes and children.
   * @param {string} tag
   * @param {Record<string, string>} [attrs]
   * @param {(Node | string)[]} [children]
   * @returns {HTMLElement}
   */
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    var keys = attrs ? Object.keys(attrs) : [];
    for (var i = 0; i < keys.length; i++)
      node.setAttribute(keys[i], /** @type {Record<string, string>} */ (attrs)[keys[i]]);
    for (var j = 0; children && j < children.length; j++) {
      var c = children[j];
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    }
    return node;
  }

  /**
   * A JSON answer, or a rejection carrying the server's Vietnamese message.
   * @param {Response} res
   * @returns {Promise<any>}
   */
  function readJson(res) {
    return res
      .json()
      .catch(function () {
        return {};
      })
      .then(function (/** @type {any} */ data) {
        // Signed out meanwhile: the sign-in page came back instead of JSON.
        if (!/json/.test(res.headers.get("content-type") || "")) return Promise.reject(new Error(SIGNED_OUT));
        if (res.ok) return data;
        var msg =
          data && typeof data.error === "string" ? data.error : "Không thực hiện được (lỗi " + res.status + ").";
        if (res.status === 403 && !data.error) msg = "Phiên làm việc đã hết hạn. Hãy tải lại trang rồi thử lại.";
        return Promise.reject(new Error(msg));
      });
  }

  /** @param {unknown} err */
  function messageOf(err) {
    return err instanceof Error && err.message ? err.message : "Không kết nối được tới máy chủ. Hãy thử lại.";
  }

  // ---------------------------------------------------------------- the dialog

  /** @type {HTMLDialogElement | null} */
  var dialog = null;
  /** @type {Record<string, HTMLElement>} */
  var ui = {};
  /** @type {((photo: Photo | null) => void) | null} */
  var settle = null;
  /** @type {Element | null} */
  var opener = null;
  var query = { q: "", ngay: "", trang: 1 };
  /** @type {File | null} */
  var pendingFile = null;
  /** @type {Photo | null} */
  var editing = null;
  /** @type {((photo: Photo) => void) | null} */
  var afterEdit = null;
  var serial = 0;

  /**
   * @param {string} id
   * @param {string} label
   * @param {Record<string, string>} [attrs]
   */
  function field(id, label, attrs) {
    var input = el("input", Object.assign({ id: id, type: "text" }, attrs || {}));
    ui[id] = input;
    return el("div", { class: "pp-field" }, [el("label", { for: id }, [label]), input]);
  }

  function build() {
    var d = /** @type {HTMLDialogElement} */ (el("dialog", { class: "photo-picker", "aria-labelledby": "pp-title" }));
    var close = el("button", { type: "button", class: "secondary pp-close" }, ["Đóng"]);
    close.addEventListener("click", function () {
      finish(null);
    });
    var search = el("form", { class: "pp-search", role: "search", "aria-label": "Tìm ảnh" }, [
      field("pp-q", "Chú thích hoặc tác giả ảnh", { type: "search", maxlength: "200" }),
      field("pp-ngay", "Ngày hoặc tháng tải lên", {
        inputmode: "numeric",
        placeholder: "17/01/2025 hoặc 01/2025",
        maxlength: "10",
        "aria-describedby": "pp-ngay-hint",
      }),
      el("p", { class: "hint", id: "pp-ngay-hint" }, ["Ví dụ 17/01/2025 (một ngày) hoặc 01/2025 (một tháng)."]),
      el("button", { type: "submit" }, ["Tìm"]),
    ]);
    search.addEventListener("submit", function (event) {
      event.preventDefault();
      query = {
        q: /** @type {HTMLInputElement} */ (ui["pp-q"]).value.trim(),
        ngay: /** @type {HTMLInputElement} */ (ui["pp-ngay"]).value.trim(),
        trang: 1,
      };
      load(true);
    });
    ui.status = el("p", { class: "pp-status", role: "status" });
    ui.grid = el("ul", { class: "pp-grid", "aria-label": "Ảnh trong thư viện" });
    ui.prev = el("button", { type: "button", class: "secondary" }, ["Trang trước"]);
    ui.next = el("button", { type: "button", class: "secondary" }, ["Trang sau"]);
    ui.pageOf = el("span");
    ui.prev.addEventListener("click", function () {
      query.trang -= 1;
      load(true);
    });
    ui.next.addEventListener("click", function () {
      query.trang += 1;
      load(true);
    });
    ui.browse = el("div", { class: "pp-browse" }, [
      search,
      ui.status,
      ui.grid,
      el("nav", { class: "pp-pages", "aria-label": "Trang ảnh" }, [ui.prev, ui.pageOf, ui.next]),
      buildUpload(),
    ]);
    ui.editor = buildEditor();
    ui.title = el("h2", { id: "pp-title" }, ["Chọn ảnh"]);
    d.appendChild(el("div", { class: "pp-head" }, [ui.title, close]));
    d.appendChild(ui.browse);
    d.appendChild(ui.editor);
    // Esc: the dialog's own cancel; settle the promise and give focus back.
    d.addEventListener("cancel", function (event) {
      event.preventDefault();
      if (!ui.editor.hidden) closeEditor();
      else finish(null);
    });
    d.addEventListener("dragover", function (event) {
      event.preventDefault();
      d.classList.add("pp-dragging");
    });
    d.addEventListener("dragleave", function () {
      d.classList.remove("pp-dragging");
    });
    d.addEventListener("drop", function (event) {
      event.preventDefault();
      d.classList.remove("pp-dragging");
      var files = event.dataTransfer && event.dataTransfer.files;
      if (files && files.length) takeFile(files[0]);
    });
    document.body.appendChild(d);
    return d;
  }

  function buildUpload() {
    var file = el("input", { id: "pp-file", type: "file", accept: "image/jpeg,image/png,image/webp,image/avif" });
    var camera = el("input", { id: "pp-camera", type: "file", accept: "image/*", capture: "environment" });
    [file, camera].forEach(function (input) {
      input.addEventListener("change", function () {
        var files = /** @type {HTMLInputElement} */ (input).files;
        if (files && files.length) takeFile(files[0]);
      });
    });
    ui.file = file;
    ui.camera = camera;
    ui.fileName = el("p", { class: "hint", role: "status" });
    ui.upBar = el("progress", { max: "1", value: "0", "aria-label": "Tiến độ tải ảnh lên" });
    ui.upBar.hidden = true;
    ui.upStatus = el("p", { class: "pp-status", role: "status" });
    ui.upButton = el("button", { type: "submit" }, ["Tải lên"]);
    var form = el("form", { class: "pp-upload" }, [
      el("p", { class: "pp-drop" }, [
        "Kéo thả ảnh vào khung này, hoặc chọn tệp (JPEG, PNG, WebP, AVIF; tối đa 15 MB).",
      ]),
      el("div", { class: "pp-field" }, [el("label", { for: "pp-file" }, ["Chọn tệp ảnh"]), file]),
      el("div", { class: "pp-field" }, [
        el("label", { for: "pp-camera" }, ["Chụp ảnh bằng máy ảnh của điện thoại"]),
        camera,
      ]),
      ui.fileName,
      field("pp-alt", "Mô tả ảnh cho người khiếm thị (bắt buộc)", { maxlength: "300" }),
      field("pp-caption", "Chú thích", { maxlength: "500" }),
      field("pp-credit", "Tác giả ảnh", { maxlength: "100" }),
      el("div", { class: "actions" }, [ui.upButton, ui.upBar]),
      ui.upStatus,
    ]);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      upload();
    });
    ui.uploadBox = el("details", { class: "pp-upload-box" }, [el("summary", {}, ["Tải ảnh mới lên"]), form]);
    return ui.uploadBox;
  }

  /** @param {File} f */
  function takeFile(f) {
    pendingFile = f;
    /** @type {HTMLDetailsElement} */ (ui.uploadBox).open = true;
    ui.fileName.textContent = "Ảnh đã chọn: " + f.name + ". Nhập mô tả rồi bấm “Tải lên”.";
    ui["pp-alt"].focus();
  }

  function upload() {
    var alt = /** @type {HTMLInputElement} */ (ui["pp-alt"]);
    if (!pendingFile) {
      ui.upStatus.textContent = "Hãy chọn một tệp ảnh.";
      ui.file.focus();
      return;
    }
    if (pendingFile.size > MAX_BYTES) {
      ui.upStatus.textContent = "Ảnh vượt quá dung lượng cho phép (15 MB).";
      return;
    }
    if (!alt.value.trim()) {
      ui.upStatus.textContent = "Cần nhập mô tả ảnh cho người khiếm thị.";
      alt.focus();
      return;
    }
    var data = new FormData();
    data.append("_csrf", csrf());
    data.append("file", pendingFile);
    data.append("alt", alt.value);
    data.append("caption", /** @type {HTMLInputElement} */ (ui["pp-caption"]).value);
    data.append("credit", /** @type {HTMLInputElement} */ (ui["pp-credit"]).value);
    var bar = /** @type {HTMLProgressElement} */ (ui.upBar);
    var xhr = new XMLHttpRequest();
    xhr.open("POST", "/admin/anh");
    xhr.setRequestHeader("Accept", "application/json");
    bar.hidden = false;
    bar.value = 0;
    /** @type {HTMLButtonElement} */ (ui.upButton).disabled = true;
    ui.upStatus.textContent = "Đang tải ảnh lên…";
    xhr.upload.onprogress = function (e) {
      if (e.lengthComputable) bar.value = e.loaded / e.total;
    };
    xhr.onload = function () {
      /** @type {HTMLButtonElement} */ (ui.upButton).disabled = false;
      bar.hidden = true;
      /** @type {any} */
      var data = null;
      try {
        data = JSON.parse(xhr.responseText);
      } catch (_) {
        data = null;
      }
      if (!data && xhr.status < 400) {
        ui.upStatus.textContent = SIGNED_OUT;
        return;
      }
      if (xhr.status >= 200 && xhr.status < 300 && data && typeof data.id === "number") {
        pendingFile = null;
        [ui.file, ui.camera, ui["pp-alt"], ui["pp-caption"], ui["pp-credit"]].forEach(function (i) {
          /** @type {HTMLInputElement} */ (i).value = "";
        });
        ui.fileName.textContent = "";
        ui.upStatus.textContent = "";
        /** @type {HTMLDetailsElement} */ (ui.uploadBox).open = false;
        query = { q: "", ngay: "", trang: 1 };
        /** @type {HTMLInputElement} */ (ui["pp-q"]).value = "";
        /** @type {HTMLInputElement} */ (ui["pp-ngay"]).value = "";
        load(false, "Đã tải ảnh lên. Ảnh mới ở đầu danh sách.", data.id);
        return;
      }
      ui.upStatus.textContent =
        data && typeof data.error === "string"
          ? data.error
          : xhr.status === 403
            ? "Phiên làm việc đã hết hạn. Hãy tải lại trang rồi thử lại."
            : "Không tải được ảnh lên (lỗi " + xhr.status + ").";
    };
    xhr.onerror = function () {
      /** @type {HTMLButtonElement} */ (ui.upButton).disabled = false;
      bar.hidden = true;
      ui.upStatus.textContent = "Không kết nối được tới máy chủ. Hãy thử lại.";
    };
    xhr.send(data);
  }

  /**
   * Fetches a page of photos and draws it.
   * @param {boolean} focusGrid move focus to the first photo
   * @param {string} [said] a message to announce instead of the count
   * @param {number} [focusId] the photo to focus
   */
  function load(focusGrid, said, focusId) {
    var mine = ++serial;
    var params = new URLSearchParams();
    if (query.q) params.set("q", query.q);
    if (query.ngay) params.set("ngay", query.ngay);
    if (query.trang > 1) params.set("trang", String(query.trang));
    ui.status.textContent = "Đang tải ảnh…";
    fetch("/admin/anh/chon.json?" + params.toString(), {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then(readJson)
      .then(function (/** @type {PhotoPage} */ page) {
        if (mine !== serial) return;
        draw(page, focusGrid, said, focusId);
      })
      .catch(function (err) {
        if (mine !== serial) return;
        ui.status.textContent = messageOf(err);
      });
  }

  /**
   * @param {PhotoPage} page
   * @param {boolean} focusGrid
   * @param {string} [said]
   * @param {number} [focusId]
   */
  function draw(page, focusGrid, said, focusId) {
    var grid = ui.grid;
    while (grid.firstChild) grid.removeChild(grid.firstChild);
    /** @type {HTMLElement | null} */
    var toFocus = null;
    page.photos.forEach(function (photo) {
      var item = drawPhoto(photo);
      grid.appendChild(item);
      var choose = /** @type {HTMLElement} */ (item.firstChild);
      if (!toFocus || photo.id === focusId) toFocus = choose;
      if (photo.id === focusId) focusId = -1;
    });
    query.trang = page.page;
    /** @type {HTMLButtonElement} */ (ui.prev).disabled = page.page <= 1;
    /** @type {HTMLButtonElement} */ (ui.next).disabled = page.page >= page.pageCount;
    ui.pageOf.textContent = "Trang " + page.page + "/" + page.pageCount;
    ui.status.textContent =
      said || (page.total ? "Có " + page.total + " ảnh. Ảnh mới nhất ở đầu." : "Không có ảnh nào khớp với tìm kiếm.");
    if ((focusGrid || said) && toFocus) /** @type {HTMLElement} */ (toFocus).focus();
  }

  /**
   * One photo of the grid: a button choosing it, and one editing its words.
   * @param {Photo} photo
   */
  function drawPhoto(photo) {
    var words = photo.caption || photo.alt;
    // Named by its visible words, "Chọn ảnh:" said before them to screen readers.
    var choose = el("button", { type: "button", class: "pp-photo" }, [
      el("span", { class: "pp-hidden" }, ["Chọn ảnh: "]),
      el("img", { src: photo.thumbUrl, alt: "", width: "160", height: "90", loading: "lazy" }),
      el("span", { class: "pp-words" }, [words]),
      el("span", { class: "pp-meta" }, [(photo.credit ? "Ảnh: " + photo.credit + " · " : "") + (photo.date || "")]),
    ]);
    choose.addEventListener("click", function () {
      finish(photo);
    });
    var item = el("li", {}, [choose]);
    if (photo.mayEdit) {
      var edit = el("button", { type: "button", class: "secondary pp-edit-button" }, ["Sửa chú thích"]);
      edit.setAttribute("aria-label", "Sửa chú thích ảnh: " + words);
      edit.addEventListener("click", function () {
        openEditor(photo, edit, function (saved) {
          var fresh = drawPhoto(saved);
          if (item.parentNode) item.parentNode.replaceChild(fresh, item);
          /** @type {HTMLElement} */ (fresh.lastChild).focus();
        });
      });
      item.appendChild(edit);
    }
    return item;
  }

  // ------------------------------------------------------ captions in place

  function buildEditor() {
    ui.editImg = el("img", { alt: "", width: "160", height: "90" });
    ui.editStatus = el("p", { class: "pp-status", role: "status" });
    var cancel = el("button", { type: "button", class: "secondary" }, ["Hủy"]);
    cancel.addEventListener("click", function () {
      closeEditor();
    });
    var form = el("form", { class: "pp-editor", "aria-labelledby": "pp-edit-title" }, [
      el("h3", { id: "pp-edit-title", tabindex: "-1" }, ["Sửa chú thích ảnh"]),
      ui.editImg,
      field("pp-edit-caption", "Chú thích", { maxlength: "500" }),
      field("pp-edit-credit", "Tác giả ảnh", { maxlength: "100" }),
      field("pp-edit-alt", "Mô tả ảnh cho người khiếm thị (bắt buộc)", { maxlength: "300", required: "" }),
      el("div", { class: "actions" }, [el("button", { type: "submit" }, ["Lưu chú thích"]), cancel]),
      ui.editStatus,
    ]);
    form.hidden = true;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      saveEditor();
    });
    return form;
  }

  /**
   * @param {Photo} photo
   * @param {Element} from where focus goes back on cancel
   * @param {(saved: Photo) => void} done
   */
  function openEditor(photo, from, done) {
    editing = photo;
    afterEdit = done;
    ui.editFrom = /** @type {HTMLElement} */ (from);
    ui.editImg.setAttribute("src", photo.thumbUrl);
    /** @type {HTMLInputElement} */ (ui["pp-edit-caption"]).value = photo.caption;
    /** @type {HTMLInputElement} */ (ui["pp-edit-credit"]).value = photo.credit;
    /** @type {HTMLInputElement} */ (ui["pp-edit-alt"]).value = photo.alt;
    ui.editStatus.textContent = "";
    ui.browse.hidden = true;
    ui.editor.hidden = false;
    ui["pp-edit-caption"].focus();
  }

  function closeEditor() {
    ui.editor.hidden = true;
    ui.browse.hidden = false;
    var from = ui.editFrom;
    editing = null;
    if (!settle) {
      // Opened from the library page: the dialog was only the editor.
      if (dialog) dialog.close();
    }
    if (from && from.isConnected) from.focus();
  }

  function saveEditor() {
    var photo = editing;
    if (!photo) return;
    var body = {
      caption: /** @type {HTMLInputElement} */ (ui["pp-edit-caption"]).value,
      credit: /** @type {HTMLInputElement} */ (ui["pp-edit-credit"]).value,
      alt: /** @type {HTMLInputElement} */ (ui["pp-edit-alt"]).value,
    };
    ui.editStatus.textContent = "Đang lưu…";
    fetch("/admin/anh/" + photo.id + "/chu-thich", {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json", accept: "application/json", "x-csrf-token": csrf() },
      body: JSON.stringify(body),
    })
      .then(readJson)
      .then(function (/** @type {Photo} */ saved) {
        var done = afterEdit;
        ui.editStatus.textContent = "";
        ui.editor.hidden = true;
        ui.browse.hidden = false;
        editing = null;
        if (!settle && dialog) dialog.close();
        ui.status.textContent = "Đã lưu chú thích.";
        if (done) done(saved);
      })
      .catch(function (err) {
        ui.editStatus.textContent = messageOf(err);
      });
  }

  // --------------------------------------------------------- open and close

  /** @param {Photo | null} photo */
  function finish(photo) {
    var done = settle;
    settle = null;
    if (dialog && dialog.open) dialog.close();
    var back = opener;
    opener = null;
    if (back && /** @type {HTMLElement} */ (back).focus) /** @type {HTMLElement} */ (back).focus();
    if (done)
      done(
        photo && {
          id: photo.id,
          thumbUrl: photo.thumbUrl,
          alt: photo.alt,
          caption: photo.caption,
          credit: photo.credit,
        },
      );
  }

  /** @returns {Promise<Photo | null>} */
  function pick() {
    if (!dialogSupported) return Promise.resolve(null);
    if (settle) finish(null);
    dialog = dialog || build();
    opener = document.activeElement;
    ui.title.textContent = "Chọn ảnh";
    ui.editor.hidden = true;
    ui.browse.hidden = false;
    return new Promise(function (resolve) {
      settle = resolve;
      /** @type {HTMLDialogElement} */ (dialog).showModal();
      ui["pp-q"].focus();
      load(false);
    });
  }

  /** @type {Window & { newsroomPhotos?: { pick: () => Promise<Photo | null> } }} */ (window).newsroomPhotos = {
    pick: pick,
  };

  // ------------------------------------------- the form's photo fields

  /**
   * A PhotoChoice fieldset turned into a thumbnail, a hidden input and two buttons.
   * @param {HTMLFieldSetElement} box
   */
  function enhanceChoice(box) {
    var name = box.getAttribute("data-photo-choice") || "";
    var options = /** @type {HTMLElement | null} */ (box.querySelector("[data-photo-options]"));
    var current = /** @type {HTMLElement | null} */ (box.querySelector("[data-photo-current]"));
    var legend = box.querySelector("legend");
    if (!name || !options || !current || !legend) return;
    var checked = /** @type {HTMLInputElement | null} */ (box.querySelector('input[type="radio"]:checked'));
    // The no-JS choice and its search go quiet: never sent, never found by name
    // (a restore by name then reaches the hidden input below).
    var controls = options.querySelectorAll("input, button");
    for (var i = 0; i < controls.length; i++) {
      controls[i].removeAttribute("name");
      /** @type {HTMLInputElement} */ (controls[i]).disabled = true;
    }
    options.hidden = true;
    var hidden = /** @type {HTMLInputElement} */ (
      el("input", { type: "hidden", name: name, value: checked ? checked.value : "" })
    );
    box.appendChild(hidden);
    legend.id = legend.id || name + "-legend";
    var chooseBtn = el("button", { type: "button", class: "secondary", "aria-describedby": legend.id }, ["Chọn ảnh"]);
    var clearBtn = el("button", { type: "button", class: "secondary", "aria-describedby": legend.id }, ["Bỏ ảnh"]);
    var buttons = el("div", { class: "photo-buttons" }, [chooseBtn, clearBtn]);
    current.appendChild(buttons);
    clearBtn.hidden = !hidden.value;

    /** @param {Photo | null} photo */
    function show(photo) {
      var thumb = /** @type {HTMLElement} */ (/** @type {HTMLElement} */ (current).querySelector("[data-photo-thumb]"));
      var words = /** @type {HTMLElement} */ (/** @type {HTMLElement} */ (current).querySelector("[data-photo-words]"));
      var next = photo
        ? el("img", { src: photo.thumbUrl, alt: photo.alt, width: "120", height: "68", "data-photo-thumb": "" })
        : el("span", { class: "photo-none", "data-photo-thumb": "" }, ["Chưa chọn ảnh"]);
      if (thumb.parentNode) thumb.parentNode.replaceChild(next, thumb);
      words.textContent = photo ? photo.caption || photo.alt : "";
      clearBtn.hidden = !photo;
    }

    /** @param {string} value */
    function set(value) {
      hidden.value = value;
      hidden.dispatchEvent(new Event("input", { bubbles: true }));
      hidden.dispatchEvent(new Event("change", { bubbles: true }));
    }

    chooseBtn.addEventListener("click", function () {
      pick().then(function (photo) {
        if (!photo) return;
        set(String(photo.id));
        show(photo);
      });
    });
    clearBtn.addEventListener("click", function () {
      set("");
      show(null);
      chooseBtn.focus();
    });
    // A saved copy restored into the form (autosave) sets the hidden input by name.
    var form = box.form || box.closest("form");
    var shown = hidden.value;
    if (form)
      form.addEventListener("newsroom:restored", function () {
        if (hidden.value === shown) return;
        shown = hidden.value;
        if (!/^[1-9][0-9]*$/.test(hidden.value)) return show(null);
        fetch("/admin/anh/" + hidden.value + ".json", { credentials: "same-origin" })
          .then(readJson)
          .then(show)
          .catch(function () {
            show(null);
          });
      });
  }

  // ------------------------------------------- the library page

  /**
   * "Sửa chú thích" on each photo of the library (figures marked data-photo).
   * @param {HTMLElement} figure
   */
  function enhanceLibraryPhoto(figure) {
    var raw = figure.getAttribute("data-photo");
    if (!raw) return;
    /** @type {Photo} */
    var photo = JSON.parse(raw);
    if (!photo.mayEdit) return;
    var words = /** @type {HTMLElement | null} */ (figure.querySelector("[data-photo-words]"));
    var edit = el("button", { type: "button", class: "secondary" }, ["Sửa chú thích"]);
    edit.setAttribute("aria-label", "Sửa chú thích ảnh: " + (photo.caption || photo.alt));
    (figure.querySelector("figcaption") || figure).appendChild(edit);
    edit.addEventListener("click", function () {
      dialog = dialog || build();
      opener = null;
      settle = null;
      ui.title.textContent = "Thư viện ảnh";
      dialog.showModal();
      openEditor(photo, edit, function (saved) {
        photo = saved;
        figure.setAttribute("data-photo", JSON.stringify(saved));
        if (words) words.textContent = saved.caption || saved.alt;
        edit.setAttribute("aria-label", "Sửa chú thích ảnh: " + (saved.caption || saved.alt));
        edit.focus();
      });
    });
  }

  if (!dialogSupported) return;
  var choices = document.querySelectorAll("fieldset[data-photo-choice]");
  for (var k = 0; k < choices.length; k++) enhanceChoice(/** @type {HTMLFieldSetElement} */ (choices[k]));
  var library = document.querySelectorAll("[data-photo]");
  for (var m = 0; m < library.length; m++) enhanceLibraryPhoto(/** @type {HTMLElement} */ (library[m]));
})();
