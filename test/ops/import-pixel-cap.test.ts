// Issue 21, item 7, the importer's side: a photo of an old site that is a
// decompression bomb (16,000 x 16,000 px in about 249 KB) is refused by the
// same byte check as an upload, before sharp would decode it to turn it
// upright: reported missing with the numbers, nothing written to R2 or D1's
// images, and the article still imported without it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FORMAT_ID, readDocument } from "../../scripts/import/format";
import { type FetchBytes, writeImport } from "../../scripts/import/writer";
import { withLocalPlatform } from "../../scripts/local-platform";
import { createTempState, removeTempState } from "../../scripts/temp-state";
import { blackPng } from "../fixtures/png-bomb";

const BOMB_URL = "https://baocu.example/wp-content/uploads/2024/10/dong-lua.png";

describe("importing a photo over 50 megapixels", () => {
  let dir: string;
  let bomb: Uint8Array;
  beforeAll(async () => {
    [dir, bomb] = await Promise.all([createTempState("edge-news-import-bomb"), blackPng(16_000, 16_000)]);
  });
  afterAll(async () => {
    if (dir) await removeTempState(dir);
  });

  it("reports it missing with its size and the cap, stores nothing of it, imports the article", async () => {
    const fetched: string[] = [];
    const fetchBytes: FetchBytes = async (url) => {
      fetched.push(url);
      if (url !== BOMB_URL) throw new Error("máy chủ trả lời 404");
      return bomb;
    };
    const { doc, problems } = readDocument({
      format: FORMAT_ID,
      source: "pixel-cap-test",
      sections: [{ id: "s", name: "Nông nghiệp" }],
      authors: [{ id: "a", name: "Lê Văn C" }],
      media: [{ id: "m1", url: BOMB_URL, alt: "Cánh đồng lúa chín" }],
      items: [
        {
          id: "p1",
          status: "draft",
          title: "Mùa gặt ở Hồng Dân",
          bodyHtml: `<p>Lúa chín vàng đồng.</p><img src="${BOMB_URL}" alt="Cánh đồng">`,
          section: "s",
          author: "a",
          featuredMedia: "m1",
        },
      ],
    });
    expect(problems).toEqual([]);
    await withLocalPlatform(async (env) => {
      const report = await writeImport(env, doc, problems, { fetchBytes });
      expect(fetched).toEqual([BOMB_URL]);
      expect(report.imported).toBe(1);
      expect(report.imagesStored).toBe(0);
      expect(report.imagesMissing.length).toBeGreaterThan(0);
      for (const missing of report.imagesMissing) {
        expect(missing.url).toBe(BOMB_URL);
        for (const figure of ["16.000×16.000", "256 triệu điểm ảnh", "tối đa 50 triệu điểm ảnh"])
          expect(missing.reason).toContain(figure);
      }
      expect(await env.DB.prepare("select count(*) as n from images").first<number>("n")).toBe(0);
      expect((await env.MEDIA.list()).objects).toHaveLength(0);
      const article = await env.DB.prepare("select hero_image_id as hero from articles where headline = ?")
        .bind("Mùa gặt ở Hồng Dân")
        .first<{ hero: number | null }>();
      expect(article).toEqual({ hero: null });
    }, dir);
  });
});
