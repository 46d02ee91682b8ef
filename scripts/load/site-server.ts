// Serves the load test's snapshot through wrangler's own API rather than the
// `wrangler dev` command, for two settings the command does not offer: no
// file watching (nothing restarts the Worker mid-run) and no inspector. With
// the inspector on, every D1 query the Worker makes is reported to wrangler's
// Node process and written to its debug log, which cost more CPU than the
// Worker itself and would be measured as the site's.
import { unstable_startWorker } from "wrangler";
import type { DevServer } from "../dev-server";
import type { FrozenSite } from "../frozen-site";

export async function serveFrozenSite(site: FrozenSite, port: number, persistTo: string): Promise<DevServer> {
  const url = `http://localhost:${port}`;
  const worker = await unstable_startWorker({
    config: site.config,
    entrypoint: site.script,
    build: { bundle: false },
    bindings: { SITE_URL: { type: "plain_text", value: url } },
    dev: {
      server: { hostname: "localhost", port },
      inspector: false,
      watch: false,
      liveReload: false,
      remote: false,
      persist: persistTo,
      // The Worker's own errors still show; wrangler's offline warnings (no Request.cf) do not.
      logLevel: "error",
    },
  });
  await worker.ready;
  // `ready` can come before the port answers; the run must not start against nothing.
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}/`, { signal: AbortSignal.timeout(5000) })).ok) break;
    } catch {
      /* not listening yet */
    }
    if (i === 120) {
      await worker.dispose();
      throw new Error(`the site did not answer on ${url} within a minute`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return { url, stop: () => worker.dispose() };
}
