/**
 * robots.txt: everything readers see may be crawled; the newsroom, search
 * results (endless, thin pages) and the form endpoints may not.
 */
export function robotsTxt(siteUrl: string): string {
  return [
    "User-agent: *",
    "Disallow: /admin",
    "Disallow: /tim-kiem",
    "Disallow: /binh-luan",
    "Disallow: /binh-chon",
    "Disallow: /luot-xem",
    "Allow: /",
    "",
    `Sitemap: ${siteUrl}/sitemap.xml`,
    `Sitemap: ${siteUrl}/sitemaps/news.xml`,
    "",
  ].join("\n");
}
