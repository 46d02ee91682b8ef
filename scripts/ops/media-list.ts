// Every object in an R2 bucket, page by page (list() returns at most 1,000).
import type { MediaObject } from "./manifest";

export async function listAllMedia(bucket: R2Bucket): Promise<MediaObject[]> {
  const objects: MediaObject[] = [];
  let cursor: string | undefined;
  do {
    const page = await bucket.list({ limit: 1000, ...(cursor ? { cursor } : {}) });
    for (const o of page.objects)
      objects.push({ key: o.key, size: o.size, etag: o.etag, uploaded: new Date(o.uploaded).toISOString() });
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  return objects;
}
