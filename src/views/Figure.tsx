import type { ImageData } from "../db/article-types";
import { mediaPath } from "./urls";

export interface FigureProps {
  image: ImageData;
  caption?: string;
  credit?: string;
  /** The first photo of a page: fetched early, never lazy. */
  priority?: boolean;
}

export function Figure({ image, caption, credit, priority }: FigureProps) {
  const text = caption ?? image.caption;
  const by = credit ?? image.credit;
  return (
    <figure>
      <img
        src={mediaPath(image.key)}
        width={image.width}
        height={image.height}
        alt={image.alt}
        loading={priority ? "eager" : "lazy"}
        decoding="async"
        {...(priority ? { fetchpriority: "high" } : {})}
      />
      {(text || by) && (
        <figcaption>
          {text}
          {by && <> <span class="credit">Ảnh: {by}</span></>}
        </figcaption>
      )}
    </figure>
  );
}
