// First path segments the app answers itself: a static page may not take one,
// or it would never be reached (or would shadow a real route).
export const RESERVED_PATHS: ReadonlySet<string> = new Set([
  "admin", "lite", "media", "_", "tim-kiem", "tac-gia", "chu-de", "binh-luan", "binh-chon",
  "healthz", "sitemaps", "da-luu", "ngoai-tuyen", "rss", "sitemap", "robots", "manifest",
]);
