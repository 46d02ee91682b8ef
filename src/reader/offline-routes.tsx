import { Hono } from "hono";
import type { AppEnv } from "../env";
import type { PageDeps } from "../model/content-scopes";
import { webManifest } from "../offline/manifest";
import { OfflineListPage } from "../views/OfflineListPage";
import { renderDocument } from "../views/render";
import { cachedPage } from "./page-cache";
import { loadSiteInfo } from "./site-info";

/**
 * Offline reading's server side: the web app manifest and the shells of
 * "Bài đã lưu" and the offline page (their lists are filled in the browser).
 * Registered before the reader routes: /da-luu would otherwise be a section.
 */
export const offlineRoutes = new Hono<AppEnv>();

// Only the paper's name and chrome show on these: the global scope.
const chromeOnly: PageDeps = { kind: "scopes", scopes: [] };

offlineRoutes.get("/manifest.webmanifest", (c) =>
  cachedPage(c, chromeOnly, async () =>
    c.body(JSON.stringify(webManifest(await loadSiteInfo(c))), 200, {
      "content-type": "application/manifest+json; charset=utf-8",
    }),
  ),
);

offlineRoutes.get("/da-luu", (c) =>
  cachedPage(c, chromeOnly, async () =>
    c.html(renderDocument(<OfflineListPage site={await loadSiteInfo(c)} kind="saved" />)),
  ),
);

offlineRoutes.get("/ngoai-tuyen", (c) =>
  cachedPage(c, chromeOnly, async () =>
    c.html(renderDocument(<OfflineListPage site={await loadSiteInfo(c)} kind="offline" />)),
  ),
);
