// The Worker entry: wires the runtime to the app. Kept thin on purpose.
import { createFetch } from "../src/app";
import type { Env } from "../src/env";
import { runScheduled } from "../src/jobs/index";

export default {
  fetch: createFetch(),
  async scheduled(controller, env, ctx) {
    ctx.waitUntil(runScheduled(controller.cron, env, controller.scheduledTime, ctx));
  },
} satisfies ExportedHandler<Env>;
