// Loads the demo paper into a D1 database and an R2 bucket through the same
// write functions the newsroom uses. Runs in Node (npm start, via
// getPlatformProxy) and in the Workers test pool; the photo maker is passed
// in because drawing photos needs sharp, which only Node has.
import type { BodyBlock } from "../../src/content/blocks";
import { createArticle } from "../../src/db/article-writes";
import { openDatabase } from "../../src/db/client";
import { insertImage } from "../../src/db/images";
import { insertAuthor, insertSection } from "../../src/db/people";
import { createPoll } from "../../src/db/polls";
import { createStaticPage } from "../../src/db/static-pages";
import { DEMO_ARTICLES, type DemoPhotoSpec, storedDemoBody } from "./articles/index";
import { DEMO_AUTHORS, DEMO_SECTIONS } from "./people";
import { DEMO_STATIC_PAGES } from "./static-pages";
import { seedDemoWeather } from "./weather";

export interface MadePhoto {
  data: Uint8Array;
  width: number;
  height: number;
  mime: string;
}

/** The demo poll's long option, two lines or more on a 360 px phone. */
export const DEMO_POLL_LONG_OPTION =
  "Nên thử vài tháng rồi lấy ý kiến người dân, tiểu thương và các hộ kinh doanh dọc bờ sông";

export type PhotoMaker = (motif: string, seed: number) => Promise<MadePhoto>;

export async function isDatabaseEmpty(d1: D1Database): Promise<boolean> {
  const row = await d1
    .prepare("select (select count(*) from sections) + (select count(*) from articles) as n")
    .first<{ n: number }>();
  return (row?.n ?? 0) === 0;
}

export async function seedDemoContent(
  d1: D1Database,
  media: R2Bucket,
  makePhoto: PhotoMaker,
): Promise<{ articles: number; photos: number }> {
  const db = openDatabase(d1);
  const sectionIds = new Map<string, number>();
  for (const [position, s] of DEMO_SECTIONS.entries())
    sectionIds.set(s.slug, await insertSection(db, { ...s, position }));
  const authorIds = new Map<string, number>();
  for (const a of DEMO_AUTHORS) authorIds.set(a.slug, await insertAuthor(db, a));

  let photos = 0;
  const storePhoto = async (spec: DemoPhotoSpec): Promise<number> => {
    photos += 1;
    const photo = await makePhoto(spec.motif, photos);
    const ext = photo.mime === "image/png" ? "png" : "jpg";
    const key = `demo/${String(photos).padStart(2, "0")}-${spec.motif}.${ext}`;
    await media.put(key, photo.data, { httpMetadata: { contentType: photo.mime } });
    return insertImage(db, {
      r2Key: key,
      width: photo.width,
      height: photo.height,
      mime: photo.mime,
      bytes: photo.data.byteLength,
      alt: spec.alt,
      caption: spec.caption,
      credit: spec.credit,
    });
  };

  const articleIds = new Map<string, number>();
  for (const article of DEMO_ARTICLES) {
    const heroImageId = await storePhoto(article.hero);
    // Photos are drawn in body order, before the body is put together.
    const photoIds = new Map<DemoPhotoSpec, number>();
    for (const block of article.body) {
      const spec = block.type === "figure" ? block : block.type === "video" ? block.photo : null;
      if (spec) photoIds.set(spec, await storePhoto(spec));
    }
    const body: BodyBlock[] = storedDemoBody(
      article.body,
      (spec) => mustGet(photoIds, spec),
      (headline) => mustGet(articleIds, headline),
    );
    const id = await createArticle(db, {
      sectionId: mustGet(sectionIds, article.section),
      authorId: mustGet(authorIds, article.author),
      kicker: article.kicker,
      headline: article.headline,
      lead: article.lead,
      body,
      status: "published",
      publishedAt: new Date(article.publishedAt),
      heroImageId,
      tags: article.tags,
    });
    articleIds.set(article.headline, id);
  }
  // The sidebar's "thăm dò ý kiến", open for a month from loading. The last
  // option is long on purpose: it wraps on a phone (test/browser/narrow-phones.test.ts).
  const now = Date.now();
  await createPoll(db, {
    question: "Bạn có ủng hộ mở rộng phố đi bộ ven sông Bạc Liêu vào cuối tuần?",
    options: ["Ủng hộ", "Không ủng hộ", "Chỉ nên mở vào dịp lễ", DEMO_POLL_LONG_OPTION],
    placement: "sidebar",
    opensAt: new Date(now - 3600_000),
    closesAt: new Date(now + 30 * 24 * 3600_000),
    articleIds: [],
  });
  for (const page of DEMO_STATIC_PAGES) await createStaticPage(db, page, null);
  // "Thông tin cần biết" without internet: a dated sample until the first real refresh.
  await seedDemoWeather(d1);
  return { articles: DEMO_ARTICLES.length, photos };
}

function mustGet<K>(map: Map<K, number>, key: K): number {
  const value = map.get(key);
  if (value === undefined) throw new Error(`demo content names an unknown section, author or article: ${String(key)}`);
  return value;
}
