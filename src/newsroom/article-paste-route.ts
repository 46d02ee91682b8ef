// Paste from Word or Google Docs: the editor's small script (admin.js)
// sends the clipboard's HTML here and puts the markup it gets back into the
// body textarea.
import { Hono } from "hono";
import { htmlToMarkup } from "../content/markup/paste-html";
import type { AppEnv } from "../env";
import { acceptsBodyUpTo, type BodyLimit } from "../http/request-guards";
import { formStrings } from "./form";

export const articlePasteRoute = new Hono<AppEnv>();

/** HTML pasted from a word processor is verbose; the editor's script falls back to plain text if refused. */
const PASTE_LIMIT: BodyLimit = { bytes: 2 * 1024 * 1024, message: "Đoạn văn bản dán vào quá lớn (tối đa 2 MB)." };

/** Converts HTML pasted from a word processor into body markup (used by the editor's small script). */
articlePasteRoute.post("/chuyen-doi-html", acceptsBodyUpTo(PASTE_LIMIT), async (c) => {
  const form = await formStrings(c);
  return c.text(htmlToMarkup((form.html ?? "").slice(0, 500_000)));
});
