// The Worker entry: wires the runtime to the app. Kept thin on purpose.
import { createApp } from "../src/app";
import type { Env } from "../src/env";

const app = createApp();

export default {
  fetch: app.fetch,
  async scheduled(_controller, _env, _ctx) {
    // Jobs (weather refresh, scheduled publishing) arrive with their issues.
  },
} satisfies ExportedHandler<Env>;
