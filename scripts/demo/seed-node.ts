// The demo paper for Node scripts (npm start/seed, load test): the shared
// seed with its photos drawn by sharp, which only Node has.
import type { Env } from "../../src/env";
import { isPhotoMotif, renderDemoPhoto } from "./photos";
import { seedDemoContent } from "./seed-content";

export function seedDemoPaper(env: Pick<Env, "DB" | "MEDIA">): Promise<{ articles: number; photos: number }> {
  return seedDemoContent(env.DB, env.MEDIA, async (motif, seed) => {
    if (!isPhotoMotif(motif)) throw new Error(`demo photo motif not drawn: ${motif}`);
    return renderDemoPhoto(motif, seed);
  });
}
