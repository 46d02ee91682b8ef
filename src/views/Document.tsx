import type { ComponentChildren } from "preact";
import type { SiteInfo } from "../model/site-info";
import { SERVICE_WORKER_URL } from "../offline/version";
import { ASSET_URLS } from "../site/asset-urls";
import { SCRIPT_LOADER } from "../site/script-loader";
import { DEFAULT_BRAND } from "../site/settings";
import type { PhotoSources } from "./Figure";
import { FragmentSlot } from "./FragmentSlot";
import { SeoHead, type SeoMeta } from "./SeoHead";
import { SiteFooter } from "./SiteFooter";
import { SiteHeader } from "./SiteHeader";
import { SITE_CSS } from "./styles";

export interface DocumentProps {
  site: SiteInfo;
  title: string;
  description?: string;
  /** Path of the canonical URL, e.g. "/kinh-te". */
  canonicalPath?: string;
  currentSection?: string;
  noindex?: boolean;
  /** Share cards, structured data and feeds. */
  meta?: SeoMeta;
  /** The page shows a video facade: load the tiny script that swaps in the player on a tap. */
  videoScript?: boolean;
  /**
   * The photo the first screen is built around (an article's hero): asked for
   * from the head, before the scripts and the stylesheet, at high priority.
   */
  leadPhoto?: PhotoSources;
  children: ComponentChildren;
}

export function Document({
  site,
  title,
  description,
  canonicalPath,
  currentSection,
  noindex,
  meta = {},
  videoScript,
  leadPhoto,
  children,
}: DocumentProps) {
  const fullTitle = title === site.name ? title : `${title} - ${site.name}`;
  return (
    <html lang="vi">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        {leadPhoto && (
          <link
            rel="preload"
            as="image"
            href={leadPhoto.src}
            // Preact's types know neither; written as the HTML spells them.
            {...{ imagesrcset: leadPhoto.srcset, imagesizes: leadPhoto.sizes, fetchpriority: "high" }}
          />
        )}
        <title>{fullTitle}</title>
        {description && <meta name="description" content={description} />}
        <SeoHead site={site} title={title} description={description} canonicalPath={canonicalPath} meta={meta} />
        {noindex && <meta name="robots" content="noindex" />}
        <meta name="theme-color" content={site.brandColor} />
        <link rel="icon" href={ASSET_URLS["favicon.svg"]} type="image/svg+xml" />
        <link rel="apple-touch-icon" href={ASSET_URLS["icon-192.png"]} />
        <link rel="manifest" href="/manifest.webmanifest" />
        {/* Offline reading (docs/reader.md, "Offline reading") and the video player, loaded after
            the page has loaded and painted: nothing on the first screen waits for them
            (src/site/script-loader.ts). */}
        <script
          data-src={ASSET_URLS["offline.js"]}
          data-sw={SERVICE_WORKER_URL}
          dangerouslySetInnerHTML={{ __html: SCRIPT_LOADER }}
        />
        {videoScript && (
          <script data-src={ASSET_URLS["video.js"]} dangerouslySetInnerHTML={{ __html: SCRIPT_LOADER }} />
        )}
        <style
          dangerouslySetInnerHTML={{
            __html: site.brandColor === DEFAULT_BRAND ? SITE_CSS : `${SITE_CSS}:root{--brand:${site.brandColor}}`,
          }}
        />
      </head>
      <body>
        <a class="skip" href="#main">
          Chuyển đến nội dung chính
        </a>
        <SiteHeader site={site} currentSection={currentSection} />
        <FragmentSlot fragment={{ kind: "breaking" }} />
        <main id="main" class="wrap">
          {children}
        </main>
        <div class="wrap">
          <FragmentSlot fragment={{ kind: "weather" }} />
        </div>
        <SiteFooter site={site} />
      </body>
    </html>
  );
}
