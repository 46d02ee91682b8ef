// Offline reading (docs/reader.md, "Offline reading"). Optional: every page works
// without this worker. It keeps the offline shell and the articles a reader
// opened or saved, and answers with them when the network fails.
//
// Registered from /_/ (fingerprinted) with scope "/": the file is served with
// `Service-Worker-Allowed: /` (public/_headers, src/reader/assets.ts). A
// deployment that changes any asset changes `?v=` (src/offline/version.ts), so
// its worker installs with new cache names and deletes the old ones.
"use strict";

// Type-checked with src/assets/tsconfig.sw.json. Its "WebWorker" library types
// `self` as any worker's scope; this is a service worker's.
const worker = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self));

const params = new URL(worker.location.href).searchParams;
const VERSION = params.get("v") || "0";
const PREFIX = "offline-";
const SHELL = `${PREFIX}shell-${VERSION}`;
const PAGES = `${PREFIX}pages-${VERSION}`;
/** Bytes of articles and photos kept; opened (not saved) articles go oldest first. Tests pass a small `cap`. */
const CAP = Number(params.get("cap")) > 0 ? Number(params.get("cap")) : 10 * 1024 * 1024;
/** On a dead connection a request often hangs rather than fails: after this, a saved copy is shown. */
const TIMEOUT_MS = 3000;
const OFFLINE_PAGE = "/ngoai-tuyen";
const SHELL_PAGES = [OFFLINE_PAGE, "/da-luu"];
const ARTICLE = /^(\/lite)?\/[a-z0-9-]+\/[a-z0-9-]*-?[1-9][0-9]*\.html$/;
/** Photos are kept at the smallest variant only (src/media/variants.ts). */
const PHOTO_WIDTH = 360;
const PHOTO_ACCEPT = "image/webp,image/*;q=0.8";
const ORIGIN = worker.location.origin;

/** @param {string} path */
const isPrivate = (path) => path === "/admin" || path.startsWith("/admin/");
/** @param {string} path */
const photoKey = (path) => `${ORIGIN}${new URL(path, ORIGIN).pathname}?w=${PHOTO_WIDTH}`;

// Cache writes one at a time: the cap is checked against a consistent picture.
/** @type {Promise<unknown>} */
let queue = Promise.resolve();
/**
 * @template T
 * @param {() => Promise<T>} task
 * @returns {Promise<T>}
 */
function serial(task) {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

worker.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const shell = await caches.open(SHELL);
      const files = new Set();
      for (const path of SHELL_PAGES) {
        // Without cookies: the shell is the same for every reader, never personal.
        const res = await fetch(path, { credentials: "omit", cache: "no-cache" });
        if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
        const html = await res.text();
        for (const m of html.matchAll(/(?:src|href)="(\/_\/[^"]+)"/g)) files.add(m[1]);
        await shell.put(path, new Response(html, { headers: { "content-type": "text/html; charset=utf-8" } }));
      }
      // The shell pages' own script and icons, so they work offline too.
      await shell.addAll([...files]);
      await worker.skipWaiting();
    })(),
  );
});

worker.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const pages = await caches.open(PAGES);
      for (const name of await caches.keys()) {
        if (!name.startsWith(PREFIX) || name === SHELL || name === PAGES) continue;
        // The reader's articles outlive a deployment; the old shell does not.
        if (name.startsWith(`${PREFIX}pages-`)) {
          const old = await caches.open(name);
          for (const req of await old.keys()) {
            const res = await old.match(req);
            if (res && !(await pages.match(req))) await pages.put(req, res);
          }
        }
        await caches.delete(name);
      }
      if (worker.registration.navigationPreload) await worker.registration.navigationPreload.enable();
      await worker.clients.claim();
    })(),
  );
});

worker.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET") return;
  const url = new URL(req.url);
  if (url.origin !== ORIGIN || isPrivate(url.pathname)) return;
  if (url.pathname.startsWith("/media/")) event.respondWith(photo(event, url));
  else if (req.mode === "navigate") event.respondWith(page(event, url));
  else if (url.pathname.startsWith("/_/")) event.respondWith(shellFile(req));
});

/** @param {FetchEvent} event @returns {Promise<Response>} */
function network(event) {
  return event.request.mode === "navigate"
    ? Promise.resolve(event.preloadResponse).then((preloaded) => preloaded || fetch(event.request))
    : fetch(event.request);
}

/** @param {number} ms @returns {Promise<null>} */
const timeout = (ms) => new Promise((resolve) => setTimeout(() => resolve(null), ms));

/** Network first; the saved copy when the network fails, hangs or errs; else the offline page. */
/** @param {FetchEvent} event @param {URL} url */
async function page(event, url) {
  const live = network(event);
  let res;
  try {
    res = await Promise.race([live, timeout(TIMEOUT_MS)]);
    if (!res) {
      const copy = await savedCopy(url);
      if (copy) {
        event.waitUntil(live.then((late) => keep(late)).catch(() => undefined));
        return copy;
      }
      res = await live;
    }
  } catch {
    return (await savedCopy(url)) || offlinePage();
  }
  if (res.status >= 500) {
    const copy = await savedCopy(url);
    if (copy) return copy;
  }
  event.waitUntil(keep(res.clone()).catch(() => undefined));
  return res;
}

