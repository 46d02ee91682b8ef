import { Hono } from "hono";
import type { AppEnv } from "../env";
import { articleRoutes } from "./article-routes";
import { authRoutes } from "./auth-routes";
import { csrfProtection } from "./csrf";
import { mediaAdminRoutes } from "./media-routes";
import { moderationRoutes } from "./moderation-routes";
import { pollAdminRoutes } from "./poll-routes";
import { weatherAdminRoutes } from "./weather-routes";
import { breakingRoutes } from "./breaking-routes";
import { menuRoutes, settingsRoutes } from "./site-routes";
import { staticPageRoutes } from "./static-page-routes";
import { auditRoutes, peopleRoutes } from "./people-routes";
import { notFoundAdmin } from "./responses";
import { loadEditor, requireEditor } from "./session";

/** Everything under /admin: session, CSRF, then the room's routes. Never cached (see app.ts). */
export const newsroomRoutes = new Hono<AppEnv>();

newsroomRoutes.use(loadEditor, csrfProtection);
newsroomRoutes.route("/", authRoutes);
newsroomRoutes.get("/", requireEditor, (c) => c.redirect("/admin/bai-viet", 303));
for (const path of ["/bai-viet", "/bai-viet/*", "/anh", "/anh/*", "/nguoi-dung", "/nguoi-dung/*", "/nhat-ky", "/nhat-ky/*", "/binh-luan", "/binh-luan/*", "/binh-chon", "/binh-chon/*", "/thoi-tiet", "/thoi-tiet/*", "/cai-dat", "/cai-dat/*", "/menu", "/menu/*", "/trang", "/trang/*", "/tin-nong", "/tin-nong/*"]) {
  newsroomRoutes.use(path, requireEditor);
}
newsroomRoutes.route("/bai-viet", articleRoutes);
newsroomRoutes.route("/anh", mediaAdminRoutes);
newsroomRoutes.route("/nguoi-dung", peopleRoutes);
newsroomRoutes.route("/nhat-ky", auditRoutes);
newsroomRoutes.route("/binh-luan", moderationRoutes);
newsroomRoutes.route("/binh-chon", pollAdminRoutes);
newsroomRoutes.route("/thoi-tiet", weatherAdminRoutes);
newsroomRoutes.route("/cai-dat", settingsRoutes);
newsroomRoutes.route("/menu", menuRoutes);
newsroomRoutes.route("/trang", staticPageRoutes);
newsroomRoutes.route("/tin-nong", breakingRoutes);
newsroomRoutes.notFound((c) => notFoundAdmin(c));
