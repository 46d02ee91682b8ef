// Optional help for the newsroom's forms; every form works without it.
// Type-checked with src/assets/tsconfig.json; ES5 like offline.js.
(function () {
  // Functions rather than `if` blocks: the callbacks inside then see
  // parameters the type checker knows are not null.

  /**
   * Pasting from Word or Google Docs: the server turns the HTML into body markup.
   * @param {HTMLTextAreaElement} body
   * @param {HTMLInputElement} csrf
   */
  function pasteAsMarkup(body, csrf) {
    body.addEventListener("paste", function (event) {
      var html = event.clipboardData && event.clipboardData.getData("text/html");
      if (!html) return;
      event.preventDefault();
      var data = new FormData();
      data.append("html", html);
      data.append("_csrf", csrf.value);
      fetch("/admin/bai-viet/chuyen-doi-html", { method: "POST", body: data, credentials: "same-origin" })
        .then(function (res) {
          return res.ok ? res.text() : Promise.reject(res.status);
        })
        .then(function (markup) {
          body.setRangeText(markup, body.selectionStart, body.selectionEnd, "end");
        })
        .catch(function () {
          // Not null: without clipboard data there was no HTML and no request.
          var text = /** @type {DataTransfer} */ (event.clipboardData).getData("text/plain");
          body.setRangeText(text, body.selectionStart, body.selectionEnd, "end");
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
