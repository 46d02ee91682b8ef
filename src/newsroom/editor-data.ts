// What the WYSIWYG editor (src/editor/) starts from, drawn into the article
// form as JSON: the body's blocks as the form holds them (the submitted
// `bodyJson` after a refused save, else the markup), and the photos those
// blocks name, so figures show as thumbnails rather than ids.
import { markupToBlocks } from "../content/markup/parse";
import type { Database } from "../db/client";
import { getImagesByIds } from "../db/images";
import { mediaPath } from "../site/urls";
import type { EditorData } from "../views/admin/EditorBoot";

const THUMB_WIDTH = 360;

/** The blocks the form's values hold, unchecked (the editor reads them defensively), or null. */
function blocksOf(values: { body: string; bodyJson: string }): unknown[] | null {
  try {
    if (values.bodyJson.trim()) {
      const parsed: unknown = JSON.parse(values.bodyJson);
      // A refused body is shown again as sent, within the form's own limits.
      return Array.isArray(parsed) ? parsed.slice(0, 500) : null;
    }
    return values.body.trim() ? markupToBlocks(values.body) : [];
  } catch {
    return null;
  }
}

/** The ids of the photos blocks name: figures and video thumbnails. */
function imageIdsOf(blocks: unknown[]): number[] {
  const ids = new Set<number>();
  for (const b of blocks) {
    if (typeof b !== "object" || b === null) continue;
    const id = (b as { imageId?: unknown }).imageId;
    if (typeof id === "number" && Number.isSafeInteger(id) && id > 0) ids.add(id);
  }
  return [...ids].slice(0, 200);
}

export async function editorDataFor(db: Database, values: { body: string; bodyJson: string }): Promise<EditorData> {
  const blocks = blocksOf(values);
  const found = blocks ? await getImagesByIds(db, imageIdsOf(blocks)) : [];
  return {
    blocks,
    images: Object.fromEntries(
      found.map((i) => [
        String(i.id),
        {
          thumbUrl: `${mediaPath(i.r2Key)}?w=${THUMB_WIDTH}`,
          alt: i.alt,
          caption: i.caption ?? "",
          credit: i.credit ?? "",
        },
      ]),
    ),
  };
}
