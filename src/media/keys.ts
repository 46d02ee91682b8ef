// R2 keys of uploaded originals. Keys are never reused for other content,
// which is what lets /media answer with an immutable, year-long lifetime.
const SAFE_KEY = /^[a-z0-9][a-z0-9._-]*(?:\/[a-z0-9][a-z0-9._-]*)*$/;

export function isSafeMediaKey(key: string): boolean {
  return key.length <= 200 && SAFE_KEY.test(key) && !key.includes("..");
}

export const MEDIA_TYPES: Record<string, string> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  avif: "image/avif",
  gif: "image/gif",
  svg: "image/svg+xml",
};
