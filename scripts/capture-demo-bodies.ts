// Captures the rendered body HTML (full and light edition) of every demo
// article and static page into a test fixture, so a later change to the
// body views can be checked byte for byte against what readers saw before.
// Run once, on the code whose rendering is the reference:
//   npx tsx scripts/capture-demo-bodies.ts test/fixtures/<name>.json
import { writeFileSync } from "node:fs";
import { h } from "preact";
import { renderToString } from "preact-render-to-string";
import { type BodyBlock, parseBody } from "../src/content/blocks";
import type { ImageData } from "../src/model/article";
import { BodyBlockView, InfoBox, splitBody } from "../src/views/ArticleBody";
import { DEMO_ARTICLES, storedDemoBody } from "./demo/articles/index";
import { DEMO_STATIC_PAGES } from "./demo/static-pages";

function render(blocks: BodyBlock[], figures: Map<number, ImageData>, lite: boolean): string {
  const { flow, asides } = splitBody(blocks);
  return renderToString(
    h(
      "div",
      null,
      ...flow.map((block) => h(BodyBlockView, { block, figures, lite })),
      ...asides.map((block) => h(InfoBox, { block })),
    ),
  );
}

const out: Record<string, { body: BodyBlock[]; images: ImageData[]; html: string; lite: string }> = {};
const add = (name: string, raw: unknown[], images: ImageData[]) => {
  const body = parseBody(raw);
  const figures = new Map(images.map((i) => [i.id, i]));
  out[name] = { body, images, html: render(body, figures, false), lite: render(body, figures, true) };
};
for (const [n, article] of DEMO_ARTICLES.entries()) {
  const images: ImageData[] = [];
  const body = storedDemoBody(
    article.body,
    (spec) => {
      const id = images.length + 1;
      images.push({
        id,
        key: `demo/${id}.jpg`,
        width: 1200,
        height: 800,
        alt: spec.alt,
        caption: spec.caption,
        credit: spec.credit,
      });
      return id;
    },
    (headline) => DEMO_ARTICLES.findIndex((a) => a.headline === headline) + 1,
  );
  add(`article-${n}`, body, images);
}
for (const page of DEMO_STATIC_PAGES) add(`page-${page.slug}`, page.body, []);

const target = process.argv[2];
if (!target) throw new Error("usage: tsx scripts/capture-demo-bodies.ts <fixture.json>");
writeFileSync(target, `${JSON.stringify(out, null, 1)}\n`);
console.log(`${Object.keys(out).length} bodies written to ${target}`);
