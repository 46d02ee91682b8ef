import { type Context, Hono } from "hono";
import { audit, listAudit } from "../db/audit";
import { listAuthors } from "../db/newsroom-articles";
import { getAuthor } from "../db/people";
import {
  deleteUserSessions,
  getUserByEmail,
  getUserById,
  insertUser,
  listUsers,
  setUserAuthor,
  setUserPassword,
  setUserRole,
} from "../db/users";
import type { AppEnv } from "../env";
import { can } from "../model/permissions";
import { USER_ROLES, type UserRole } from "../model/statuses";
import { generateTemporaryPassword, hashPassword, passwordProblem } from "../platform/passwords";
import { PasswordResetPage } from "../views/admin/PasswordResetPage";
import { AuditPage, UsersPage } from "../views/admin/PeoplePages";
import { formStrings, parseId } from "./form";
import { adminPage, forbiddenPage, notFoundAdmin, requirePermission } from "./responses";
import { ENDED_NOTICE, endOneSession, sessionsPage } from "./session-routes";

export const peopleRoutes = new Hono<AppEnv>();

peopleRoutes.use(requirePermission("people.manage", "Chỉ quản trị viên được quản lý người dùng."));

async function usersPage(c: Context<AppEnv>, opts: { error?: string; notice?: string; status?: 200 | 400 | 409 } = {}) {
  const [users, authors] = await Promise.all([listUsers(c.var.db), listAuthors(c.var.db)]);
  return adminPage(
    c,
    <UsersPage
      user={c.var.user!}
      csrf={c.var.session!.csrfToken}
      users={users}
      authors={authors}
      error={opts.error}
      notice={opts.notice}
    />,
    opts.status ?? 200,
  );
}

/** The author an account is to file under: null for none, undefined if no such author. */
async function chosenAuthor(c: Context<AppEnv>, raw: string | undefined): Promise<number | null | undefined> {
  if (!raw) return null;
  const id = parseId(raw);
  return id && (await getAuthor(c.var.db, id)) ? id : undefined;
}

const isRole = (r: string | undefined): r is UserRole => USER_ROLES.includes(r as UserRole);

peopleRoutes.get("/", (c) => usersPage(c, { notice: c.req.query("da-luu") !== undefined ? "Đã lưu." : undefined }));

peopleRoutes.post("/", async (c) => {
  const form = await formStrings(c);
  const email = (form.email ?? "").trim().toLowerCase();
  const name = (form.name ?? "").trim();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 200)
    return usersPage(c, { error: "Email không hợp lệ.", status: 400 });
  if (!name || name.length > 100) return usersPage(c, { error: "Cần nhập họ tên (tối đa 100 ký tự).", status: 400 });
  if (!isRole(form.role)) return usersPage(c, { error: "Vai trò không hợp lệ.", status: 400 });
  const authorId = await chosenAuthor(c, form.authorId);
  if (authorId === undefined) return usersPage(c, { error: "Tác giả không tồn tại.", status: 400 });
  const problem = passwordProblem(form.password ?? "", { email, name });
  if (problem) return usersPage(c, { error: problem, status: 400 });
  if (await getUserByEmail(c.var.db, email)) return usersPage(c, { error: "Email này đã có tài khoản.", status: 409 });
  const id = await insertUser(c.var.db, {
    email,
    name,
    role: form.role,
    authorId,
    password: await hashPassword(form.password!),
    // The admin chose it: the person chooses their own at the first sign-in.
    mustChangePassword: true,
  });
  await audit(c.var.db, { userId: c.var.user!.id, action: "user.create", target: `user:${id}`, detail: form.role });
  return c.redirect("/admin/nguoi-dung?da-luu", 303);
});

