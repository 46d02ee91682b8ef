// Puts a database built in a staging state into the target state in one
// rename, so the target holds either its old database or the whole restored
// one, never a half-imported one.
import { existsSync } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { join } from "node:path";

const d1Dir = (state: string) => join(state, "v3", "d1");

/** Moves staging's D1 into target; target's old D1 is moved into staging (deleted with it). */
export async function swapInD1(staging: string, target: string): Promise<void> {
  await mkdir(join(target, "v3"), { recursive: true });
  const previous = join(staging, "previous-d1");
  const hadOne = existsSync(d1Dir(target));
  if (hadOne) await rename(d1Dir(target), previous);
  try {
    await rename(d1Dir(staging), d1Dir(target));
  } catch (error) {
    if (hadOne) await rename(previous, d1Dir(target));
    throw error;
  }
  // Pages cached from the old database must not be served over the restored one.
  await rm(join(target, "v3", "cache"), { recursive: true, force: true });
}
