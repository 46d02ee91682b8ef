import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { testPhotoBytes } from "./fixtures/photo";
import { loadDemo } from "./setup/demo";
import { get } from "./setup/http";

beforeAll(loadDemo);

async function someMediaKey(): Promise<string> {
  const row = await env.DB.prepare("select r2_key from images order by id limit 1").first<{ r2_key: string }>();
  return row!.r2_key;
}

describe("/media serves photos from R2", () => {
  it("with the stored type, an ETag and a year-long immutable lifetime", async () => {
    const res = await get(`/media/${await someMediaKey()}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/jpeg");
    expect(res.headers.get("etag")).toMatch(/^"[0-9a-f]+"$/);
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(testPhotoBytes());
  });

  it("answers a matching If-None-Match with 304 and no body", async () => {
    const key = await someMediaKey();
    const etag = (await get(`/media/${key}`)).headers.get("etag")!;
    const res = await get(`/media/${key}`, { headers: { "if-none-match": etag } });
    expect(res.status).toBe(304);
    expect(await res.text()).toBe("");
  });

  it("answers a missing or malformed key with 404, never 500", async () => {
    for (const path of [
      "/media/demo/khong-co.jpg",
      "/media/../secret",
      "/media/demo/%2e%2e/x.jpg",
      `/media/${"a".repeat(300)}`,
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
    }
    expect(await (await get("/media/demo/khong-co.jpg")).text()).toContain("Không tìm thấy ảnh");
  });
});
