// Draws the raster icons that cannot be SVG from src/assets/favicon.svg: the
// home-screen icons, the publisher logo of structured data (Google wants a
// raster logo) and the social card used when an article has no photo.
// Run by hand after changing the mark (`npx tsx scripts/draw-icons.ts`, then
// `npm run assets`); the PNGs are committed, so builds do not need sharp.
import { readFile } from "node:fs/promises";
import sharp from "sharp";

const mark = await readFile("src/assets/favicon.svg");
const BRAND = "#0b5d3b";

for (const size of [192, 512]) {
  await sharp(mark, { density: (72 * size) / 32 })
    .resize(size, size)
    .png({ compressionLevel: 9, palette: true })
    .toFile(`src/assets/icon-${size}.png`);
}

// 1200x630: the mark centred on the brand colour, no text (every paper's name differs).
const markPng = await sharp(mark, { density: (72 * 360) / 32 })
  .resize(360, 360)
  .png()
  .toBuffer();
await sharp({ create: { width: 1200, height: 630, channels: 3, background: BRAND } })
  .composite([{ input: markPng, left: 420, top: 135 }])
  .png({ compressionLevel: 9, palette: true })
  .toFile("src/assets/og-default.png");
console.log("icons drawn");
