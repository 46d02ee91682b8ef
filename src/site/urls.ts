// Every reader URL is built here, so routes and views agree on them.
import { slugify } from "../vi/slug";

export const articlePath = (a: { id: number; slug: string; section: { slug: string } }) =>
  `/${a.section.slug}/${a.slug}-${a.id}.html`;
export const sectionPath = (slug: string, page = 1) => (page > 1 ? `/${slug}?page=${page}` : `/${slug}`);
export const authorPath = (slug: string) => `/tac-gia/${slug}`;
export const tagPath = (slug: string) => `/chu-de/${slug}`;
/** The 1x1 image an article page loads to count its view (src/reader/view-beacon.ts). */
export const viewBeaconPath = (articleId: number) => `/luot-xem/${articleId}.gif`;
export const mediaPath = (key: string) => `/media/${key.split("/").map(encodeURIComponent).join("/")}`;
export const tagSlug = slugify;
