// `npm run seed`: loads the demo paper into the local database if it is empty.
// Photos are drawn by scripts/demo/photos.ts, no third-party images.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { openDatabase } from "../src/db/client";
import { countUsers, insertUser } from "../src/db/users";
import { hashPassword } from "../src/newsroom/passwords";
import { reindexAllArticles } from "../src/search/reindex";
import { isDatabaseEmpty } from "./demo/seed-content";
import { seedDemoPaper } from "./demo/seed-node";
import { withLocalPlatform } from "./local-platform";
import { applyLocalMigrations } from "./migrate-local";

// Local only: the demo admin's login is kept here (git-ignored) and printed by npm start.
const DEMO_LOGIN_FILE = ".wrangler/demo-admin.txt";
const DEMO_ADMIN_EMAIL = "admin@dongbang.local";

/** A demo admin for an empty local database, with a random password; never for production. */
async function ensureDemoAdmin(d1: D1Database): Promise<void> {
  const db = openDatabase(d1);
  if ((await countUsers(db)) === 0) {
    const password = [...crypto.getRandomValues(new Uint8Array(9))]
      .map((b) => b.toString(36).padStart(2, "0"))
      .join("")
      .slice(0, 14);
    await insertUser(db, {
      email: DEMO_ADMIN_EMAIL,
      name: "Quản trị demo",
      role: "admin",
      password: await hashPassword(password),
    });
    await mkdir(".wrangler", { recursive: true });
    await writeFile(DEMO_LOGIN_FILE, `${DEMO_ADMIN_EMAIL}\n${password}\n`);
  }
}

export async function printDemoLogin(): Promise<void> {
  const saved = await readFile(DEMO_LOGIN_FILE, "utf8").catch(() => null);
  if (!saved) return;
  const [email, password] = saved.split("\n");
  console.log(`  Tòa soạn: /admin — đăng nhập ${email} / ${password} (tài khoản demo cục bộ)`);
}

export async function seedIfEmpty(): Promise<void> {
  await withLocalPlatform(async (env) => {
    await ensureDemoAdmin(env.DB);
    if (!(await isDatabaseEmpty(env.DB))) {
      console.log("• Cơ sở dữ liệu đã có nội dung, không nạp dữ liệu mẫu.");
      // A database from before the search index existed: build it once.
      const indexed = await env.DB.prepare("select count(*) as n from search_index").first<number>("n");
      if (!indexed)
        console.log(`• Đã lập chỉ mục tìm kiếm cho ${await reindexAllArticles(openDatabase(env.DB))} bài viết.`);
      return;
    }
    const started = Date.now();
    const result = await seedDemoPaper(env);
    console.log(`• Đã nạp ${result.articles} bài viết mẫu và ${result.photos} ảnh (${Date.now() - started} ms).`);
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  applyLocalMigrations();
  await seedIfEmpty();
}
