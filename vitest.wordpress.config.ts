import { defineConfig } from "vitest/config";

// The real WordPress (Debian's packages, scripts/wordpress/site.ts) the
// importer is tested against: `npm run test:wordpress`. Separate from
// test:ops because it installs Debian packages when they are missing and
// starts MariaDB and PHP; CI runs it from .ci/run. Timeouts catch a hang:
// a cold start (apt install included) takes about a minute.
export default defineConfig({
  test: {
    include: ["test/wordpress/**/*.test.ts"],
    environment: "node",
    testTimeout: 120_000,
    hookTimeout: 600_000,
    fileParallelism: false,
  },
});
