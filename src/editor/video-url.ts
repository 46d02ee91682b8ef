// A YouTube or Facebook address as pasted by an editor -> the provider and the
// video's id that the "video" block stores (contract.md).
export interface VideoRef {
  provider: "youtube" | "facebook";
  videoId: string;
}

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const FACEBOOK_ID = /^[0-9]{5,20}$/;

export function parseVideoUrl(raw: string): VideoRef | null {
  let url: URL;
  try {
    url = new URL(/^https?:\/\//i.test(raw.trim()) ? raw.trim() : `https://${raw.trim()}`);
  } catch {
    return null;
  }
  const host = url.hostname.toLowerCase().replace(/^(www|m|mobile|web)\./, "");
  const parts = url.pathname.split("/").filter(Boolean);
  const youtube = (id: string | null | undefined): VideoRef | null =>
    id && YOUTUBE_ID.test(id) ? { provider: "youtube", videoId: id } : null;
  if (host === "youtu.be") return youtube(parts[0]);
  if (host === "youtube.com" || host === "youtube-nocookie.com" || host === "music.youtube.com") {
    if (parts[0] === "watch") return youtube(url.searchParams.get("v"));
    if (["embed", "shorts", "live", "v"].includes(parts[0] ?? "")) return youtube(parts[1]);
    return null;
  }
  if (host === "facebook.com" || host === "fb.com") {
    const facebook = (id: string | null | undefined): VideoRef | null =>
      id && FACEBOOK_ID.test(id) ? { provider: "facebook", videoId: id } : null;
    // /watch/?v=123, /video.php?v=123, /{page}/videos/123/, /reel/123
    const v = facebook(url.searchParams.get("v"));
    if (v) return v;
    const at = parts.findIndex((p) => p === "videos" || p === "reel");
    if (at >= 0) return facebook(parts[at + 1]) ?? facebook(parts[at + 2]);
    return null;
  }
  return null;
}
