// The page cache's front door (docs/caching.md, "Stitched pages"): a
// reader's GET for a page this isolate served moments ago is answered from
// the same stitched entry, with the headers the app sent then, before the app
// itself runs (worker/index.ts). The page cache notes, for each page it
// serves, until when that answer stays right; anything else goes the whole
// way through the app.
import { Context, type MiddlewareHandler } from "hono";
import type { AppEnv, Env } from "../env";
import { logAnswer, requestIdOf, routeOf } from "../http/request-log";
import { edgeCache } from "./cache";
import { KNOWN_MAX_ENTRIES, noMiss, type Page, SLOTS } from "./page-store";
import { exactEntryName, isCacheableRequest, pathOf, wantsSaveData } from "./policy";

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
  /** The route that answered, for the request log. */
  route: string;
  /** The stitched entry's bytes and slots, once read: the key names the same bytes for good. */
  kept?: { bytes: Uint8Array<ArrayBuffer>; slots: string };
}

/**
 * Bytes of stitched pages the front door keeps in the isolate's memory (of its
 * 128 MB), so the hottest pages are not read from the Cache API again within
 * their window: about a hundred article pages.
 */
export const KEPT_MAX_BYTES = 4 * 1024 * 1024;

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

type Fetch = (req: Request, env: Env, ctx: ExecutionContext) => Response | Promise<Response>;

export function createFrontDoor(opts: {
  generation(): number | undefined;
  /** Sends a stored page with the kept headers, its per-request fragments filled in. */
  answer(c: Context<AppEnv>, page: Page, perRequest: string[]): Promise<Response>;
}) {
  const front = new Map<string, FrontEntry>();
  let keptBytes = 0;
  const forgetAll = () => {
    front.clear();
    keptBytes = 0;
  };
  const forget = (entry: FrontEntry) => {
    if (front.get(entry.entry) !== entry) return;
    front.delete(entry.entry);
    keptBytes -= entry.kept?.bytes.byteLength ?? 0;
  };
  const noted = new WeakMap<Context<AppEnv>, FrontDoorNote>();

  /** The answer to a page this isolate served moments ago, or undefined: the app decides. */
  async function answer(req: Request, env: Env, ctx: ExecutionContext): Promise<Response | undefined> {
    // Odd escapes go through the request guards; forms, editors and HEAD the long way.
    if (req.method !== "GET" || req.url.includes("%") || !(await isCacheableRequest(req, env))) return undefined;
    const started = Date.now();
    const url = req.url;
    const path = pathOf(url);
    const lite = path === "/lite" || path.startsWith("/lite/") || wantsSaveData(req);
    const entry = front.get(exactEntryName(url, lite));
    if (!entry) return undefined;
    if (entry.env !== env || entry.until <= started || entry.generation !== opts.generation()) {
      forget(entry);
      return undefined;
    }
    const kept = entry.kept ?? (await keep(entry));
    if (!kept) return undefined;
    // The answer's headers are the ones the app sent; only where the per-request bytes go is the entry's.
    const headers = new Headers(entry.headers);
    headers.set(SLOTS, kept.slots);
    // Per-request fragments (a form's token) render with the request's bindings; nothing else is needed.
    const c = new Context<AppEnv>(req, { env, executionCtx: ctx });
    const res = await opts.answer(c, { headers, bytes: kept.bytes }, entry.perRequest);
    return logAnswer(req, res, requestIdOf(req), () => entry.route, started);
  }

  /** Reads the stitched entry once; its bytes stay with the entry while the memory budget allows. */
  async function keep(entry: FrontEntry): Promise<FrontEntry["kept"]> {
    const stored = await noMiss(edgeCache().match(entry.key));
    if (!stored) {
      forget(entry);
      return undefined;
    }
    const kept = { bytes: new Uint8Array(await stored.arrayBuffer()), slots: stored.headers.get(SLOTS) ?? "" };
    if (keptBytes + kept.bytes.byteLength > KEPT_MAX_BYTES) forgetAll();
    // Still the same entry (no newer answer recorded meanwhile) and not kept by a request
    // that read it at the same time: keep the bytes with it, counted once.
    if (front.get(entry.entry) === entry && !entry.kept) {
      entry.kept = kept;
      keptBytes += kept.bytes.byteLength;
    }
    return kept;
  }

  /** Remembers, after the app answered, what the front door may send for the same address. */
  const record: MiddlewareHandler<AppEnv> = async (c, next) => {
    await next();
    const note = noted.get(c);
    if (!note || c.res.status !== 200 || c.res.headers.has("set-cookie")) return;
    // What the rest of the app added (security headers, request id aside) goes out with every answer.
    const headers: [string, string][] = [];
    c.res.headers.forEach((value, name) => {
      if (!PER_ANSWER.has(name)) headers.push([name, value]);
    });
    if (front.size >= KNOWN_MAX_ENTRIES) forgetAll();
    const old = front.get(note.entry);
    if (old) forget(old);
    front.set(note.entry, { ...note, headers, route: routeOf(c) });
  };

  return {
    record,
    /** The Worker's fetch: the front door first, then the app. */
    before(app: Fetch): Fetch {
      // Anything unexpected on the way (a failing signature) is the app's to answer and log.
      return async (req, env, ctx) => (await answer(req, env, ctx).catch(() => undefined)) ?? app(req, env, ctx);
    },
    /** The page cache served this page for this request: the front door may answer its URL until note.until. */
    note(c: Context<AppEnv>, note: FrontDoorNote): void {
      noted.set(c, note);
    },
  };
}
