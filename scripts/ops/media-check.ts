// After a restore: are the photos the backup listed in the target's R2?
// (The backup holds only their keys, not the files.)
import { withLocalPlatform } from "../local-platform";
import type { Manifest } from "./manifest";
import { listAllMedia } from "./media-list";

export async function missingMedia(state: string, manifest: Manifest): Promise<string[]> {
  const present = new Set((await withLocalPlatform((env) => listAllMedia(env.MEDIA), state)).map((o) => o.key));
  return manifest.media.objects.map((o) => o.key).filter((key) => !present.has(key));
}
