// An imported article's HTML body as typed blocks, through the newsroom's
// paste converter (src/content/markup/paste-html.ts): scripts, styles,
// iframes and every other tag never survive as markup. WordPress's own
// pieces are read first: [caption] shortcodes and <figure>/<figcaption> give
// the caption of the image they hold, a YouTube iframe or embed becomes a
// video block, any other iframe a link to what it showed.
import { articleBody, type BodyBlock, bodyBlock, VIDEO_ID } from "../../src/content/blocks";
import { decodeEntities } from "../../src/content/markup/html-entities";
import { partsToBlocks } from "../../src/content/markup/paste-blocks";
import { readPastedHtml } from "../../src/content/markup/paste-html";
import type { PasteReading } from "../../src/content/markup/paste-parts";

export interface BodyImage {
  src: string;
  alt: string;
  caption: string;
}

type Piece =
  | { kind: "html"; reading: PasteReading; firstImage: number }
  | { kind: "video"; videoId: string }
  | { kind: "link"; href: string };

export interface ReadBody {
  pieces: Piece[];
  /** Every image of the body in order; the writer stores them and gives their ids back. */
  images: BodyImage[];
  tooLong: boolean;
}

const YOUTUBE =
  /(?:youtube(?:-nocookie)?\.com\/(?:embed\/|watch\?(?:[^"'\s]*&)?v=|shorts\/)|youtu\.be\/)([A-Za-z0-9_-]{11})/;
/** An embed: an iframe (with its closing tag), WordPress's [embed] shortcode, or a bare YouTube URL on its own line. */
const EMBED =
  /<iframe\b([^>]*)>[\s\S]*?<\/iframe\s*>|<iframe\b([^>]*)\/?>|\[embed\]([^[]*)\[\/embed\]|^\s*(https?:\/\/(?:www\.)?(?:youtube\.com|youtu\.be)\/\S+)\s*$/gim;

function attr(attrs: string, name: string): string {
  const m = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(attrs);
  return decodeEntities(m?.[1] ?? m?.[2] ?? m?.[3] ?? "").trim();
}

/** A caption's text: inline tags (a link) go without a trace, line and block breaks become spaces. */
const stripTags = (s: string) =>
  decodeEntities(
    s.replace(/<br\s*\/?>|<\/?(?:p|div|li|ul|ol|figcaption|h[1-6])\b[^>]*>/gi, " ").replace(/<[^>]*>/g, ""),
  )
    .replace(/\s+/g, " ")
    .trim();

/**
 * Captions per image src, from [caption]…[/caption] and <figure>…<figcaption>;
 * the shortcodes become figures, so the paste converter sees one shape.
 */
function readCaptions(html: string): { html: string; captions: Map<string, string> } {
  const captions = new Map<string, string>();
  const note = (inner: string, caption: string) => {
    const src = /<img\b[^>]*>/i.exec(inner);
    if (src && caption) captions.set(attr(src[0], "src"), caption.slice(0, 500));
  };
  const shortcodes = html.replace(
    /\[caption\b([^\]]*)\]([\s\S]*?)\[\/caption\]/gi,
    (_m, attrs: string, inner: string) => {
      const img = /<img\b[^>]*>/i.exec(inner)?.[0] ?? "";
      const link = /<a\b[^>]*>\s*<img\b[^>]*>\s*<\/a>/i.exec(inner)?.[0];
      const rest = link ? inner.replace(link, "") : inner.replace(img, "");
      const caption = stripTags(rest) || attr(attrs, "caption");
      note(img, caption);
      return `<figure>${img}</figure>`;
    },
  );
  for (const m of shortcodes.matchAll(/<figure\b[^>]*>([\s\S]*?)<\/figure>/gi)) {
    const cap = /<figcaption\b[^>]*>([\s\S]*?)<\/figcaption>/i.exec(m[1] ?? "");
    if (cap) note(m[1] ?? "", stripTags(cap[1] ?? ""));
  }
  return { html: shortcodes, captions };
}

/**
 * A gallery's own caption (a block gallery's figcaption after its last
 * photo's figure, block comments between them in an export) belongs to no one photo: it becomes a paragraph after the
 * gallery, or it would be lost with the gallery's frame.
 */
function galleryCaptions(html: string): string {
  return html.replace(
    /<\/figure>((?:\s|<!--[\s\S]*?-->)*)<figcaption\b[^>]*>([\s\S]*?)<\/figcaption>\s*<\/figure>/gi,
    (_m, space: string, caption: string) => `</figure>${space}</figure><p>${caption}</p>`,
  );
}

/** Reads a body: the pieces around embeds, and its images with their captions. */
export function readBody(html: string): ReadBody {
  const { html: cleaned, captions } = readCaptions(galleryCaptions(html.replace(/\r\n?/g, "\n")));
  const pieces: Piece[] = [];
  const images: BodyImage[] = [];
  let tooLong = false;
  const addHtml = (chunk: string) => {
    if (!chunk.trim()) return;
    const reading = readPastedHtml(chunk);
    if (reading.tooLong) tooLong = true;
    pieces.push({ kind: "html", reading, firstImage: images.length });
    for (const img of reading.images) images.push({ ...img, caption: captions.get(img.src) ?? "" });
  };
  let at = 0;
  for (const m of cleaned.matchAll(EMBED)) {
    addHtml(cleaned.slice(at, m.index));
    at = m.index + m[0].length;
    const src =
      m[1] !== undefined || m[2] !== undefined ? attr(m[1] ?? m[2] ?? "", "src") : (m[3] ?? m[4] ?? "").trim();
    const yt = YOUTUBE.exec(src)?.[1];
    if (yt && VIDEO_ID.youtube.test(yt)) pieces.push({ kind: "video", videoId: yt });
    else if (/^https?:\/\//i.test(src)) pieces.push({ kind: "link", href: src });
  }
  addHtml(cleaned.slice(at));
  return { pieces, images, tooLong };
}

/**
 * The blocks of a read body, each image as a figure of the library photo it
 * was stored as (`imageIds[i]`, null: the image was missing and is left out).
 * `title` names videos, whose block needs one. Throws with the schema's
 * message when the result is not a valid body.
 */
export function bodyBlocks(read: ReadBody, imageIds: (number | null)[], title: string): BodyBlock[] {
  const blocks: BodyBlock[] = [];
  for (const p of read.pieces) {
    if (p.kind === "video")
      blocks.push({ type: "video", provider: "youtube", videoId: p.videoId, title: title.slice(0, 200) });
    else if (p.kind === "link") {
      const label = `Xem nội dung nhúng: ${new URL(p.href).hostname}`;
      const linked = bodyBlock.safeParse({
        type: "paragraph",
        text: label,
        marks: [{ type: "link", start: 0, end: label.length, href: p.href }],
      });
      blocks.push(linked.success ? linked.data : { type: "paragraph", text: label });
    } else {
      const ids = new Map<number, number>();
      p.reading.images.forEach((_img, i) => {
        const id = imageIds[p.firstImage + i];
        if (id != null) ids.set(i, id);
      });
      // Each figure keeps the caption written beside it in this body: one
      // photo stored once may be captioned differently in two places.
      const captions = p.reading.parts.flatMap((part) =>
        part.kind === "image" && ids.has(part.index) ? [read.images[p.firstImage + part.index]?.caption ?? ""] : [],
      );
      let figure = 0;
      for (const block of partsToBlocks(p.reading.parts, ids)) {
        if (block.type === "figure") {
          const caption = captions[figure++];
          if (caption) block.caption = caption.slice(0, 500);
        }
        blocks.push(block);
      }
    }
  }
  return blocks;
}

/** Checks blocks like every article write does: null when valid, else the reason (Vietnamese). */
export function bodyProblem(blocks: BodyBlock[]): string | null {
  const r = articleBody.safeParse(blocks);
  return r.success
    ? null
    : r.error.issues
        .map((i) => i.message)
        .slice(0, 3)
        .join("; ");
}
