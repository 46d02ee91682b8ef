// Headers of the service worker's file, the same in public/_headers (files the
// asset server answers itself) and src/reader/assets.ts (requests that reach
// the Worker); test/offline.test.ts checks they agree.
//
// The worker is fingerprinted under /_/ like every static file, so a
// deployment's new worker has a new URL and replaces the old registration, and
// the file can stay immutable. A worker's scope may not reach above its folder
// unless the file says so: `Service-Worker-Allowed: /` lets it control the
// whole site. (A stable /sw.js would need no header but could not be cached
// for a year, and would need the Worker to serve it.)
export const SERVICE_WORKER_ALLOWED = "/";

/**
 * A worker runs under its own file's policy, not the page's: the default
 * `default-src 'none'` of /_/ files would block every fetch it makes. It may
 * only talk to its own origin.
 */
export const SERVICE_WORKER_CSP = "default-src 'none'; connect-src 'self'; frame-ancestors 'none'";

export const isServiceWorkerFile = (path: string) => /^\/_\/sw\.[0-9a-f]+\.js$/.test(path);
