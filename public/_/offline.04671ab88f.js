// Offline reading, the page's side (docs/reader.md, "Offline reading"): registers the
// service worker (src/assets/sw.js), shows "Lưu để đọc sau" on articles and
// fills the lists of /da-luu and /ngoai-tuyen. Optional: without it every page
// reads the same, and the controls it would show stay hidden.
// Type-checked with src/assets/tsconfig.json; ES5 on purpose (docs/architecture.md, "Tooling that keeps it so").
/**
 * A kept article as the service worker lists it (answer() in src/assets/sw.js).
 * @typedef {{ path: string, title: string, at: number, saved: boolean, lite: boolean }} Entry
 * @typedef {{ ok?: boolean, saved?: boolean, items?: Entry[] }} Reply
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var sw = navigator.serviceWorker;
  if (!sw || !window.caches || !script) return;
  var wanted = new URL(/** @type {string} */ (script.getAttribute("data-sw")), location.href);

  // Registering again only when the deployment changed (?v=): a worker the
  // reader already has for this version stays, whatever its other parameters.
  // Not before the page has loaded: a first visit would otherwise start the
  // worker and its downloads while the page is still being laid out
  // (Lighthouse measured the difference in Total Blocking Time).
  function register() {
    sw.getRegistration("/")
      .then(function (reg) {
        var current = reg && (reg.installing || reg.waiting || reg.active);
        var url = current && new URL(current.scriptURL);
        if (url && url.pathname === wanted.pathname && url.searchParams.get("v") === wanted.searchParams.get("v"))
          return;
        return sw.register(wanted.href, { scope: "/" });
      })
      .catch(function () {
        /* private mode or blocked: the site works without it */
      });
  }
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register);

  /**
   * One question to the worker, answered on a port of our own.
   * @param {{ type: string, path?: string }} message
   * @returns {Promise<Reply>}
   */
  function ask(message) {
    return sw.ready.then(function (reg) {
      return new Promise(function (resolve, reject) {
        var channel = new MessageChannel();
        var timer = setTimeout(function () {
          reject(new Error("no answer"));
        }, 15000);
        channel.port1.onmessage = function (event) {
          clearTimeout(timer);
          resolve(event.data || {});
        };
        // `ready` resolves once a worker is active.
        /** @type {ServiceWorker} */ (reg.active).postMessage(message, [channel.port2]);
      });
    });
  }

  /** @param {string} selector */
  function show(selector) {
    /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll(selector)).forEach(function (el) {
      el.hidden = false;
    });
  }

  show("[data-offline]");
  /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll("[data-offline-need]")).forEach(function (el) {
    el.hidden = true;
  });

  // Functions rather than `if` blocks: the callbacks inside then see a
  // parameter the type checker knows is not null.
  /**
   * "Lưu để đọc sau" on an article.
   * @param {HTMLButtonElement} save
   */
  function saveButton(save) {
    var path = location.pathname;
    /** @param {boolean} saved */
    var label = function (saved) {
      save.setAttribute("data-saved", saved ? "1" : "0");
      save.textContent = saved ? "Đã lưu (bỏ lưu)" : "Lưu để đọc sau";
    };
    ask({ type: "status", path: path })
      .then(function (reply) {
        label(!!reply.saved);
      })
      .catch(function () {
        label(false);
      });
    save.addEventListener("click", function () {
      var saving = save.getAttribute("data-saved") !== "1";
      save.disabled = true;
      save.textContent = saving ? "Đang lưu…" : "Đang bỏ lưu…";
      ask({ type: saving ? "save" : "unsave", path: path })
        .then(function (reply) {
          if (reply.ok) label(saving);
          else save.textContent = "Chưa lưu được, thử lại";
        })
        .catch(function () {
          save.textContent = "Chưa lưu được, thử lại";
        })
        .then(function () {
          save.disabled = false;
        });
    });
    if (navigator.onLine === false) {
      var note = document.createElement("p");
      note.className = "offline-note";
      note.setAttribute("role", "status");
      note.textContent = "Bạn đang không có mạng: đây là bản đã lưu trên máy.";
      var main = document.querySelector("main");
      if (main) main.insertBefore(note, main.firstChild);
    }
  }

  /**
   * The lists of /da-luu and /ngoai-tuyen.
   * @param {HTMLElement} box
   */
  function offlineList(box) {
    var onlySaved = box.getAttribute("data-offline-list") === "saved";
    // Both are in the page's markup (src/views/OfflineListPage.tsx).
    var list = /** @type {HTMLUListElement} */ (box.querySelector("ul"));
    var empty = /** @type {HTMLElement} */ (box.querySelector("[data-offline-empty]"));
    var when = new Intl.DateTimeFormat("vi-VN", { dateStyle: "short", timeStyle: "short" });

    /** @param {Entry} entry */
    var item = function (entry) {
      var li = document.createElement("li");
      var link = document.createElement("a");
      link.href = entry.path;
      link.textContent = entry.title || entry.path;
      var meta = document.createElement("span");
      meta.className = "meta";
      meta.textContent =
        (entry.saved ? "Lưu lúc " : "Mở lúc ") + when.format(new Date(entry.at)) + (entry.lite ? " · Bản nhẹ" : "");
      li.append(link, " ", meta);
      if (onlySaved) {
        var remove = document.createElement("button");
        remove.type = "button";
        remove.textContent = "Bỏ lưu";
        remove.setAttribute("aria-label", "Bỏ lưu: " + link.textContent);
        remove.addEventListener("click", function () {
          remove.disabled = true;
          ask({ type: "unsave", path: entry.path }).then(render, function () {
            remove.disabled = false;
          });
        });
        li.append(" ", remove);
      }
      return li;
    };

    var render = function () {
      return ask({ type: "list" }).then(function (reply) {
        var items = (reply.items || []).filter(function (e) {
          return !onlySaved || e.saved;
        });
        list.replaceChildren.apply(list, items.map(item));
        list.hidden = items.length === 0;
        empty.hidden = items.length > 0;
        box.hidden = false;
      });
    };
    render().catch(function () {
      show("[data-offline-need]");
    });
  }

  var save = /** @type {HTMLButtonElement | null} */ (document.querySelector("button[data-save]"));
  if (save) saveButton(save);
  var box = /** @type {HTMLElement | null} */ (document.querySelector("[data-offline-list]"));
  if (box) offlineList(box);
})();