peopleRoutes.post("/:id{[0-9]+}", async (c) => {
  const target = await getUserById(c.var.db, parseId(c.req.param("id")) ?? 0);
  if (!target) return notFoundAdmin(c, "Không tìm thấy người dùng.");
  const form = await formStrings(c);
  if (!isRole(form.role)) return usersPage(c, { error: "Vai trò không hợp lệ.", status: 400 });
  const disabled = form.disabled === "1";
  if (target.id === c.var.user!.id && (form.role !== "admin" || disabled)) {
    return usersPage(c, { error: "Bạn không thể tự hạ quyền hoặc khóa tài khoản của chính mình.", status: 400 });
  }
  // Forms without the field (older pages, scripts) leave the byline as it is.
  const authorId = form.authorId === undefined ? target.authorId : await chosenAuthor(c, form.authorId);
  if (authorId === undefined) return usersPage(c, { error: "Tác giả không tồn tại.", status: 400 });
  await setUserRole(c.var.db, target.id, form.role, disabled);
  if (authorId !== target.authorId) {
    await setUserAuthor(c.var.db, target.id, authorId);
    await audit(c.var.db, {
      userId: c.var.user!.id,
      action: "user.author",
      target: `user:${target.id}`,
      detail: authorId ? `author:${authorId}` : "không",
    });
  }
  if (disabled) await deleteUserSessions(c.var.db, target.id);
  await audit(c.var.db, {
    userId: c.var.user!.id,
    action: "user.role",
    target: `user:${target.id}`,
    detail: `${target.role} -> ${form.role}${disabled ? ", khóa" : ""}`,
  });
  return c.redirect("/admin/nguoi-dung?da-luu", 303);
});

const userFromPath = (c: Context<AppEnv>) => getUserById(c.var.db, parseId(c.req.param("id")) ?? 0);

// A temporary password, generated here and shown once: only its hash is kept,
// the account must replace it at sign-in, and every device it was on signs out.
peopleRoutes.post("/:id{[0-9]+}/dat-lai-mat-khau", async (c) => {
  const target = await userFromPath(c);
  if (!target) return notFoundAdmin(c, "Không tìm thấy người dùng.");
  const admin = c.var.user!;
  if (target.id === admin.id) {
    return usersPage(c, { error: "Muốn đổi mật khẩu của chính mình, hãy dùng trang Mật khẩu.", status: 400 });
  }
  const temporaryPassword = generateTemporaryPassword();
  await setUserPassword(c.var.db, target.id, await hashPassword(temporaryPassword), true);
  await deleteUserSessions(c.var.db, target.id);
  await audit(c.var.db, { userId: admin.id, action: "user.password.reset", target: `user:${target.id}` });
  return adminPage(
    c,
    <PasswordResetPage
      user={admin}
      csrf={c.var.session!.csrfToken}
      target={target}
      temporaryPassword={temporaryPassword}
    />,
  );
});

// Another account's sessions; an admin's own are at /admin/phien.
peopleRoutes.get("/:id{[0-9]+}/phien", async (c) => {
  const target = await userFromPath(c);
  if (!target) return notFoundAdmin(c, "Không tìm thấy người dùng.");
  if (target.id === c.var.user!.id) return c.redirect("/admin/phien", 303);
  return sessionsPage(c, target, c.req.query("da-ket-thuc") !== undefined ? ENDED_NOTICE : undefined);
});

peopleRoutes.post("/:id{[0-9]+}/phien/ket-thuc-tat-ca", async (c) => {
  const target = await userFromPath(c);
  if (!target) return notFoundAdmin(c, "Không tìm thấy người dùng.");
  // The admin's own current session stays: their own page's button does the same.
  await deleteUserSessions(c.var.db, target.id, target.id === c.var.user!.id ? c.var.session!.id : undefined);
  await audit(c.var.db, { userId: c.var.user!.id, action: "session.end.others", target: `user:${target.id}` });
  return c.redirect(`/admin/nguoi-dung/${target.id}/phien?da-ket-thuc`, 303);
});

peopleRoutes.post("/:id{[0-9]+}/phien/:handle/ket-thuc", async (c) => {
  const target = await userFromPath(c);
  if (!target) return notFoundAdmin(c, "Không tìm thấy người dùng.");
  const result = await endOneSession(c, target.id, c.req.param("handle"));
  if (!result) return notFoundAdmin(c, "Không tìm thấy phiên đăng nhập này (có thể đã kết thúc).");
  if (result === "signed-out") return c.redirect("/admin/dang-nhap?da-dang-xuat", 303);
  return c.redirect(`/admin/nguoi-dung/${target.id}/phien?da-ket-thuc`, 303);
});

export const auditRoutes = new Hono<AppEnv>();

auditRoutes.get("/", async (c) => {
  if (!can(c.var.user!, "audit.view")) return forbiddenPage(c, "Chỉ quản trị viên được xem nhật ký.");
  const [entries, users] = await Promise.all([listAudit(c.var.db, 200, 0), listUsers(c.var.db)]);
  return adminPage(
    c,
    <AuditPage
      user={c.var.user!}
      csrf={c.var.session!.csrfToken}
      entries={entries}
      names={new Map(users.map((u) => [u.id, u.name]))}
    />,
  );
});
