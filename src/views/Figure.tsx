import { variantWidthsFor } from "../media/variants";
import type { ImageData } from "../model/article";
import { mediaPath } from "../site/urls";

export interface FigureProps {
  image: ImageData;
  caption?: string;
  credit?: string;
  /** The first photo of a page: fetched early, never lazy. */
  priority?: boolean;
  /** Light edition: the caption links to the photo instead of showing it. */
  lite?: boolean;
  /** CSS sizes of the slot the photo fills. */
  sizes?: string;
}

const ARTICLE_SIZES = "(min-width: 712px) 680px, calc(100vw - 32px)";

export function Figure({ image, caption, credit, priority, lite, sizes = ARTICLE_SIZES }: FigureProps) {
  const text = caption ?? image.caption;
  const by = credit ?? image.credit;
  const widths = variantWidthsFor(image.width);
  const src = widths.length
    ? `${mediaPath(image.key)}?w=${widths.includes(720) ? 720 : widths[widths.length - 1]}`
    : mediaPath(image.key);
  const creditText = by && (
    <>
      {" "}
      <span class="credit">Ảnh: {by}</span>
    </>
  );
  if (lite) {
    return (
      <p class="photo-link">
        <a href={src}>Xem ảnh: {text || image.alt}</a>
        {creditText}
      </p>
    );
  }
  return (
    <figure>
      <img
        src={src}
        srcset={widths.length > 1 ? widths.map((w) => `${mediaPath(image.key)}?w=${w} ${w}w`).join(", ") : undefined}
        sizes={widths.length > 1 ? sizes : undefined}
        width={image.width}
        height={image.height}
        alt={image.alt}
        loading={priority ? "eager" : "lazy"}
        decoding={priority ? undefined : "async"}
        {...(priority ? { fetchpriority: "high" } : {})}
      />
      {(text || by) && (
        <figcaption>
          {text}
          {creditText}
        </figcaption>
      )}
    </figure>
  );
}
