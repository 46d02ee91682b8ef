import { Hono } from "hono";
import type { AppEnv } from "../env";
import { isArticleSave, stashForSignIn } from "./article-recovery";
import { articleRoutes } from "./article-routes";
import { authRoutes } from "./auth-routes";
import { authorRoutes } from "./author-routes";
import { breakingRoutes } from "./breaking-routes";
import { csrfProtection } from "./csrf";
import { mediaAdminRoutes } from "./media-routes";
import { moderationRoutes } from "./moderation-routes";
import { auditRoutes, peopleRoutes } from "./people-routes";
import { pollAdminRoutes } from "./poll-routes";
import { notFoundAdmin } from "./responses";
import { sectionRoutes } from "./section-routes";
import { loadEditor, requireEditor, requireOwnPassword } from "./session";
import { sessionRoutes } from "./session-routes";
import { menuRoutes, settingsRoutes } from "./site-routes";
import { staticPageRoutes } from "./static-page-routes";
import { weatherAdminRoutes } from "./weather-routes";

/** Everything under /admin: session, CSRF, then the room's routes. Never cached (see app.ts). */
export const newsroomRoutes = new Hono<AppEnv>();

/** The only newsroom addresses open without a session: signing in and out. */
const OPEN_PATHS: ReadonlySet<string> = new Set(["/admin/dang-nhap", "/admin/dang-xuat"]);

newsroomRoutes.use(loadEditor, csrfProtection);
// Closed unless listed as open: a room added later is protected without a line here.
// An article saved after its session ended keeps its text for the sign-in (article-recovery.tsx).
newsroomRoutes.use((c, next) =>
  OPEN_PATHS.has(c.req.path) ? next() : !c.var.user && isArticleSave(c) ? stashForSignIn(c) : requireEditor(c, next),
);
// A temporary password (set by an admin) is replaced before anything else.
newsroomRoutes.use(requireOwnPassword);
newsroomRoutes.route("/", authRoutes);
newsroomRoutes.get("/", (c) => c.redirect("/admin/bai-viet", 303));
newsroomRoutes.route("/bai-viet", articleRoutes);
newsroomRoutes.route("/anh", mediaAdminRoutes);
newsroomRoutes.route("/nguoi-dung", peopleRoutes);
newsroomRoutes.route("/phien", sessionRoutes);
newsroomRoutes.route("/nhat-ky", auditRoutes);
newsroomRoutes.route("/binh-luan", moderationRoutes);
newsroomRoutes.route("/binh-chon", pollAdminRoutes);
newsroomRoutes.route("/thoi-tiet", weatherAdminRoutes);
newsroomRoutes.route("/cai-dat", settingsRoutes);
newsroomRoutes.route("/menu", menuRoutes);
newsroomRoutes.route("/trang", staticPageRoutes);
newsroomRoutes.route("/tin-nong", breakingRoutes);
newsroomRoutes.route("/tac-gia", authorRoutes);
newsroomRoutes.route("/chuyen-muc", sectionRoutes);
newsroomRoutes.notFound((c) => notFoundAdmin(c));
