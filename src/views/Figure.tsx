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

/**
 * The photo column: 680 px from 712 px up, else the screen less the page's
 * 16 px margins (a 412 px phone at DPR 1.75 wants 665 device pixels: 720w).
 */
const ARTICLE_SIZES = "(min-width: 712px) 680px, calc(100vw - 32px)";

/** What a browser chooses a photo from: the same for the `<img>` and for a preload of it. */
export interface PhotoSources {
  src: string;
  srcset?: string;
  sizes?: string;
}

export function photoSources(image: ImageData, sizes: string = ARTICLE_SIZES): PhotoSources {
  const widths = variantWidthsFor(image.width);
  if (!widths.length) return { src: mediaPath(image.key) };
  const src = `${mediaPath(image.key)}?w=${widths.includes(720) ? 720 : widths[widths.length - 1]}`;
  if (widths.length < 2) return { src };
  return { src, srcset: widths.map((w) => `${mediaPath(image.key)}?w=${w} ${w}w`).join(", "), sizes };
}

export function Figure({ image, caption, credit, priority, lite, sizes = ARTICLE_SIZES }: FigureProps) {
  const text = caption ?? image.caption;
  const by = credit ?? image.credit;
  const { src, srcset, sizes: chosenSizes } = photoSources(image, sizes);
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
        srcset={srcset}
        sizes={chosenSizes}
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
