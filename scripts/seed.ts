// `npm run seed`: loads the demo paper into the local database if it is empty.
// Photos are drawn here (scripts/demo/photos.ts), no third-party images.
import { isDatabaseEmpty, seedDemoContent } from "./demo/seed-content";
import { isPhotoMotif, renderDemoPhoto } from "./demo/photos";
import { withLocalPlatform } from "./local-platform";
import { applyLocalMigrations } from "./migrate-local";

export async function seedIfEmpty(): Promise<void> {
  await withLocalPlatform(async (env) => {
    if (!(await isDatabaseEmpty(env.DB))) {
      console.log("• Cơ sở dữ liệu đã có nội dung, không nạp dữ liệu mẫu.");
      return;
    }
    const started = Date.now();
    const result = await seedDemoContent(env.DB, env.MEDIA, async (motif, seed) => {
      if (!isPhotoMotif(motif)) throw new Error(`demo photo motif not drawn: ${motif}`);
      return renderDemoPhoto(motif, seed);
    });
    console.log(`• Đã nạp ${result.articles} bài viết mẫu và ${result.photos} ảnh (${Date.now() - started} ms).`);
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  applyLocalMigrations();
  await seedIfEmpty();
}
