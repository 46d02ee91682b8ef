import { defineConfig } from "vitest/config";

// Node-side tests: the wall check over the import graph (test/walls/), and
// operations tests: Node runs the backup and restore scripts and `wrangler dev`
// (port 8792) against throwaway local states. See test/ops/. The timeouts
// catch a hang, not slowness: a round trip is a few wrangler runs and three
// `wrangler dev` starts, minutes on a busy machine.
export default defineConfig({
  test: {
    include: ["test/ops/**/*.test.ts", "test/walls/**/*.test.ts"],
    environment: "node",
    testTimeout: 300_000,
    hookTimeout: 400_000,
    fileParallelism: false,
  },
});
