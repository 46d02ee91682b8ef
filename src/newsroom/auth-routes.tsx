import { Hono } from "hono";
import { audit } from "../db/audit";
import { deleteUserSessions, getUserByEmail, rehashUserPassword, setUserPassword } from "../db/users";
import type { AppEnv } from "../env";
import { hashPassword, needsRehash, passwordProblem, verifyPassword } from "../platform/passwords";
import { LoginPage } from "../views/admin/LoginPage";
import { PasswordPage } from "../views/admin/PasswordPage";
import { formFromStash, STASH_FIELD } from "./article-recovery";
import { formStrings } from "./form";
import { adminPage } from "./responses";
import { endSession, startSession } from "./session";
import { noteSuccess, takeLoginTry, throttledMessage, throttleKeys, waitBeforeLogin } from "./throttle";

export const authRoutes = new Hono<AppEnv>();

// Verified against when the email is unknown, so a wrong email costs the same time as a wrong password.
const DUMMY = {
  hash: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
  salt: "AAAAAAAAAAAAAAAAAAAAAA==",
  iterations: 100_000,
};

/**
 * Only newsroom paths are followed after login, never another site: a path
 * under /admin in plain URL characters (no "//", backslash, control character
 * or space, so nothing can end the Location header or leave the origin).
 */
const safeNext = (next: string | undefined) =>
  next &&
  /^\/admin(\/[A-Za-z0-9\-._~%!$&'()*+,;=:@?][A-Za-z0-9\-._~%!$&'()*+,;=:@/?]*)?$/.test(next) &&
  !next.includes("//")
    ? next
    : "/admin/bai-viet";

authRoutes.get("/dang-nhap", (c) => {
  if (c.var.user) return c.redirect("/admin/bai-viet", 303);
  const notice = c.req.query("da-dang-xuat") !== undefined ? "Bạn đã đăng xuất." : undefined;
  return adminPage(c, <LoginPage next={c.req.query("tiep")} notice={notice} />);
});

authRoutes.post("/dang-nhap", async (c) => {
  const form = await formStrings(c);
  const email = (form.email ?? "").trim().toLowerCase().slice(0, 200);
  const password = (form.password ?? "").slice(0, 200);
  const next = form.tiep;
  // The key of an article form kept while the session had ended: carried through failed attempts.
  const keep = /^[0-9a-f]{64}$/.test(form[STASH_FIELD] ?? "") ? form[STASH_FIELD] : undefined;
  const keys = await throttleKeys(email, c.req.raw, c.env);
  const db = c.var.db;
  if (!email || !password) {
    return adminPage(
      c,
      <LoginPage email={email} next={next} keep={keep} error="Vui lòng nhập email và mật khẩu." />,
      400,
    );
  }
  // The try is counted before the password is checked; a paused client is told how long it waits.
  const wait = await takeLoginTry(db, keys);
  if (wait > 0) {
    c.header("retry-after", String(Math.ceil(wait / 1000)));
    return adminPage(c, <LoginPage email={email} next={next} keep={keep} error={throttledMessage(wait)} />, 429);
  }
  const user = await getUserByEmail(db, email);
  const stored = user
    ? { hash: user.passwordHash, salt: user.passwordSalt, iterations: user.passwordIterations }
    : DUMMY;
  const valid = (await verifyPassword(password, stored)) && !!user && !user.disabled;
  if (!valid || !user) {
    const pause = await waitBeforeLogin(db, keys);
    await audit(db, { userId: user?.id ?? null, action: "login.failed", detail: user ? "" : "email không tồn tại" });
    // The try that starts a pause says so at once, so nobody types into a form that will refuse them.
    const error = `Email hoặc mật khẩu không đúng.${pause > 0 ? ` ${throttledMessage(pause)}` : ""}`;
    return adminPage(c, <LoginPage email={email} next={next} keep={keep} error={error} />, 400);
  }
  await noteSuccess(db, keys);
  if (needsRehash(stored)) await rehashUserPassword(db, user.id, await hashPassword(password));
  const session = await startSession(c, user);
  await audit(db, { userId: user.id, action: "login" });
  // An account with a temporary password replaces it first; its kept form waits out its time.
  if (keep && !user.mustChangePassword) {
    const form = await formFromStash(c, keep, user, session);
    if (form) return form;
  }
  return c.redirect(safeNext(next), 303);
});

authRoutes.post("/dang-xuat", async (c) => {
  if (c.var.user) await audit(c.var.db, { userId: c.var.user.id, action: "logout" });
  await endSession(c);
  return c.redirect("/admin/dang-nhap?da-dang-xuat", 303);
});

authRoutes.post("/dang-xuat-tat-ca", async (c) => {
  await audit(c.var.db, { userId: c.var.user!.id, action: "logout.everywhere" });
  await endSession(c, true);
  return c.redirect("/admin/dang-nhap?da-dang-xuat", 303);
});

authRoutes.get("/mat-khau", (c) => {
  const user = c.var.user!;
  const next = user.mustChangePassword ? safeNext(c.req.query("tiep")) : undefined;
  return adminPage(c, <PasswordPage user={user} csrf={c.var.session!.csrfToken} next={next} />);
});

authRoutes.post("/mat-khau", async (c) => {
  const user = c.var.user!;
  const csrf = c.var.session!.csrfToken;
  const form = await formStrings(c);
  const next = user.mustChangePassword ? safeNext(form.tiep) : undefined;
  const refuse = (error: string) =>
    adminPage(c, <PasswordPage user={user} csrf={csrf} next={next} error={error} />, 400);
  const ok = await verifyPassword(form.current ?? "", {
    hash: user.passwordHash,
    salt: user.passwordSalt,
    iterations: user.passwordIterations,
  });
  if (!ok) return refuse(user.mustChangePassword ? "Mật khẩu tạm không đúng." : "Mật khẩu hiện tại không đúng.");
  const problem = passwordProblem(form.next ?? "", { email: user.email, name: user.name });
  if (problem) return refuse(problem);
  if (form.next === form.current) return refuse("Mật khẩu mới phải khác mật khẩu hiện tại.");
  if (form.next !== form.confirm) return refuse("Hai lần nhập mật khẩu mới không khớp.");
  // Saving the user's own password also clears the must-change mark of a temporary one.
  await setUserPassword(c.var.db, user.id, await hashPassword(form.next!));
  // Other devices must log in again with the new password.
  await deleteUserSessions(c.var.db, user.id, c.var.session!.id);
  await audit(c.var.db, { userId: user.id, action: "password.change" });
  if (next) return c.redirect(next, 303);
  return adminPage(
    c,
    <PasswordPage user={user} csrf={csrf} notice="Đã đổi mật khẩu. Các thiết bị khác đã bị đăng xuất." />,
  );
});
