// The reader pages' only inline script: it loads one of their own scripts
// (offline reading's on every page, the video player's on a page with a video)
// once the page has loaded and painted, so nothing the first screen shows
// waits for it. With `defer`, a script that arrived before the hero photo ran
// before the photo was painted, and Lighthouse's phone simulation counted its
// download, on a second connection, into the article's Largest Contentful
// Paint (docs/performance.md, "Largest Contentful Paint of an article"). Both
// scripts are optional: without them every page reads the same, and the
// controls they would drive stay hidden or plain links.
//
// One element per file: `<script data-src="/_/…" [data-sw="…"]>SCRIPT_LOADER</script>`.
// It names one of our own `/_/` files, so `script-src 'self'` still governs
// what runs, and passes `data-sw` on (src/assets/offline.js reads it). The
// service worker finds the file for its offline shell by the `src="/_/…"` in
// `data-src` (src/assets/sw.js). The text never changes with a deployment, so
// the Content-Security-Policy allows it by its hash
// (src/http/security-headers.ts); test/hero-early.test.ts checks the hash
// against the text the pages carry. ES5, like src/assets/.

/** Waits for `load`, then for the frame after it, so the hero is on screen first. */
export const SCRIPT_LOADER =
  '(function(s){s&&addEventListener("load",function(){requestAnimationFrame(function(){setTimeout(function(){var e=document.createElement("script"),w=s.getAttribute("data-sw");e.src=s.getAttribute("data-src");if(w)e.setAttribute("data-sw",w);document.head.appendChild(e)})})})})(document.currentScript)';

/** CSP source for SCRIPT_LOADER: base64 of its SHA-256. Change both together. */
export const SCRIPT_LOADER_HASH = "'sha256-Fz8K/P8FLyWp2ll1hN8Sd1r/dgBsZyCCKEMLtP2KMns='";
