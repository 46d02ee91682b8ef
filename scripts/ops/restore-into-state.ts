// Restores a checked backup into a local state: builds the database in a
// staging state inside the target, swaps it in only when every step
// succeeded, then compares the target's R2 with the backup's photo list.
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Manifest } from "./manifest";
import { missingMedia } from "./media-check";
import { step } from "./restore-step";
import { buildRestoredDatabase } from "./staged-restore";
import { swapInD1 } from "./state-swap";

export async function restoreIntoState(
  state: string,
  manifest: Manifest,
  dataPath: string,
  newer: string[],
): Promise<void> {
  const target = resolve(state);
  await mkdir(target, { recursive: true });
  // Inside the target, so the final swap is a rename on one file system.
  const staging = await mkdtemp(join(target, ".restore-"));
  try {
    await buildRestoredDatabase(staging, manifest, dataPath, newer);
    await step("Thay D1 đích bằng D1 đã khôi phục", () => swapInD1(staging, target));
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  console.log(
    `Đã khôi phục D1 trong ${target}: ${manifest.tables.articles ?? 0} bài viết, chỉ mục tìm kiếm đã lập lại.`,
  );

  const missing = await missingMedia(target, manifest);
  if (missing.length) {
    console.warn(
      `Chú ý: ${missing.length}/${manifest.media.count} ảnh trong bản sao lưu không có trong R2 của ${target} (bản sao lưu chỉ giữ danh sách ảnh, không giữ tệp):`,
    );
    for (const key of missing) console.warn(`  ${key}`);
  } else {
    console.log(`Đủ ${manifest.media.count} ảnh trong R2.`);
  }
}
