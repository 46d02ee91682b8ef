// Reader pages through the Workers Cache API. Only this folder knows how.
//   raw page  = path + the parameters the route reads + content version + variant,
//               rendered with empty fragment placeholders (stored as the URL's last known page)
//   stitched  = the raw page's key + the key of every fragment in it (name,
//               version, time bucket): the page ready to send, its ETag included
//   HIT   the stitched page is stored and fresh    -> one lookup, sent as it is
//         (or the raw page is, and only a fragment changed -> stitched once, stored)
//   STALE stored, past EDGE_FRESH                  -> served, re-rendered in the background
//   MISS  no raw page for this version             -> rendered, stored, stitched, served
//   STALE-ERROR  the version could not be read or the render failed (D1 down)
//               -> the last page stored for this URL and variant, whatever its
//                  version, with fragments from their own last entries
// Fragments rendered for every request (the comment form's token) stay
// placeholders in the stitched page and are filled on the way out.
import type { Context } from "hono";
import type { AppEnv } from "../env";
import { describeError, log } from "../platform/log";
import { edgeCache } from "./cache";
import {
  type FragmentDef,
  type FragmentResolver,
  fillFragments,
  fragmentBucketEnd,
  fragmentKey,
  isPerRequest,
  loadFragment,
  placeholderOf,
  prefetchFragment,
} from "./fragments";
import { createFrontDoor } from "./front-door";
import { shortHash } from "./hash";
import {
  FRAGMENTS,
  fromCache,
  isStorable,
  knownFragments,
  namesIn,
  noMiss,
  type Page,
  type PageKeys,
  prepare,
  RAW_KEY,
  rawOf,
  rememberFragments,
  SLOTS,
  STORED_AT,
  splice,
  stitchedKey,
  storeRaw,
  toEntry,
  utf8,
} from "./page-store";
import {
  cacheEntryName,
  EDGE_CACHE_CONTROL_HEADER,
  EDGE_FRESH_SECONDS,
  edgeCacheMode,
  edgePageCacheControl,
  exactEntryName,
  isCacheableRequest,
  type KeyParams,
  NO_STORE,
  PAGE_CACHE_CONTROL,
  STALE_ERROR_CACHE_CONTROL,
  WORKERS_PAGE_CACHE_CONTROL,
  wantsSaveData,
} from "./policy";

export interface PageVariant {
  /** Light page: no inline photos (Save-Data: on, or the /lite address). */
  lite: boolean;
}

export type PageRenderer = (variant: PageVariant) => Promise<Response>;
type CacheStatus = "HIT" | "MISS" | "STALE" | "BYPASS" | "STALE-ERROR";

/**
 * What the cache needs to know about the content, handed in by the routes'
 * side so that caching knows no page kinds and holds no SQL. `Deps` is
 * whatever names what a page shows (src/model/content-scopes.ts).
 */
export interface PageCacheSetup<Deps> {
  /** The content version of what `deps` names: a new version is a new key. */
  version(c: Context<AppEnv>, deps: Deps): Promise<number>;
  /** Several versions in one read (one D1 round trip); else `version` for each. */
  versions?(c: Context<AppEnv>, deps: Deps[]): Promise<number[]>;
  /**
   * Cache-Tag values: the scopes of the page and of the fragments in it, so
   * that Workers Cache (production) can purge it when a write bumps one.
   */
  tags(c: Context<AppEnv>, deps: Deps, fragments: Deps[]): string[];
  /**
   * How long this isolate trusts the versions it has read (ms; 0 = never),
   * and a number that changes whenever a write through this isolate made it
   * forget them: the front door answers only within both.
   */
  memo?: {
    ttlMs(c: Context<AppEnv>): number;
    generation(): number;
    /** When the remembered versions of these were read (the oldest): the trust counts from there. */
    readAt(list: Deps[]): number;
  };
  /** The fragments pages may ask for, by their placeholder's name. */
  fragments: FragmentResolver<Deps>;
  /**
   * Fragments a page for these deps will show, known before it is rendered
   * (its own, named by its id): on its first request their versions are read
   * with the page's and remembered, so stitching it needs no read of its own.
   */
  expected?(deps: Deps): string[];
}

