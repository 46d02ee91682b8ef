// The web app manifest: the paper on a phone's home screen, in Vietnamese.
// Built from SiteInfo, so name, short name and colour are the paper's own
// settings (wrangler.toml defaults, or what the newsroom saved).

import type { SiteInfo } from "../model/site-info";
import { ASSET_URLS } from "../site/asset-urls";

export function webManifest(site: Pick<SiteInfo, "name" | "shortName" | "tagline" | "brandColor">) {
  const icon = (file: "icon-192.png" | "icon-512.png", size: number) => ({
    src: ASSET_URLS[file],
    sizes: `${size}x${size}`,
    type: "image/png",
    purpose: "any",
  });
  return {
    id: "/",
    name: site.name,
    short_name: site.shortName,
    description: site.tagline || undefined,
    lang: "vi",
    dir: "ltr",
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: "#ffffff",
    // The pages' theme-color: the paper's brand colour.
    theme_color: site.brandColor,
    icons: [icon("icon-192.png", 192), icon("icon-512.png", 512)],
    shortcuts: [
      {
        name: "Bài đã lưu để đọc khi không có mạng",
        short_name: "Bài đã lưu",
        url: "/da-luu",
        icons: [icon("icon-192.png", 192)],
      },
    ],
  };
}
