// A deterministic neutral-format archive for measuring and testing the
// importer (docs/import.md "Speed"): N articles over 4 sections, 5 authors,
// 50 tags, each with a featured photo and an inline one (file: URLs of JPEGs
// drawn here, PHOTOS distinct ones shared by the articles), and two comments
// with a reply on every tenth article. Same input, same file.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import sharp from "sharp";
import { FORMAT_ID } from "./import/format";

export interface SampleOptions {
  articles: number;
  photos?: number;
}

const SECTIONS = ["Thời sự", "Kinh tế", "Văn hóa", "Thể thao"];
const AUTHORS = ["Trần Thị Lan", "Nguyễn Văn Hùng", "Lê Minh Tâm", "Phạm Thu Hà", "Võ Quốc Bảo"];
const WORDS = "lũ về sớm bà con miền tây chuẩn bị mùa nước nổi cá linh điên điển ghe xuồng đồng ruộng phù sa".split(
  " ",
);

/** Writes `<dir>/archive.json` and its photos under `<dir>/photos`; returns the JSON's path. */
export async function writeImportSample(dir: string, options: SampleOptions): Promise<string> {
  const photos = options.photos ?? 200;
  await mkdir(join(dir, "photos"), { recursive: true });
  const media: { id: string; url: string; caption: string; credit: string; permalinks: string[] }[] = [];
  for (let p = 0; p < photos; p++) {
    const file = join(dir, "photos", `anh-${p}.jpg`);
    const jpeg = await sharp({
      create: { width: 320, height: 240, channels: 3, background: { r: p % 256, g: (p * 7) % 256, b: (p * 13) % 256 } },
    })
      .jpeg({ quality: 80 })
      .toBuffer();
    await writeFile(file, jpeg);
    media.push({
      id: `m${p}`,
      url: pathToFileURL(file).toString(),
      caption: `Ảnh minh họa số ${p + 1}`,
      credit: AUTHORS[p % AUTHORS.length]!,
      permalinks: [`/?attachment_id=${50_000 + p}`],
    });
  }
  const text = (n: number, words: number) =>
    Array.from({ length: words }, (_, i) => WORDS[(n * 31 + i * 7) % WORDS.length]).join(" ");
  const items = Array.from({ length: options.articles }, (_, i) => {
    const day = new Date(Date.UTC(2015, 0, 1) + i * 3_600_000 * 7);
    const inline = media[(i * 3 + 1) % photos]!;
    return {
      id: 10_000 + i,
      status: i % 50 === 49 ? "draft" : "published",
      title: `Tin ${i + 1}: ${text(i, 8)}`,
      slug: `tin-${i + 1}`,
      excerpt: text(i + 1, 30),
      bodyHtml: [
        `<p>${text(i, 60)}</p>`,
        `<figure><img src="${inline.url}" alt=""><figcaption>${inline.caption}</figcaption></figure>`,
        `<p>${text(i + 2, 80)}</p>`,
        `<h2>${text(i + 3, 5)}</h2>`,
        `<p><strong>${text(i + 4, 10)}</strong> ${text(i + 5, 60)}</p>`,
      ].join(""),
      publishedAt: day.toISOString(),
      modifiedAt: new Date(day.getTime() + 3_600_000).toISOString(),
      section: `s${i % SECTIONS.length}`,
      author: `a${i % AUTHORS.length}`,
      tags: [`Chủ đề ${i % 50}`, `Chủ đề ${(i * 7) % 50}`],
      featuredMedia: `m${i % photos}`,
      permalinks: [`/?p=${10_000 + i}`, `/${day.toISOString().slice(0, 10).replaceAll("-", "/")}/tin-${i + 1}/`],
      comments:
        i % 10 === 0
          ? [
              { id: 1, parent: null, name: "Bạn đọc", text: text(i, 12), createdAt: day.toISOString() },
              { id: 2, parent: 1, name: "Tòa soạn", text: text(i + 1, 8), createdAt: day.toISOString() },
            ]
          : [],
    };
  });
  const doc = {
    format: FORMAT_ID,
    source: "bao-mau",
    sections: SECTIONS.map((name, i) => ({ id: `s${i}`, name, permalinks: [`/category/muc-${i}/`] })),
    authors: AUTHORS.map((name, i) => ({ id: `a${i}`, name, permalinks: [`/author/tac-gia-${i}/`] })),
    media,
    tags: Array.from({ length: 50 }, (_, i) => ({ id: i, name: `Chủ đề ${i}`, permalinks: [`/tag/chu-de-${i}/`] })),
    items,
  };
  const path = join(dir, "archive.json");
  await writeFile(path, JSON.stringify(doc));
  return path;
}
