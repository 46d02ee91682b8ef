// Paste from Word, Google Docs, LibreOffice or plain text. The editor (or,
// without it, the small script admin.js on the body textarea) sends the
// clipboard's `html` or, when there is none, its `text`; the answer is body
// blocks as JSON (`Accept: application/json`: { blocks, notes, images }, images
// naming the photos it stored: { [id]: { thumbUrl, alt, caption, credit } }) or markup
// for the textarea (text/plain, the notes in the X-Paste-Notes header as
// URI-encoded JSON). Images that came as data are stored in the photo library
// (./paste-images) and come back as figures or "[[anh:ID]]". A paste too long
// for one article is refused (413) before any image is stored.
import { type Context, Hono } from "hono";
import {
  PASTE_TOO_LONG,
  partsToBlocks,
  partsToMarkup,
  pasteTooLong,
  tablesAsText,
} from "../content/markup/paste-blocks";
import { readPastedHtml } from "../content/markup/paste-html";
import type { PasteReading } from "../content/markup/paste-parts";
import { textToMarkup } from "../content/markup/paste-text";
import { getImagesByIds } from "../db/images";
import type { AppEnv } from "../env";
import { acceptsBodyUpTo, type BodyLimit } from "../http/request-guards";
import { can } from "../model/permissions";
import { mediaPath } from "../site/urls";
import { formStrings } from "./form";
import { storePastedPhotos } from "./paste-images";

export const articlePasteRoute = new Hono<AppEnv>();

/**
 * 10 MB: the text of even a long article is well under 1 MB of clipboard
 * HTML, but Word and Docs put pictures in the clipboard as base64 data: URLs
 * (a third larger than the file), and a paste with a few phone photos is
 * several MB. The photos' own caps are in ./paste-images.
 */
const PASTE_LIMIT: BodyLimit = {
  bytes: 10 * 1024 * 1024,
  message: "Đoạn dán vào quá lớn (tối đa 10 MB). Hãy dán từng phần, hoặc tải ảnh lên thư viện trước.",
};

/** The width of the thumbnails the editor shows (a variant /media serves). */
const THUMB_WIDTH = 360;

const wantsJson = (c: Context<AppEnv>) => /\bapplication\/json\b/i.test(c.req.header("accept") ?? "");

function refuse(c: Context<AppEnv>, status: 400 | 413, message: string) {
  return wantsJson(c) ? c.json({ error: message }, status) : c.text(message, status);
}

const TABLE_NOTE = "Bảng trong đoạn dán được giữ thành các đoạn văn, mỗi hàng một đoạn, các ô cách nhau bằng dấu |.";

articlePasteRoute.post("/chuyen-doi-html", acceptsBodyUpTo(PASTE_LIMIT), async (c) => {
  const form = await formStrings(c);
  const html = form.html ?? "";
  const text = form.text ?? "";
  if (html.trim() === "" && text.trim() === "") return refuse(c, 400, "Không có nội dung để dán.");
  const reading: PasteReading = html.trim()
    ? readPastedHtml(html)
    : { parts: [{ kind: "markup", markup: textToMarkup(text) }], images: [], tooLong: false };

  // Sized with every image as a figure, so nothing is stored for a paste that is then refused.
  const everyImage = new Map(reading.images.map((_, i) => [i, 1]));
  const tooLong = reading.tooLong ? PASTE_TOO_LONG : pasteTooLong(partsToBlocks(reading.parts, everyImage));
  if (tooLong) return refuse(c, 413, tooLong);

  const user = c.var.user!;
  const photos = await storePastedPhotos(c.var.db, c.env.MEDIA, reading.images, {
    id: user.id,
    mayUpload: can(user, "media.upload"),
  });
  const notes = tablesAsText(reading.parts) ? [...photos.notes, TABLE_NOTE] : photos.notes;
  if (wantsJson(c)) {
    // The photos just stored, so the editor can show them at once: as it is given those of a saved body.
    const stored = await getImagesByIds(c.var.db, [...photos.ids.values()]);
    const images = Object.fromEntries(
      stored.map((i) => [
        String(i.id),
        { thumbUrl: `${mediaPath(i.r2Key)}?w=${THUMB_WIDTH}`, alt: i.alt, caption: i.caption, credit: i.credit },
      ]),
    );
    return c.json({ blocks: partsToBlocks(reading.parts, photos.ids), notes, images });
  }
  c.header("x-paste-notes", encodeURIComponent(JSON.stringify(notes)));
  return c.text(partsToMarkup(reading.parts, photos.ids));
});
