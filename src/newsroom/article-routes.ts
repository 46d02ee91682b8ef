// /admin/bai-viet: the article screens, one file each, mounted in one place
// so every article address is listed here.
//
//   GET  /                                   list            ./article-list-route
//   GET  /moi, POST /                        new article     ./article-edit-routes
//   GET  /:id, POST /:id, POST /:id/xoa      edit, delete    ./article-edit-routes
//   POST /xem-truoc                          preview         ./article-preview-route
//   POST /chuyen-doi-html                    paste from Word ./article-paste-route
//   GET  /tim.json?q=…                       article search  ./article-search-route
//   GET  /:id/phien-ban[/:rev], POST …/khoi-phuc  revisions  ./article-revisions-routes
//   GET, POST /:id/dinh-chinh                corrections     ./article-corrections-routes
//   POST [/:id]/tu-dong-luu, GET …/tu-dong-luu/:as  autosave ./article-autosave-routes
import { Hono } from "hono";
import type { AppEnv } from "../env";
import { articleAutosaveRoutes } from "./article-autosave-routes";
import { articleCorrectionsRoutes } from "./article-corrections-routes";
import { articleEditRoutes } from "./article-edit-routes";
import { articleListRoute } from "./article-list-route";
import { articlePasteRoute } from "./article-paste-route";
import { articlePreviewRoute } from "./article-preview-route";
import { articleRevisionsRoutes } from "./article-revisions-routes";
import { articleSearchRoute } from "./article-search-route";

export const articleRoutes = new Hono<AppEnv>();

articleRoutes.route("/", articleListRoute);
articleRoutes.route("/", articleEditRoutes);
articleRoutes.route("/", articlePreviewRoute);
articleRoutes.route("/", articlePasteRoute);
articleRoutes.route("/", articleSearchRoute);
articleRoutes.route("/", articleRevisionsRoutes);
articleRoutes.route("/", articleCorrectionsRoutes);
articleRoutes.route("/", articleAutosaveRoutes);
