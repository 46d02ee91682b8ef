// Issue 21, item 5: `npm run admin:create` refuses a chosen password
// (ADMIN_PASSWORD) that is common or holds the account's e-mail or name,
// before it touches any database.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runScript } from "./run-script";

let dir = "";
beforeAll(async () => {
  // No wrangler.toml here: had the script gone on to wrangler, it would have failed with another message.
  dir = await mkdtemp(join(tmpdir(), "admin-create-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const create = (password: string, name = "Phạm Quốc Huy") =>
  runScript("scripts/admin-create.ts", ["--email", "huy.pham@baodongbang.vn", "--name", name], {
    cwd: dir,
    env: { ADMIN_PASSWORD: password },
  });

describe("admin:create with a chosen password", () => {
  it("refuses a common one with the reason", async () => {
    const run = await create("anhyeuem@2024");
    expect(run.code).toBe(1);
    expect(run.output).toContain("danh sách mật khẩu phổ biến");
    expect(run.output).not.toContain("Đã tạo tài khoản");
  });

  it("refuses one holding the e-mail or the name", async () => {
    for (const [password, part] of [
      ["huy.pham-2024!", "huy.pham"],
      ["QuocHuy-sinh-1990", "quoc"],
    ]) {
      const run = await create(password!);
      expect(run.code, password).toBe(1);
      expect(run.output, password).toContain(`không được chứa email hoặc tên của bạn (“${part}”)`);
    }
  });
});
