// "Phiên đăng nhập": the signed-in user's own sessions, and (for admins, from
// the people screen) another account's. A session is named in forms by its
// handle (src/newsroom/session.ts), and only looked for among the sessions of
// the account in the address: another account's handle is simply not found.
import { type Context, Hono } from "hono";
import { audit } from "../db/audit";
import { deleteSession, deleteUserSessions, listUserSessions } from "../db/users";
import type { AppEnv } from "../env";
import type { Session, User } from "../model/records";
import { SessionsPage } from "../views/admin/SessionsPage";
import { adminPage, notFoundAdmin } from "./responses";
import { endSession, isSessionLive, sessionHandle } from "./session";

export const sessionRoutes = new Hono<AppEnv>();

export const HANDLE = /^[0-9a-f]{24}$/;

/** The account's live sessions, the most recently used first, each with its handle. */
export async function liveSessions(
  c: Context<AppEnv>,
  userId: number,
): Promise<{ session: Session; handle: string; current: boolean }[]> {
  const now = Date.now();
  const all = (await listUserSessions(c.var.db, userId)).filter((s) => isSessionLive(s, now));
  return Promise.all(
    all.map(async (session) => ({
      session,
      handle: await sessionHandle(session),
      current: session.id === c.var.session?.id,
    })),
  );
}

/** Renders the sessions page of `owner` (null: the viewer's own). */
export async function sessionsPage(
  c: Context<AppEnv>,
  owner: Pick<User, "id" | "name"> | null,
  notice?: string,
): Promise<Response> {
  const viewer = c.var.user!;
  const rows = await liveSessions(c, owner?.id ?? viewer.id);
  return adminPage(
    c,
    <SessionsPage
      user={viewer}
      csrf={c.var.session!.csrfToken}
      owner={owner ? { id: owner.id, name: owner.name } : null}
      sessions={rows.map(({ session, handle, current }) => ({
        handle,
        device: session.device,
        createdAt: session.createdAt,
        lastSeenAt: session.lastSeenAt,
        current,
      }))}
      notice={notice}
    />,
  );
}

/**
 * Ends the session `handle` of account `userId`, if it is one of its live
 * sessions; null (a 404 for the caller) otherwise. Ending the viewer's own
 * current session is signing out.
 */
export async function endOneSession(
  c: Context<AppEnv>,
  userId: number,
  handle: string,
): Promise<"ended" | "signed-out" | null> {
  if (!HANDLE.test(handle)) return null;
  const found = (await liveSessions(c, userId)).find((s) => s.handle === handle);
  if (!found) return null;
  await audit(c.var.db, {
    userId: c.var.user!.id,
    action: "session.end",
    target: `user:${userId}`,
    detail: found.session.device,
  });
  if (found.current) {
    await endSession(c);
    return "signed-out";
  }
  await deleteSession(c.var.db, found.session.id);
  return "ended";
}

export const ENDED_NOTICE = "Đã kết thúc phiên. Thiết bị đó phải đăng nhập lại.";
export const ENDED_OTHERS_NOTICE = "Đã đăng xuất khỏi mọi thiết bị khác.";

sessionRoutes.get("/", (c) =>
  sessionsPage(
    c,
    null,
    c.req.query("da-ket-thuc") !== undefined
      ? ENDED_NOTICE
      : c.req.query("da-ket-thuc-khac") !== undefined
        ? ENDED_OTHERS_NOTICE
        : undefined,
  ),
);

sessionRoutes.post("/ket-thuc-tat-ca", async (c) => {
  const user = c.var.user!;
  await deleteUserSessions(c.var.db, user.id, c.var.session!.id);
  await audit(c.var.db, { userId: user.id, action: "session.end.others", target: `user:${user.id}` });
  return c.redirect("/admin/phien?da-ket-thuc-khac", 303);
});

sessionRoutes.post("/:handle/ket-thuc", async (c) => {
  const result = await endOneSession(c, c.var.user!.id, c.req.param("handle"));
  if (!result) return notFoundAdmin(c, "Không tìm thấy phiên đăng nhập này (có thể đã kết thúc).");
  if (result === "signed-out") return c.redirect("/admin/dang-nhap?da-dang-xuat", 303);
  return c.redirect("/admin/phien?da-ket-thuc", 303);
});
