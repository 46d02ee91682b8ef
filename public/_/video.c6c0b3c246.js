// The video facade's player (src/views/VideoFacade.tsx): a tap on the link
// swaps in the YouTube or Facebook player it names. Loaded only on pages with
// a video; without it the link opens the video's own page. A tap with a
// modifier key (new tab, new window) is left to the browser.
// Type-checked with src/assets/tsconfig.json; ES5 on purpose.
(function () {
  "use strict";
  document.addEventListener("click", function (e) {
    var target = /** @type {Element | null} */ (e.target);
    var link = target && target.closest ? target.closest(".video a[data-embed]") : null;
    if (!link || e.button || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    var frame = document.createElement("iframe");
    frame.src = link.getAttribute("data-embed") || "";
    frame.title = link.getAttribute("data-title") || "Video";
    frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
    frame.setAttribute("allowfullscreen", "");
    /** @type {Node} */ (link.parentNode).replaceChild(frame, link);
    frame.focus();
  });
})();
