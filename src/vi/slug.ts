import { stripDiacritics } from "./normalize";

const MAX_SLUG_LENGTH = 80;

/**
 * URL slug from Vietnamese text: "Đà Nẵng: Mưa lớn" -> "da-nang-mua-lon".
 * Cut at a word boundary so that long headlines give readable URLs.
 */
export function slugify(text: string): string {
  const slug = stripDiacritics(text.normalize("NFC"))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.slice(0, MAX_SLUG_LENGTH + 1);
  const lastDash = cut.lastIndexOf("-");
  return (lastDash > 0 ? cut.slice(0, lastDash) : cut.slice(0, MAX_SLUG_LENGTH)).replace(/-+$/, "");
}
