// Optional help for the newsroom's forms; every form works without it.
(function () {
  var csrf = document.querySelector('input[name="_csrf"]');

  // Pasting from Word or Google Docs: the server turns the HTML into body markup.
  var body = document.querySelector("textarea.body");
  if (body && csrf) {
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
          body.setRangeText(event.clipboardData.getData("text/plain"), body.selectionStart, body.selectionEnd, "end");
        });
    });
  }

  // Uploads: show progress on slow connections.
  var upload = document.querySelector("form[data-upload]");
  var bar = document.querySelector("progress[data-upload-progress]");
  if (upload && bar && window.XMLHttpRequest) {
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
})();
