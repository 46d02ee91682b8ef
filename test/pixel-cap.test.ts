// Issue 21, item 7: a decompression bomb. A real 16,000 x 16,000 PNG of
// about 249 KB (256 MB once decoded) is within the 20,000 px side limit;
// the 50-megapixel cap refuses it, with its numbers and the cap in
// Vietnamese, wherever photos come in: the upload form, the photo picker's
// upload (JSON), and images in a paste. The importer (scripts/import/writer.ts)
// calls the same sniffImage before anything else reads the bytes.
import { env } from "cloudflare:test";
import { parse } from "node-html-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { sniffImage } from "../src/media/sniff";
import { PNG } from "./fixtures/image-formats";
import { blackPng } from "./fixtures/png-bomb";
import { get, text } from "./setup/http";
import { type Editor, loginAs, ORIGIN } from "./setup/newsroom";

let bomb: Uint8Array<ArrayBuffer>;
let editor: Editor;
beforeAll(async () => {
  [bomb, editor] = await Promise.all([blackPng(16_000, 16_000), loginAs("editor")]);
}, 60_000);

/** The figures every refusal must show: the photo's size, its megapixels, and the cap. */
const FIGURES = ["16.000×16.000", "256 triệu điểm ảnh", "tối đa 50 triệu điểm ảnh"];

const stored = async () => ({
  images: (await env.DB.prepare("select count(*) as n from images").first<number>("n")) ?? 0,
  objects: (await env.MEDIA.list()).objects.length,
});

function upload(file: File, json = false): Promise<Response> {
  const form = new FormData();
  form.set("_csrf", editor.csrf);
  form.set("file", file);
  form.set("alt", "Cánh đồng lúa chín");
  return get("/admin/anh", {
    method: "POST",
    headers: { cookie: editor.cookie, origin: ORIGIN, ...(json ? { accept: "application/json" } : {}) },
    body: form,
  });
}

/** The 64x48 PNG fixture with its header saying width x height (the sniffer reads the header only). */
function pngClaiming(width: number, height: number): Uint8Array {
  const png = PNG.slice();
  const view = new DataView(png.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  return png;
}

describe("photos over 50 megapixels", () => {
  it("the bomb is what the review found: 16,000 x 16,000 px in about 249 KB", () => {
    expect(bomb.length).toBeGreaterThan(240 * 1024);
    expect(bomb.length).toBeLessThan(260 * 1024);
  });

  it("are refused by the byte check, naming the photo's size and the cap", () => {
    const r = sniffImage(bomb);
    expect(r).toMatchObject({ ok: false, reason: "too-many-pixels" });
    for (const figure of FIGURES) expect(r.ok ? "" : r.message).toContain(figure);
  });

  it("up to exactly 50 megapixels is accepted, one column more is not", () => {
    expect(sniffImage(pngClaiming(8000, 6250))).toMatchObject({ ok: true, width: 8000, height: 6250 });
    expect(sniffImage(pngClaiming(20_000, 2500))).toMatchObject({ ok: true, width: 20_000, height: 2500 });
    const over = sniffImage(pngClaiming(8001, 6250));
    expect(over).toMatchObject({ ok: false, reason: "too-many-pixels" });
    expect(over.ok ? "" : over.message).toContain("8.001×6.250 = 50,1 triệu điểm ảnh");
  });

  it("the upload form answers 413 with the numbers, keeps the description, stores nothing", async () => {
    const before = await stored();
    const res = await upload(new File([bomb], "dong-lua.png", { type: "image/png" }));
    expect(res.status).toBe(413);
    const doc = parse(await res.text());
    const error = text(doc.querySelector(".error"));
    for (const figure of FIGURES) expect(error).toContain(figure);
    expect(doc.querySelector("input[name=alt]")?.getAttribute("value")).toBe("Cánh đồng lúa chín");
    expect(await stored()).toEqual(before);
  });

  it("the photo picker's upload answers 413 JSON with the numbers, stores nothing", async () => {
    const before = await stored();
    const res = await upload(new File([bomb], "dong-lua.png", { type: "image/png" }), true);
    expect(res.status).toBe(413);
    const { error } = await res.json<{ error: string }>();
    for (const figure of FIGURES) expect(error).toContain(figure);
    expect(await stored()).toEqual(before);
  });

  it("a paste drops it with a note saying why, and stores nothing", async () => {
    const before = await stored();
    const base64 = btoa(Array.from(bomb, (b) => String.fromCharCode(b)).join(""));
    const form = new FormData();
    form.set("_csrf", editor.csrf);
    form.set("html", `<p>Mùa gặt</p><img src="data:image/png;base64,${base64}">`);
    const res = await get("/admin/bai-viet/chuyen-doi-html", {
      method: "POST",
      headers: { cookie: editor.cookie, origin: ORIGIN, accept: "application/json" },
      body: form,
    });
    expect(res.status).toBe(200);
    const { blocks, notes } = await res.json<{ blocks: { type: string }[]; notes: string[] }>();
    expect(blocks).toStrictEqual([{ type: "paragraph", text: "Mùa gặt" }]);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^Đã bỏ ảnh thứ 1 trong đoạn dán: Ảnh có quá nhiều điểm ảnh/);
    for (const figure of FIGURES) expect(notes[0]).toContain(figure);
    expect(await stored()).toEqual(before);
  });
});
