// Starts the site for browser tests: a fresh local state with the demo paper
// and a known newsroom editor, served by `wrangler dev` (scripts/local-site.ts).
import type { TestProject } from "vitest/node";
import { type LocalSite, startLocalSite, TEST_ADMIN, TEST_EDITOR } from "../../scripts/local-site";

// BROWSER_PORT lets a second checkout or a running `npm start` coexist.
export const BROWSER_PORT = Number(process.env.BROWSER_PORT ?? 8788);

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    editor: { email: string; password: string };
    admin: { email: string; password: string };
  }
}

let site: LocalSite | undefined;

export async function setup(project: TestProject): Promise<void> {
  // BROWSER_TEST_URL: a site already started with scripts/local-site.ts, so a
  // test being written can be rerun without reseeding for a minute each time.
  const reuse = process.env.BROWSER_TEST_URL;
  if (!reuse) site = await startLocalSite(BROWSER_PORT);
  project.provide("baseUrl", reuse ?? site!.baseUrl);
  project.provide("editor", TEST_EDITOR);
  project.provide("admin", TEST_ADMIN);
}

export async function teardown(): Promise<void> {
  await site?.stop();
}