/** @param {URL} url @returns {Promise<Response | undefined>} */
async function savedCopy(url) {
  const path = url.pathname;
  if (SHELL_PAGES.includes(path)) return (await caches.open(SHELL)).match(path);
  if (!ARTICLE.test(path)) return undefined;
  const pages = await caches.open(PAGES);
  // The other edition of the same article is better than nothing.
  const other = path.startsWith("/lite/") ? path.slice("/lite".length) : `/lite${path}`;
  return (await pages.match(ORIGIN + path)) || (await pages.match(ORIGIN + other));
}

async function offlinePage() {
  const shell = await caches.open(SHELL);
  return (
    (await shell.match(OFFLINE_PAGE)) ||
    new Response("Không có kết nối mạng. Xin thử lại khi có mạng.", {
      headers: { "content-type": "text/plain; charset=utf-8" },
    })
  );
}

/**
 * What may be kept: a public page of ours. Never a personal or uncacheable answer.
 * @param {Response | null} res
 * @returns {res is Response}
 */
function storable(res) {
  if (res?.status !== 200 || res.type !== "basic") return false;
  if (/\b(private|no-store)\b/i.test(res.headers.get("cache-control") || "")) return false;
  // Browsers hide Set-Cookie from scripts, so the no-store check above is what
  // keeps an editor's pages out (the Worker sends them `private, no-store`).
  if (res.headers.has("set-cookie")) return false;
  return (res.headers.get("content-type") || "").startsWith("text/html");
}

/** Keeps an article the reader opened, or refreshes a shell page. @param {Response} res */
async function keep(res) {
  if (!storable(res)) return;
  const url = new URL(res.url);
  if (SHELL_PAGES.includes(url.pathname)) {
    const html = await res.text();
    await (await caches.open(SHELL)).put(
      url.pathname,
      new Response(html, { headers: { "content-type": "text/html; charset=utf-8" } }),
    );
  } else if (ARTICLE.test(url.pathname)) {
    await serial(() => storeArticle(url.pathname, res, undefined));
  }
}

/** @param {string} text */
function decode(text) {
  /** @type {Record<string, string>} */
  const named = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
  return text.replace(/&(?:#x([0-9a-f]+)|#([0-9]+)|([a-z]+));/gi, (all, hex, dec, name) =>
    hex
      ? String.fromCodePoint(parseInt(hex, 16))
      : dec
        ? String.fromCodePoint(Number(dec))
        : (named[name.toLowerCase()] ?? all),
  );
}

/** @param {string} html */
function titleOf(html) {
  const m = /<meta property="og:title" content="([^"]*)"/.exec(html) || /<title>([^<]*)<\/title>/.exec(html);
  return m ? decode(m[1]) : "";
}

/** The article's own photos (not the related list's thumbnails). @param {string} html @returns {string[]} */
function photosOf(html) {
  const start = html.indexOf("<article");
  if (start < 0) return [];
  const part = html.slice(start, html.indexOf("</article>", start));
  return [
    ...new Set([...part.matchAll(/<img[^>]*?\ssrc="(\/media\/[^"?]+)/g)].map((m) => new URL(m[1], ORIGIN).pathname)),
  ];
}

/**
 * saved: true/false sets the mark, undefined keeps what the entry had. Call inside serial().
 * @param {string} path
 * @param {Response} res
 * @param {boolean | undefined} saved
 */
async function storeArticle(path, res, saved) {
  const html = await res.text();
  const cache = await caches.open(PAGES);
  const before = await cache.match(ORIGIN + path);
  const isSaved = saved ?? before?.headers.get("x-offline-saved") === "1";
  // The light edition is the reader's choice of no photos.
  const photos = path.startsWith("/lite/") ? [] : photosOf(html);
  // Photos first: once the page is in the cache, everything it shows is.
  for (const p of photos) await storePhoto(cache, p);
  await cache.put(
    ORIGIN + path,
    new Response(html, {
      headers: {
        "content-type": "text/html; charset=utf-8",
        "x-offline-kind": "page",
        "x-offline-at": String(Date.now()),
        "x-offline-size": String(new Blob([html]).size),
        "x-offline-title": encodeURIComponent(titleOf(html)),
        "x-offline-saved": isSaved ? "1" : "0",
        "x-offline-photos": photos.join(" "),
      },
    }),
  );
  await enforceCap(cache);
}

/** @param {Cache} cache @param {string} path */
async function storePhoto(cache, path) {
  const key = photoKey(path);
  if (await cache.match(key)) return;
  const res = await fetch(key, { credentials: "omit", headers: { accept: PHOTO_ACCEPT } }).catch(() => null);
  // A stand-in for a variant the Images binding could not make is not worth keeping.
  if (res?.status !== 200 || res.headers.has("x-image-fallback")) return;
  const body = await res.blob();
  await cache.put(
    key,
    new Response(body, {
      headers: {
        "content-type": res.headers.get("content-type") || "application/octet-stream",
        "x-offline-kind": "photo",
        "x-offline-at": String(Date.now()),
        "x-offline-size": String(body.size),
      },
    }),
  );
}

