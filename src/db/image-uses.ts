// Where a library photo is shown: it may not be deleted while anything uses it.

import { sql } from "drizzle-orm";
import type { ImageUse } from "../model/media";
import type { Database } from "./client";
import { articlesUsingImage } from "./newsroom-articles";
import { siteSettings, staticPages } from "./schema";

export async function imageUses(db: Database, imageId: number): Promise<ImageUse[]> {
  const [articles, pages, logo] = await Promise.all([
    articlesUsingImage(db, imageId),
    db
      .select({ id: staticPages.id, title: staticPages.title })
      .from(staticPages)
      .where(sql`exists (
      select 1 from json_each(${staticPages.body}) b
       where json_extract(b.value, '$.type') in ('figure', 'video') and json_extract(b.value, '$.imageId') = ${imageId})`),
    db
      .select({ id: siteSettings.id })
      .from(siteSettings)
      .where(sql`json_extract(${siteSettings.data}, '$.logoImageId') = ${imageId}`),
  ]);
  return [
    ...articles.map((a) => ({ href: `/admin/bai-viet/${a.id}`, label: a.headline })),
    ...pages.map((p) => ({ href: `/admin/trang/${p.id}`, label: `Trang “${p.title}”` })),
    ...logo.map(() => ({ href: "/admin/cai-dat", label: "Logo của trang báo" })),
  ];
}
