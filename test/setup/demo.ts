import { env } from "cloudflare:test";
import { isDatabaseEmpty, seedDemoContent } from "../../scripts/demo/seed-content";
import { TEST_PHOTO, testPhotoBytes } from "../fixtures/photo";

/** Loads the demo paper (with a small test photo for every picture) once per database. */
export async function loadDemo(): Promise<void> {
  if (!(await isDatabaseEmpty(env.DB))) return;
  await seedDemoContent(env.DB, env.MEDIA, async () => ({
    data: testPhotoBytes(),
    width: TEST_PHOTO.width,
    height: TEST_PHOTO.height,
    mime: TEST_PHOTO.mime,
  }));
}
