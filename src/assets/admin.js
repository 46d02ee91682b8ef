// Optional help for the newsroom's forms; every form works without it.
// Type-checked with src/assets/tsconfig.json; ES5 like offline.js.
(function () {
  // Functions rather than `if` blocks: the callbacks inside then see
  // parameters the type checker knows are not null.

  /**
   * Pasting from Word, Google Docs, LibreOffice, or plain text of several
   * lines (Zalo, e-mail): the server turns it into body markup, uploads
   * images pasted as data, and says in notes what it left out (shown under
   * the textarea). On any failure the plain text is pasted as it is.
   * @param {HTMLTextAreaElement} body
   * @param {HTMLInputElement} csrf
   */
  function pasteAsMarkup(body, csrf) {
    var notes = document.createElement("p");
    notes.className = "hint";
    notes.setAttribute("role", "status");
    notes.hidden = true;
    body.insertAdjacentElement("afterend", notes);
    /** @param {string[]} lines */
    function show(lines) {
      notes.textContent = lines.join(" ");
      notes.hidden = lines.length === 0;
    }
    /** @param {string} markup */
    function insert(markup) {
      body.setRangeText(markup, body.selectionStart, body.selectionEnd, "end");
      body.dispatchEvent(new Event("input", { bubbles: true }));
    }
    body.addEventListener("paste", function (event) {
      var clipboard = event.clipboardData;
      if (!clipboard) return;
      var html = clipboard.getData("text/html");
      var text = clipboard.getData("text/plain");
      // One line of plain text pastes as typed; only several lines need the paragraph rule.
      if (!html && !/[\r\n]/.test(text)) return;
      event.preventDefault();
      var data = new FormData();
      data.append(html ? "html" : "text", html || text);
      data.append("_csrf", csrf.value);
      fetch("/admin/bai-viet/chuyen-doi-html", { method: "POST", body: data, credentials: "same-origin" })
        .then(function (res) {
          return res.text().then(function (answer) {
            var type = res.headers.get("content-type") || "";
            if (!res.ok) return Promise.reject(type.indexOf("text/plain") === 0 ? answer : "");
            var said = res.headers.get("x-paste-notes");
            insert(answer);
            show(said ? JSON.parse(decodeURIComponent(said)) : []);
          });
        })
        .catch(function (/** @type {unknown} */ why) {
          insert(text);
          show([
            typeof why === "string" && why ? why : "Không chuyển được định dạng của đoạn dán.",
            "Đã dán chữ thường.",
          ]);
        });
    });
  }

  /**
   * Uploads: show progress on slow connections.
   * @param {HTMLFormElement} upload
   * @param {HTMLProgressElement} bar
   */
  function uploadProgress(upload, bar) {
    upload.addEventListener("submit", function (event) {
      event.preventDefault();
      var xhr = new XMLHttpRequest();
      xhr.open("POST", upload.action);
      bar.hidden = false;
      xhr.upload.onprogress = function (e) {
        if (e.lengthComputable) bar.value = e.loaded / e.total;
      };
      xhr.onload = function () {
        document.open();
        document.write(xhr.responseText);
        document.close();
        if (xhr.responseURL) history.replaceState(null, "", xhr.responseURL);
      };
      xhr.onerror = function () {
        bar.hidden = true;
        upload.submit();
      };
      xhr.send(new FormData(upload));
    });
  }

  var csrf = /** @type {HTMLInputElement | null} */ (document.querySelector('input[name="_csrf"]'));
  var body = /** @type {HTMLTextAreaElement | null} */ (document.querySelector("textarea.body"));
  if (body && csrf) pasteAsMarkup(body, csrf);
  var upload = /** @type {HTMLFormElement | null} */ (document.querySelector("form[data-upload]"));
  var bar = /** @type {HTMLProgressElement | null} */ (document.querySelector("progress[data-upload-progress]"));
  if (upload && bar && window.XMLHttpRequest) uploadProgress(upload, bar);
})();