/**
 * What the cache holds, read back from the headers storeArticle and storePhoto wrote.
 * @typedef {object} Entry
 * @property {Request} req
 * @property {string} path
 * @property {string | null} kind "page" or "photo"
 * @property {number} at
 * @property {number} size
 * @property {boolean} saved
 * @property {string} title
 * @property {string[]} photos
 * @property {boolean} [gone] set by enforceCap once deleted
 */

/** @param {Cache} cache */
async function entries(cache) {
  /** @type {Entry[]} */
  const list = [];
  for (const req of await cache.keys()) {
    const res = await cache.match(req);
    if (!res) continue;
    const h = res.headers;
    list.push({
      req,
      path: new URL(req.url).pathname,
      kind: h.get("x-offline-kind"),
      at: Number(h.get("x-offline-at")) || 0,
      size: Number(h.get("x-offline-size")) || 0,
      saved: h.get("x-offline-saved") === "1",
      title: decodeURIComponent(h.get("x-offline-title") || ""),
      photos: (h.get("x-offline-photos") || "").split(" ").filter(Boolean),
    });
  }
  return list;
}

/**
 * Keeps the cache under CAP: the article opened longest ago goes first, with
 * the photos no remaining article shows. Saved articles stay until the reader
 * removes them (they count toward the total, leaving less room for others).
 * @param {Cache} cache
 */
async function enforceCap(cache) {
  const all = await entries(cache);
  let total = all.reduce((n, e) => n + e.size, 0);
  const victims = all.filter((e) => e.kind === "page" && !e.saved).sort((a, b) => a.at - b.at);
  while (total > CAP) {
    const victim = victims.shift();
    if (!victim) break;
    victim.gone = true;
    await cache.delete(victim.req);
    total -= victim.size;
    const shown = new Set(all.filter((e) => e.kind === "page" && !e.gone).flatMap((e) => e.photos));
    for (const e of all) {
      if (e.kind !== "photo" || e.gone || shown.has(e.path)) continue;
      e.gone = true;
      await cache.delete(e.req);
      total -= e.size;
    }
  }
}

/**
 * Photos: from the network; offline, the kept smallest variant stands in for any width.
 * @param {FetchEvent} event
 * @param {URL} url
 */
async function photo(event, url) {
  try {
    return await network(event);
  } catch {
    const kept = await (await caches.open(PAGES)).match(photoKey(url.pathname));
    if (kept) return kept;
    if (event.request.mode === "navigate") return offlinePage();
    // A quiet grey panel in the box the <img> reserves, not a broken-image icon.
    return new Response(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 9"><rect width="16" height="9" fill="#e8ece9"/></svg>',
      {
        headers: { "content-type": "image/svg+xml" },
      },
    );
  }
}

/** Fingerprinted files never change: the shell's copy if there is one. @param {Request} req */
async function shellFile(req) {
  return (await (await caches.open(SHELL)).match(req)) || fetch(req);
}

// Messages from the page script (src/assets/offline.js), answered on the port it sends.
worker.addEventListener("message", (event) => {
  const port = event.ports[0];
  if (!port) return;
  event.waitUntil(
    answer(event.data || {}).then(
      (reply) => port.postMessage(reply),
      () => port.postMessage({ ok: false }),
    ),
  );
});

/** @param {{ type?: unknown, path?: unknown }} msg */
async function answer(msg) {
  if (msg.type === "list") {
    const list = (await entries(await caches.open(PAGES))).filter((e) => e.kind === "page").sort((a, b) => b.at - a.at);
    return {
      ok: true,
      items: list.map(({ path, title, at, saved }) => ({ path, title, at, saved, lite: path.startsWith("/lite/") })),
    };
  }
  const path = typeof msg.path === "string" ? msg.path : "";
  if (!ARTICLE.test(path)) return { ok: false };
  if (msg.type === "status") {
    const hit = await (await caches.open(PAGES)).match(ORIGIN + path);
    return { ok: true, saved: hit?.headers.get("x-offline-saved") === "1" };
  }
  if (msg.type === "save" || msg.type === "unsave") return { ok: await serial(() => mark(path, msg.type === "save")) };
  return { ok: false };
}

/**
 * Saves an article on purpose (fetching it if it is not kept yet), or takes the mark off.
 * @param {string} path
 * @param {boolean} saved
 */
async function mark(path, saved) {
  const cache = await caches.open(PAGES);
  const hit = await cache.match(ORIGIN + path);
  if (hit) {
    const headers = new Headers(hit.headers);
    headers.set("x-offline-saved", saved ? "1" : "0");
    headers.set("x-offline-at", String(Date.now()));
    await cache.put(ORIGIN + path, new Response(await hit.blob(), { headers }));
    if (!saved) await enforceCap(cache);
    return true;
  }
  if (!saved) return true;
  // With the reader's cookies, so an editor's answer (private, no-store) is refused like any other.
  const res = await fetch(path).catch(() => null);
  if (!storable(res) || new URL(res.url).pathname !== path) return false;
  await storeArticle(path, res, true);
  return true;
}
