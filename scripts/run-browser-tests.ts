// `npm run test:browser` (also the second half of `npm test`): the browser
// suite needs Debian's Chromium. CI installs it and must run the suite; on a
// machine without it the suite is skipped with a note, so `npm test` still
// works on a fresh clone.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { CHROMIUM } from "../test/browser/chromium";

if (!existsSync(CHROMIUM)) {
  const message = `Browser tests need Chromium at ${CHROMIUM} (sudo apt-get install -y chromium, or set CHROMIUM_PATH).`;
  if (process.env.CI) {
    console.error(message);
    process.exit(1);
  }
  console.warn(`Skipped: ${message}`);
  process.exit(0);
}
const run = spawnSync("vitest", ["run", "--config", "vitest.browser.config.ts", ...process.argv.slice(2)], {
  stdio: "inherit",
});
process.exit(run.status ?? 1);
