import { variantWidthsFor } from "../media/variants";
import type { ImageData } from "../model/article";
import { mediaPath } from "../site/urls";

/** An author's photo on their page: small, the 360 px variant, a link in the light edition. */
export function Portrait({ image, lite }: { image: ImageData; lite?: boolean }) {
  const src = variantWidthsFor(image.width).includes(360) ? `${mediaPath(image.key)}?w=360` : mediaPath(image.key);
  if (lite) {
    return (
      <p class="photo-link">
        <a href={src}>Xem ảnh: {image.alt}</a>
      </p>
    );
  }
  return <img class="portrait" src={src} width={image.width} height={image.height} alt={image.alt} decoding="async" />;
}
