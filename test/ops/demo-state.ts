// A throwaway local state with the demo paper, as scripts/local-site.ts makes
// for the browser tests, plus a copy of its freshly migrated, empty D1 so a
// test can wipe the database back to "no content" without re-migrating.
import { cp, rm } from "node:fs/promises";
import { join } from "node:path";
import { isPhotoMotif, renderDemoPhoto } from "../../scripts/demo/photos";
import { seedDemoContent } from "../../scripts/demo/seed-content";
import { withLocalPlatform } from "../../scripts/local-platform";
import { createTempState, removeTempState } from "../../scripts/temp-state";

export interface DemoState {
  dir: string;
  /** Replaces the state's D1 with an empty, migrated one (R2 and the rest untouched). */
  wipeDatabase(): Promise<void>;
  remove(): Promise<void>;
}

export async function createDemoState(): Promise<DemoState> {
  const dir = await createTempState("edge-news-ops");
  const d1 = join(dir, "v3", "d1");
  const emptyD1 = join(dir, "empty-d1");
  try {
    await cp(d1, emptyD1, { recursive: true });
    await withLocalPlatform(async (env) => {
      // Small photos: drawing them is on every run's clock, and only their keys matter here.
      await seedDemoContent(env.DB, env.MEDIA, (motif, seed) => {
        if (!isPhotoMotif(motif)) throw new Error(`demo photo motif not drawn: ${motif}`);
        return renderDemoPhoto(motif, seed, 480, 270);
      });
    }, dir);
  } catch (error) {
    await removeTempState(dir);
    throw error;
  }
  return {
    dir,
    async wipeDatabase() {
      await rm(d1, { recursive: true, force: true });
      await cp(emptyD1, d1, { recursive: true });
    },
    remove: () => removeTempState(dir),
  };
}

export async function countArticles(dir: string): Promise<number | null> {
  return withLocalPlatform((env) => env.DB.prepare("select count(*) as n from articles").first<number>("n"), dir);
}
