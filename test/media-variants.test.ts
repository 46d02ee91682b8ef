import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { loadDemo } from "./setup/demo";
import { get } from "./setup/http";

beforeAll(loadDemo);

async function someKey(): Promise<string> {
  return (await env.DB.prepare("select r2_key from images order by id limit 1").first<{ r2_key: string }>())!.r2_key;
}

describe("image variants from the Images binding", () => {
  it("resize the R2 original to an allowed width in the best format the browser accepts", async () => {
    const key = await someKey();
    const webp = await get(`/media/${key}?w=360`, { headers: { accept: "image/webp,image/*" } });
    expect(webp.status).toBe(200);
    expect(webp.headers.get("content-type")).toBe("image/webp");
    expect(webp.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(webp.headers.get("vary")).toBe("Accept");
    const info = await env.IMAGES.info(new Blob([await webp.arrayBuffer()]).stream());
    expect("width" in info && info.width).toBe(360);

    const avif = await get(`/media/${key}?w=360`, { headers: { accept: "image/avif,image/webp,*/*" } });
    expect(avif.headers.get("content-type")).toBe("image/avif");
    const jpeg = await get(`/media/${key}?w=360`, { headers: { accept: "*/*" } });
    expect(jpeg.headers.get("content-type")).toBe("image/jpeg");
  });

  it("refuses widths outside the list, so nobody can make the Worker resize at will", async () => {
    const key = await someKey();
    for (const w of ["500", "0", "99999", "abc", "-360", "360.5"]) {
      const res = await get(`/media/${key}?w=${w}`);
      expect(res.status, w).toBe(400);
      expect(await res.text()).toContain("Kích thước ảnh không được hỗ trợ");
    }
  });

  it("answer 404 for a variant of a missing original", async () => {
    expect((await get("/media/demo/khong-co.jpg?w=360")).status).toBe(404);
  });

  it("are cached: the second request returns the same bytes with the same ETag", async () => {
    const key = await someKey();
    const first = await get(`/media/${key}?w=360`, { headers: { accept: "image/webp" } });
    const a = new Uint8Array(await first.arrayBuffer());
    const second = await get(`/media/${key}?w=360`, {
      headers: { accept: "image/webp", "if-none-match": first.headers.get("etag")! },
    });
    expect(second.status).toBe(304);
    const third = await get(`/media/${key}?w=360`, { headers: { accept: "image/webp" } });
    expect(new Uint8Array(await third.arrayBuffer())).toEqual(a);
  });
});

describe("variants for crawlers and feed readers", () => {
  it("make a 1200x630 JPEG share card and a forced-JPEG width, and refuse other sizes and formats", async () => {
    const key = await someKey();
    const card = await get(`/media/${key}?w=1200&h=630`, { headers: { accept: "image/avif,image/webp,*/*" } });
    expect(card.headers.get("content-type")).toBe("image/jpeg");
    const info = await env.IMAGES.info(new Blob([await card.arrayBuffer()]).stream());
    expect("width" in info && [info.width, info.height]).toEqual([1200, 630]);

    const jpeg = await get(`/media/${key}?w=720&f=jpg`, { headers: { accept: "image/avif,image/webp,*/*" } });
    expect(jpeg.headers.get("content-type")).toBe("image/jpeg");

    for (const q of ["w=1200", "w=720&h=630", "w=1200&h=631", "h=630", "w=720&f=png", "f=jpg", "w=1200&h=630&f=jpg"]) {
      const res = await get(`/media/${key}?${q}`);
      expect(res.status, q).toBe(400);
    }
  });
});

describe("photos embedded elsewhere", () => {
  it("may be shown by feed readers and aggregators on other sites, while pages stay same-origin", async () => {
    const key = await someKey();
    expect((await get(`/media/${key}?w=720&f=jpg`)).headers.get("cross-origin-resource-policy")).toBe("cross-origin");
    expect((await get(`/media/${key}`)).headers.get("cross-origin-resource-policy")).toBe("cross-origin");
    expect((await get("/")).headers.get("cross-origin-resource-policy")).toBe("same-origin");
  });
});
