// The twelve demo articles, written for this project (see docs/newsroom.md, "Demo content").
import type { BodyBlock } from "../../../src/content/blocks";
import gd1 from "./giao-duc-the-thao-1.json";
import gd2 from "./giao-duc-the-thao-2.json";
import gd3 from "./giao-duc-the-thao-3.json";
import kt1 from "./kinh-te-1.json";
import kt2 from "./kinh-te-2.json";
import kt3 from "./kinh-te-3.json";
import ns1 from "./nhip-song-do-thi-1.json";
import ns2 from "./nhip-song-do-thi-2.json";
import ns3 from "./nhip-song-do-thi-3.json";
import vh1 from "./van-hoa-du-lich-1.json";
import vh2 from "./van-hoa-du-lich-2.json";
import vh3 from "./van-hoa-du-lich-3.json";

/** A photo as the demo describes it; the seed draws it from its motif. */
export interface DemoPhotoSpec {
  motif: string;
  alt: string;
  caption: string;
  credit: string;
}

/**
 * A body block as stored, except those that name something the seed makes:
 * figures describe the photo it draws, a video its thumbnail photo, and a
 * "Xem thêm" box names the demo article it links to by headline.
 */
export type DemoBlock =
  | Exclude<BodyBlock, { type: "figure" | "video" | "related" }>
  | ({ type: "figure" } & DemoPhotoSpec)
  | (Omit<Extract<BodyBlock, { type: "video" }>, "imageId"> & { photo: DemoPhotoSpec })
  | { type: "related"; headline: string };

/**
 * A demo body as stored, given the ids the seed gave the photos (in the order
 * of the body's figures and videos) and to the articles, by headline.
 */
export function storedDemoBody(
  body: DemoBlock[],
  photoId: (spec: DemoPhotoSpec) => number,
  articleId: (headline: string) => number,
): BodyBlock[] {
  return body.map((block): BodyBlock => {
    if (block.type === "figure") return { type: "figure", imageId: photoId(block) };
    if (block.type === "related") return { type: "related", articleId: articleId(block.headline) };
    if (block.type === "video") {
      const { photo, ...video } = block;
      return { ...video, imageId: photoId(photo) };
    }
    return block;
  });
}

export interface DemoArticle {
  section: string;
  author: string;
  kicker: string | null;
  headline: string;
  lead: string;
  publishedAt: string;
  tags: string[];
  hero: DemoPhotoSpec;
  body: DemoBlock[];
}

export const DEMO_ARTICLES = [ns1, ns2, ns3, kt1, kt2, kt3, vh1, vh2, vh3, gd1, gd2, gd3] as DemoArticle[];
