// A throwaway local state (D1, R2, Cache) for scripts that must not touch
// .wrangler/state: migrated, used with `--persist-to`, deleted afterwards.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { applyLocalMigrations } from "./migrate-local";

export async function createTempState(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `${prefix}-`));
  applyLocalMigrations(dir);
  return dir;
}

export const removeTempState = (dir: string) => rm(dir, { recursive: true, force: true });
