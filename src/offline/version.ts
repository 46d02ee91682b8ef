// The service worker's version: a digest of every fingerprinted file's URL,
// so a deployment that changes any of them (the worker, the page script, the
// icons) gives the worker new cache names, and its activation deletes the old
// ones. Computed once per isolate from the generated map, no build step.
import { ASSET_URLS } from "../site/asset-urls";

/** FNV-1a, 32 bits: short, stable, enough to tell two asset sets apart. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

export const OFFLINE_VERSION = fnv1a(Object.values(ASSET_URLS).sort().join("\n"));

/** What pages register (src/assets/offline.js reads it from the script tag). */
export const SERVICE_WORKER_URL = `${ASSET_URLS["sw.js"]}?v=${OFFLINE_VERSION}`;