/** A page's fragments with the versions of their dependencies ("offline": D1 could not be asked). */
interface StitchPlan<Deps> {
  stable: {
    name: string;
    def: FragmentDef<Deps>;
    stamp: number | "offline";
    /** Its stored copy, looked up while the versions were read (one this isolate does not hold). */
    early?: Promise<Response | undefined>;
  }[];
  perRequest: string[];
  /** The stable fragments' keys joined: the stitched copy's key suffix. Empty when offline. */
  id: string;
}

/** What a response says about itself to a cache in front of the Worker: its tags, and seconds it stays fresh. */
interface Label {
  tags: string[];
  fresh: number;
}

export function createPageCache<Deps>(setup: PageCacheSetup<Deps>) {
  const versionsOf = (c: Context<AppEnv>, list: Deps[]): Promise<number[]> =>
    setup.versions ? setup.versions(c, list) : Promise.all(list.map((deps) => setup.version(c, deps)));

  // Definitions are pure (deps, ttl, render), so each name is resolved once per isolate.
  const defs = new Map<string, FragmentDef<Deps> | undefined>();
  const defOf = (name: string): FragmentDef<Deps> | undefined => {
    if (defs.has(name)) return defs.get(name);
    if (defs.size >= 5000) defs.clear();
    const def = setup.fragments(name);
    defs.set(name, def);
    return def;
  };

  /**
   * The fragments named in a page, with the versions of their dependencies:
   * given (read together with the page's), read here in one go, or "offline".
   */
  async function planStitch(
    c: Context<AppEnv>,
    names: string[],
    stamps?: number[] | "offline",
  ): Promise<StitchPlan<Deps>> {
    const plan: StitchPlan<Deps> = { stable: [], perRequest: [], id: "" };
    for (const name of names) {
      const def = defOf(name);
      if (!def) continue;
      if (isPerRequest(def)) plan.perRequest.push(name);
      else plan.stable.push({ name, def, stamp: "offline" });
    }
    if (!plan.stable.length || stamps === "offline") return plan;
    // A fragment's stored copy needs no version to be found: look it up while they are read.
    if (!stamps) for (const f of plan.stable) f.early = prefetchFragment(f.name, f.def);
    try {
      const read =
        stamps ??
        (await versionsOf(
          c,
          plan.stable.map((f) => f.def.deps),
        ));
      plan.stable.forEach((f, i) => {
        f.stamp = read[i]!;
      });
    } catch (err) {
      // D1 failed after the page's own version was read: fragments fall back to their last copies.
      log("error", "fragment versions failed", { error: describeError(err) });
      return plan;
    }
    const now = Date.now();
    plan.id = plan.stable.map((f) => fragmentKey(f.name, f.def, f.stamp as number, now)).join(",");
    return plan;
  }

  /** The raw page with its stable fragments put in: what a HIT sends, with its ETag. */
  async function stitch(c: Context<AppEnv>, raw: Page, plan: StitchPlan<Deps>): Promise<Page> {
    let text = raw.text ?? (await new Response(raw.body).text());
    const headers = new Headers(raw.headers);
    headers.delete(FRAGMENTS);
    headers.delete(RAW_KEY);
    if (plan.stable.length) {
      const contents = new Map<string, string>();
      await Promise.all(
        plan.stable.map(async ({ name, def, stamp, early }) =>
          contents.set(name, await loadFragment(c, name, def, stamp, early)),
        ),
      );
      const stable = plan.stable.map(({ name }) => contents.get(name)!);
      headers.set("etag", `"${await shortHash(headers.get("etag") ?? "", ...stable)}"`);
      text = fillFragments(text, contents);
    }
    // Byte offsets of what is filled per request, so a HIT splices bytes instead of decoding the page.
    const slots = plan.perRequest.flatMap((name) => {
      const at = text.indexOf(placeholderOf(name));
      return at < 0 ? [] : [`${name}@${utf8.encode(text.slice(0, at)).length}`];
    });
    headers.set(SLOTS, slots.join(","));
    return { text, headers };
  }

  /** Renders; with keys, stores the raw page (versioned and as the URL's last known page) and the stitched one. */
  async function renderPage(
    c: Context<AppEnv>,
    render: PageRenderer,
    variant: PageVariant,
    keys: PageKeys | null,
  ): Promise<{ page: Page | Response; plan?: StitchPlan<Deps> }> {
    const rendered = await prepare(await render(variant));
    if (keys) c.executionCtx.waitUntil(storeRaw(keys, rendered).catch(() => undefined));
    if (rendered instanceof Response) return { page: rendered };
    const names = namesIn(rendered.headers);
    if (keys) rememberFragments(keys, names);
    const plan = await planStitch(c, names);
    const page = await stitch(c, rendered, plan);
    if (keys && plan.id && isStorable(page)) {
      c.executionCtx.waitUntil(
        edgeCache()
          .put(stitchedKey(keys, plan.id), toEntry(page))
          .catch(() => undefined),
      );
    }
    return { page, plan };
  }

  /** The stored page for these keys, stitched if it was not yet: undefined when the raw page is gone. */
  async function lookUp(
    c: Context<AppEnv>,
    keys: PageKeys,
    plan: StitchPlan<Deps>,
    raw: Response | undefined,
  ): Promise<Page | undefined> {
    const cache = edgeCache();
    if (plan.id) {
      // The one lookup of a HIT.
      const stitched = await noMiss(cache.match(stitchedKey(keys, plan.id)));
      if (stitched) return fromCache(stitched);
    }
    // A failing Cache API is a miss, not an error.
    raw ??= rawOf(await noMiss(cache.match(keys.last)), keys);
    if (!raw) return undefined;
    // A fragment changed (or its clock moved) since the page was stitched: stitch once, store.
    const page = await stitch(c, fromCache(raw), plan);
    if (plan.id) c.executionCtx.waitUntil(cache.put(stitchedKey(keys, plan.id), toEntry(page)).catch(() => undefined));
    return page;
  }

  /** Per-request fragments, rendered now. */
  async function perRequestContents(c: Context<AppEnv>, names: string[]): Promise<Map<string, string>> {
    const contents = new Map<string, string>();
    for (const name of names) {
      const def = defOf(name);
      if (def) contents.set(name, await loadFragment(c, name, def, 0));
    }
    return contents;
  }

  /** The response: headers for its status, a 304 when the browser has it, per-request fragments filled in. */
  async function serve(
    c: Context<AppEnv>,
    page: Page | Response,
    status: CacheStatus,
    label: Label | null,
    perRequest: string[],
  ): Promise<Response> {
    // Production: Workers Cache in front keeps what this says it may (docs/caching.md).
    const workers = edgeCacheMode(c.env) === "workers";
    if (page instanceof Response) {
      const headers = new Headers(page.headers);
      headers.set("x-cache", status);
      const stored = status !== "BYPASS" && page.status < 500;
      headers.set("cache-control", stored ? "public, max-age=60" : NO_STORE);
      if (workers && stored && label) {
        // A 404 before publication is kept a minute, and purged with the article's tag.
        headers.set("cache-tag", ["page", ...label.tags].join(","));
        headers.set("vary", "Cookie");
      }
      return new Response(page.body, { status: page.status, headers });
    }
    const { headers } = page;
    const slots = headers.get(SLOTS);
    for (const name of [FRAGMENTS, STORED_AT, SLOTS]) headers.delete(name);
    headers.set("x-cache", status);
    if (label === null) {
      // The front door: the headers the app sent last time are already on the page.
    } else if (status === "BYPASS") {
      headers.set("vary", "Save-Data");
      headers.set("cache-control", NO_STORE);
    } else if (!workers) {
      headers.set("vary", "Save-Data");
      // STALE-ERROR: browsers revalidate every time, so readers see the live page as soon as D1 is back.
      headers.set("cache-control", status === "STALE-ERROR" ? STALE_ERROR_CACHE_CONTROL : PAGE_CACHE_CONTROL);
      headers.set("cache-tag", ["page", ...label.tags].join(","));
    } else {
      // Workers Cache keys by path, not by cookie: Vary keeps an editor's request
      // (session cookie) off readers' copies, so it reaches the Worker and BYPASS.
      headers.set("vary", "Save-Data, Cookie");
      headers.set("cache-tag", ["page", ...label.tags].join(","));
      if (status === "STALE-ERROR") {
        // The last copy during an outage is for this reader, not for Workers Cache to keep as new.
        headers.set("cache-control", STALE_ERROR_CACHE_CONTROL);
        headers.set(EDGE_CACHE_CONTROL_HEADER, "no-store");
      } else {
        headers.set("cache-control", WORKERS_PAGE_CACHE_CONTROL);
        headers.set(EDGE_CACHE_CONTROL_HEADER, edgePageCacheControl(label.fresh));
      }
    }
    const etag = headers.get("etag");
    if (
      etag &&
      c.req
        .header("if-none-match")
        ?.split(",")
        .some((t) => t.trim() === etag)
    ) {
      return new Response(null, { status: 304, headers });
    }
    if (!perRequest.length) return new Response(page.text ?? page.bytes ?? page.body ?? null, { status: 200, headers });
    const contents = await perRequestContents(c, perRequest);
    if (page.text !== undefined) return new Response(fillFragments(page.text, contents), { status: 200, headers });
    return new Response(await splice(page.bytes ?? page.body ?? null, slots ?? "", contents), { status: 200, headers });
  }

  /** A page just served from (or stored in) the cache: the front door may answer its URL until this ends. */
  function noteForFrontDoor(
    c: Context<AppEnv>,
    deps: Deps,
    keys: PageKeys,
    plan: StitchPlan<Deps>,
    storedAt: number,
  ): void {
    const trust = setup.memo?.ttlMs(c) ?? 0;
    if (trust <= 0 || !Number.isFinite(storedAt)) return;
    const now = Date.now();
    // Versions read from the memo may be up to `trust` old already: trust them no longer than they would be trusted there.
    const readAt = setup.memo!.readAt([deps, ...plan.stable.map((f) => f.def.deps)]);
    let until = Math.min(readAt + trust, storedAt + EDGE_FRESH_SECONDS * 1000);
    // The stitched key holds each fragment's time bucket: it is right until the first bucket ends.
    for (const { def } of plan.stable) until = Math.min(until, fragmentBucketEnd(def, now));
    frontDoor.note(c, {
      env: c.env,
      entry: exactEntryName(c.req.url, keys.entry.startsWith("lite")),
      key: stitchedKey(keys, plan.id),
      until,
      generation: setup.memo!.generation(),
      perRequest: plan.perRequest,
    });
  }

  const frontDoor = createFrontDoor({
    generation: () => setup.memo?.generation(),
    answer: (c, page, perRequest) => serve(c, page, "HIT", null, perRequest),
  });

  return Object.assign(cachedPage, { frontDoor: { record: frontDoor.record, before: frontDoor.before } });

  /** `params`: the query parameters the page reads, canonical (the route's); nothing else is in its key. */
  async function cachedPage(
    c: Context<AppEnv>,
    deps: Deps,
    render: PageRenderer,
    params?: KeyParams,
  ): Promise<Response> {
    const req = c.req.raw;
    const variant: PageVariant = { lite: c.var.lite || wantsSaveData(req) };
    // Tags and freshness: the page's scopes and its stable fragments' (as read with their
    // versions); fresh no longer than its shortest-lived fragment, so time-bucketed
    // fragments (breaking news, poll results) stay as fresh behind Workers Cache as now.
    const label = (plan?: StitchPlan<Deps>): Label => ({
      tags: setup.tags(
        c,
        deps,
        (plan?.stable ?? []).map((f) => f.def.deps),
      ),
      fresh: Math.min(EDGE_FRESH_SECONDS, ...(plan?.stable ?? []).map((f) => f.def.ttl)),
    });
    if (!(await isCacheableRequest(req, c.env))) {
      const { page, plan } = await renderPage(c, render, variant, null);
      return serve(c, page, "BYPASS", label(plan), plan?.perRequest ?? []);
    }
    const entry = cacheEntryName(req.url, variant.lite, params);
    const last = `https://pages.internal/last/${entry}`;
    let fresh: Awaited<ReturnType<typeof renderPage>> | null = null;
    let failure: { error: unknown } | null = null;
    let early: Promise<Response | undefined> | undefined;
    try {
      // A busy isolate knows the page's fragments: their versions are read with the page's, in one go.
      const known = knownFragments.get(entry);
      // Else the raw page is looked up while the version is read: the URL's last
      // known page is this version's raw page if its RAW_KEY says so.
      early = known ? undefined : noMiss(edgeCache().match(last));
      // Else the fragments it is expected to show: their versions land in the memo for the stitch.
      const guessed = known?.names ?? ((setup.memo?.ttlMs(c) ?? 0) > 0 ? setup.expected?.(deps) : undefined);
      const guess = guessed?.length ? await planStitch(c, guessed, "offline") : undefined;
      const [version, ...stamps] = await versionsOf(c, [deps, ...(guess?.stable.map((f) => f.def.deps) ?? [])]);
      const deployment = c.env.CF_VERSION_METADATA?.id ?? "local";
      const keys: PageKeys = { entry, raw: `https://pages.internal/${deployment}/${version}/${entry}`, last };
      let raw: Response | undefined;
      let names: string[] | undefined;
      if (known?.raw === keys.raw) names = known.names;
      else {
        const stored = await (early ?? noMiss(edgeCache().match(last)));
        early = undefined;
        raw = rawOf(stored, keys);
        if (raw) names = rememberFragments(keys, namesIn(raw.headers));
      }
      if (names) {
        const plan = await planStitch(c, names, names === known?.names ? stamps : undefined);
        const page = await lookUp(c, keys, plan, raw);
        if (page) {
          const storedAt = Number(page.headers.get(STORED_AT));
          if ((Date.now() - storedAt) / 1000 <= EDGE_FRESH_SECONDS) {
            noteForFrontDoor(c, deps, keys, plan, storedAt);
            return serve(c, page, "HIT", label(plan), plan.perRequest);
          }
          c.executionCtx.waitUntil(renderPage(c, render, variant, keys).catch(() => undefined));
          return serve(c, page, "STALE", label(plan), plan.perRequest);
        }
        // Known, but evicted since: rendered again below.
        knownFragments.delete(entry);
      }
      fresh = await renderPage(c, render, variant, keys);
      if (fresh.plan?.id && !(fresh.page instanceof Response) && isStorable(fresh.page)) {
        noteForFrontDoor(c, deps, keys, fresh.plan, Number(fresh.page.headers.get(STORED_AT)));
      }
    } catch (error) {
      failure = { error };
    }
    if (failure || !fresh || (fresh.page instanceof Response && fresh.page.status >= 500)) {
      // stale-if-error: the version could not be read or the page not rendered
      // (D1 down); the reader gets the last page stored for this URL instead,
      // its fragments from their own last copies, without asking D1 again.
      // The lookup made while the version was read, if nothing used it (D1 failed first).
      const stored = await (early ?? noMiss(edgeCache().match(last)));
      if (stored) {
        log("error", "served the last stored page", {
          path: c.req.path,
          error: failure ? describeError(failure.error) : String((fresh?.page as Response | undefined)?.status),
        });
        const plan = await planStitch(c, namesIn(stored.headers), "offline");
        return serve(c, await stitch(c, fromCache(stored), plan), "STALE-ERROR", label(plan), plan.perRequest);
      }
      if (failure) throw failure.error;
    }
    return serve(c, fresh!.page, "MISS", label(fresh!.plan), fresh!.plan?.perRequest ?? []);
  }
}
