// Where a video block's video lives: the page a reader's link opens, and the
// player the facade swaps in after a tap. Built only from a provider and an
// id that src/content/blocks.ts validated, so nothing typed reaches a URL.
import type { VideoBlock } from "./blocks";

/** The players' origins: the only frames reader pages may load (src/http/security-headers.ts). */
export const VIDEO_FRAME_ORIGINS = ["https://www.youtube-nocookie.com", "https://www.facebook.com"] as const;

export const VIDEO_PROVIDER_NAMES: Record<VideoBlock["provider"], string> = {
  youtube: "YouTube",
  facebook: "Facebook",
};

/** The video's own page: where the link goes without JavaScript. */
export function videoWatchUrl(v: Pick<VideoBlock, "provider" | "videoId">): string {
  return v.provider === "youtube"
    ? `https://www.youtube.com/watch?v=${v.videoId}`
    : `https://www.facebook.com/watch/?v=${v.videoId}`;
}

/** The player, started at once (the reader has just tapped play). */
export function videoEmbedUrl(v: Pick<VideoBlock, "provider" | "videoId">): string {
  return v.provider === "youtube"
    ? `https://www.youtube-nocookie.com/embed/${v.videoId}?autoplay=1`
    : `https://www.facebook.com/plugins/video.php?href=${encodeURIComponent(videoWatchUrl(v))}&show_text=false&autoplay=true`;
}
