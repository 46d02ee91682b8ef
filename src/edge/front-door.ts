// The page cache's front door (docs/caching.md, "Stitched pages"): a
// reader's GET for a page this isolate served moments ago is answered from
// the same stitched entry, with the headers the app sent then, before any
// other middleware or route runs. The page cache notes, for each page it
// serves, until when that answer stays right; anything else goes the whole
// way through the app.
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../env";
import { edgeCache } from "./cache";
import { KNOWN_MAX_ENTRIES, noMiss, type Page, SLOTS } from "./page-store";
import { exactEntryName, isCacheableRequest, wantsSaveData } from "./policy";

/** A stitched page the front door may serve for a URL and variant, and until when. */
export interface FrontDoorNote {
  /** The bindings it was served with: the same object for every request of an isolate. */
  env: object;
  /** The exact address and variant it answered (exactEntryName): only the very same address is answered again. */
  entry: string;
  key: string;
  until: number;
  /** The versions' generation it was served under (a write through this isolate changes it). */
  generation: number;
  perRequest: string[];
}

interface FrontEntry extends FrontDoorNote {
  /** The answer's headers as the app sent them, but for the per-answer ones. */
  headers: [string, string][];
}

/** Headers that differ per answer: set again each time. */
const PER_ANSWER = new Set([
  "x-request-id",
  "x-cache",
  "content-length",
  "transfer-encoding",
  "date",
  "age",
  "cf-cache-status",
]);

export function createFrontDoor(opts: {
  generation(): number | undefined;
  /** Sends a stored page with the kept headers, its per-request fragments filled in. */
  answer(c: Context<AppEnv>, page: Page, perRequest: string[]): Promise<Response>;
}) {
  const front = new Map<string, FrontEntry>();
  const noted = new WeakMap<Context<AppEnv>, FrontDoorNote>();

  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    const req = c.req.raw;
    // Odd escapes go through the request guards; forms, editors and HEAD the long way.
    if (req.method === "GET" && !req.url.includes("%") && isCacheableRequest(req)) {
      const path = c.req.path;
      const lite = path === "/lite" || path.startsWith("/lite/") || wantsSaveData(req);
      const entry = front.get(exactEntryName(req.url, lite));
      if (entry && entry.env === c.env && entry.until > Date.now() && entry.generation === opts.generation()) {
        const stored = await noMiss(edgeCache().match(entry.key));
        if (stored) {
          // The answer's headers are the ones the app sent; only where the per-request bytes go is the entry's.
          const headers = new Headers(entry.headers);
          headers.set(SLOTS, stored.headers.get(SLOTS) ?? "");
          return opts.answer(c, { headers, body: stored.body }, entry.perRequest);
        }
        front.delete(entry.entry);
      }
    }
    await next();
    const note = noted.get(c);
    if (!note || c.res.status !== 200 || c.res.headers.has("set-cookie")) return;
    // What the rest of the app added (security headers, request id aside) goes out with every answer.
    const headers: [string, string][] = [];
    c.res.headers.forEach((value, name) => {
      if (!PER_ANSWER.has(name)) headers.push([name, value]);
    });
    if (front.size >= KNOWN_MAX_ENTRIES) front.clear();
    front.set(note.entry, { ...note, headers });
  };

  return {
    middleware,
    /** The page cache served this page for this request: the front door may answer its URL until note.until. */
    note(c: Context<AppEnv>, note: FrontDoorNote): void {
      noted.set(c, note);
    },
  };
}
