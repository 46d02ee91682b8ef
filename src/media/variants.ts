// Resized variants made by the Images binding. Only these widths exist, so
// nobody can make the Worker resize to arbitrary sizes.
export const VARIANT_WIDTHS = [360, 720, 1080] as const;
export type VariantWidth = (typeof VARIANT_WIDTHS)[number];

export function isVariantWidth(w: number): w is VariantWidth {
  return (VARIANT_WIDTHS as readonly number[]).includes(w);
}

/** Variant widths worth offering for an original (never upscaled). */
export function variantWidthsFor(originalWidth: number): VariantWidth[] {
  return VARIANT_WIDTHS.filter((w) => w <= originalWidth);
}

/** Social cards (Open Graph, Twitter, structured data): cropped to fill, always JPEG. */
export const CARD_SIZE = { width: 1200, height: 630 } as const;

export type VariantFormat = "image/avif" | "image/webp" | "image/jpeg";

/** The best format the browser says it takes. */
export function negotiateFormat(accept: string | null | undefined): VariantFormat {
  if (accept?.includes("image/avif")) return "image/avif";
  if (accept?.includes("image/webp")) return "image/webp";
  return "image/jpeg";
}
