import type { Database } from "./db/client";
import type { Session, User } from "./model/records";

// The bindings and vars of wrangler.toml are typed by `wrangler types` into
// src/worker-configuration.d.ts (`npm run types` after editing wrangler.toml;
// CI fails when it is stale), together with the runtime's own types. What
// wrangler.toml does not list is declared here, on the same global
// Cloudflare.Env, so `env` from `cloudflare:workers` or `cloudflare:test` has
// it too. Each is optional: the code has a fallback for every one.
declare global {
  namespace Cloudflare {
    interface Env {
      /** Secret salt for hashing client IPs (throttling, comments); set with `wrangler secret put`. */
      IP_HASH_SECRET?: string;
      /** Secret for signing readers' form timestamps and vote cookies. */
      FORM_SECRET?: string;
      /** Cloudflare Turnstile: both set = comments must pass the challenge; unset = skipped. */
      TURNSTILE_SITE_KEY?: string;
      TURNSTILE_SECRET?: string;
      /** Operators' secret for /healthz's details (`Authorization: Bearer …`); unset = status only, for everyone. */
      HEALTHZ_SECRET?: string;
      /** One view in this many is recorded (with this weight); default 10. */
      VIEW_SAMPLE_RATE?: string;
    }
  }
}

/** Bindings, vars and secrets of the Worker (see wrangler.toml and docs/operations.md, "Configuration"). */
export type Env = Cloudflare.Env;

export interface AppEnv {
  Bindings: Env;
  Variables: {
    db: Database;
    /** Set for the light edition (/lite/...): no inline photos. */
    lite: boolean;
    /** The logged-in newsroom user (admin routes only). */
    user: User | null;
    session: Session | null;
    /** First path segments the app's own routes use (src/site/reserved-paths.ts): not free for a static page. */
    reservedPaths: ReadonlySet<string>;
  };
}
