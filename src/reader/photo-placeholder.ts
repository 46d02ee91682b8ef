// What /media answers when a photo cannot be had: the R2 object is gone, or R2
// is failing. Pages are rendered from D1 and cached, so their <img> tags still
// point here; a plain 404 would draw the browser's broken-image icon in the
// middle of an article. Browsers display an image body whatever the status
// (HTML standard, "update the image data"), so an <img> gets a quiet grey
// panel with a short Vietnamese note, sized by the tag's own width and height
// (the SVG has no size of its own), while the status stays honest: 404 or 503.
// A person who opens the address directly gets the note as text.
import { BRIEF_CACHE_CONTROL, NO_STORE } from "../edge/policy";

export type PhotoProblem = "missing" | "unavailable";

const NOTES: Record<PhotoProblem, string> = {
  missing: "Không tìm thấy ảnh.",
  unavailable: "Ảnh tạm thời chưa tải được. Xin vui lòng thử lại sau.",
};

/** Inert even when opened on its own: no script, no outside resources. */
export const SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

function panel(note: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="100%" height="100%" role="img" aria-label="${note}">` +
    `<rect width="100%" height="100%" fill="#e8ece9"/>` +
    `<text x="50%" y="50%" fill="#5b6660" font-family="system-ui,sans-serif" font-size="14" text-anchor="middle" dominant-baseline="middle">${note}</text>` +
    `</svg>`
  );
}

export function photoProblem(problem: PhotoProblem, accept: string | null | undefined): Response {
  const status = problem === "missing" ? 404 : 503;
  const headers = new Headers({ vary: "Accept", "x-content-type-options": "nosniff" });
  // Missing: re-checked soon in case it is uploaded again. Unavailable: never kept.
  headers.set("cache-control", problem === "missing" ? BRIEF_CACHE_CONTROL : NO_STORE);
  if (problem === "unavailable") headers.set("retry-after", "60");
  if (accept?.includes("text/html")) {
    headers.set("content-type", "text/plain; charset=utf-8");
    return new Response(NOTES[problem], { status, headers });
  }
  headers.set("content-type", "image/svg+xml; charset=utf-8");
  headers.set("content-security-policy", SVG_CSP);
  return new Response(panel(NOTES[problem]), { status, headers });
}
