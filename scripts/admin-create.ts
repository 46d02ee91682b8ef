// `npm run admin:create -- --email ban@bao.vn --name "Nguyễn Văn A" [--remote] [--env production] [--must-change]`
// Creates an admin account. The password is generated and printed once (or
// taken from ADMIN_PASSWORD); no default password exists anywhere. The person
// running it is normally the one who signs in, so the password is not
// temporary unless --must-change says so (an account made for someone else:
// they must choose their own at the first sign-in).
import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";
import { hashPassword, passwordProblem } from "../src/platform/passwords";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    name: { type: "string", default: "Quản trị viên" },
    role: { type: "string", default: "admin" },
    remote: { type: "boolean", default: false },
    env: { type: "string" },
    "must-change": { type: "boolean", default: false },
  },
});

const email = values.email?.trim().toLowerCase() ?? "";
if (!/^[^\s@'"]+@[^\s@'"]+\.[^\s@'"]+$/.test(email)) {
  console.error("Cần --email hợp lệ, ví dụ: npm run admin:create -- --email ban@bao.vn --remote");
  process.exit(1);
}
if (!["admin", "editor", "reporter"].includes(values.role!)) {
  console.error("--role phải là admin, editor hoặc reporter");
  process.exit(1);
}
const password = process.env.ADMIN_PASSWORD ?? generatePassword();
const problem = passwordProblem(password, { email, name: values.name });
if (problem) {
  console.error(problem);
  process.exit(1);
}

function generatePassword(): string {
  const alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  return [...crypto.getRandomValues(new Uint8Array(20))].map((b) => alphabet[b % alphabet.length]).join("");
}

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
const hash = await hashPassword(password);
const sql = `INSERT INTO users (email, name, role, password_hash, password_salt, password_iterations, must_change_password) VALUES (${q(email)}, ${q(values.name!.normalize("NFC"))}, ${q(values.role!)}, ${q(hash.hash)}, ${q(hash.salt)}, ${hash.iterations}, ${values["must-change"] ? 1 : 0});`;
const args = [
  "d1",
  "execute",
  "DB",
  values.remote ? "--remote" : "--local",
  "--command",
  sql,
  ...(values.env ? ["--env", values.env] : []),
];
const run = spawnSync("wrangler", args, {
  stdio: ["inherit", "pipe", "inherit"],
  env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
});
if (run.status !== 0) {
  console.error(run.stdout?.toString());
  console.error("Không tạo được tài khoản (email đã tồn tại, hoặc chưa áp dụng migration?).");
  process.exit(run.status ?? 1);
}
console.log(`Đã tạo tài khoản ${values.role} ${email} (${values.remote ? "D1 trên Cloudflare" : "D1 cục bộ"}).`);
if (!process.env.ADMIN_PASSWORD) console.log(`Mật khẩu (chỉ hiện một lần, hãy đổi sau khi đăng nhập): ${password}`);
