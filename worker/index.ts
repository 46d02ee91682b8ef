// The Worker entry: wires the runtime to the app. Kept thin on purpose.
import { createApp } from "../src/app";
import type { Env } from "../src/env";
import { runScheduled } from "../src/jobs/index";

const app = createApp();

export default {
  fetch: app.fetch,
  async scheduled(controller, env, ctx) {
    ctx.waitUntil(runScheduled(controller.cron, env, controller.scheduledTime, ctx));
  },
} satisfies ExportedHandler<Env>;
