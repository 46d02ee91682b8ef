import type { VideoBlock } from "../content/blocks";
import { VIDEO_PROVIDER_NAMES, videoEmbedUrl, videoWatchUrl } from "../content/video";
import { variantWidthsFor } from "../media/variants";
import type { ImageData } from "../model/article";
import { mediaPath } from "../site/urls";

const SIZES = "(min-width: 712px) 680px, calc(100vw - 32px)";

/**
 * A video as a click-to-load facade: our own stored photo and a play button
 * inside a real link to the video, so nothing is fetched from YouTube or
 * Facebook until the reader taps, and without JavaScript the link simply
 * opens the video. With JavaScript (src/assets/video.js) a tap swaps in the
 * player. The light edition shows the link alone.
 */
export function VideoFacade({ block, image, lite }: { block: VideoBlock; image?: ImageData; lite?: boolean }) {
  const watch = videoWatchUrl(block);
  const provider = VIDEO_PROVIDER_NAMES[block.provider];
  if (lite) {
    return (
      <p class="photo-link">
        <a href={watch}>
          Xem video: {block.title} ({provider})
        </a>
      </p>
    );
  }
  const widths = image ? variantWidthsFor(image.width) : [];
  return (
    <div class="video">
      <a href={watch} data-embed={videoEmbedUrl(block)} data-title={block.title}>
        {image && (
          <img
            src={
              widths.length
                ? `${mediaPath(image.key)}?w=${widths.includes(720) ? 720 : widths[widths.length - 1]}`
                : mediaPath(image.key)
            }
            srcset={
              widths.length > 1 ? widths.map((w) => `${mediaPath(image.key)}?w=${w} ${w}w`).join(", ") : undefined
            }
            sizes={widths.length > 1 ? SIZES : undefined}
            width={image.width}
            height={image.height}
            alt=""
            loading="lazy"
            decoding="async"
          />
        )}
        <span class="vp" aria-hidden="true" />
        <span class="vt">
          Xem video: {block.title} ({provider})
        </span>
      </a>
    </div>
  );
}
