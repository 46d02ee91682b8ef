import type { Database } from "./db/client";
import type { Session, User } from "./model/records";

/** Bindings, vars and secrets of the Worker (see wrangler.toml and docs/operations.md, "Configuration"). */
export interface Env {
  DB: D1Database;
  MEDIA: R2Bucket;
  IMAGES: ImagesBinding;
  ASSETS: Fetcher;
  CF_VERSION_METADATA?: WorkerVersionMetadata;
  SITE_NAME: string;
  SITE_URL: string;
  SITE_TAGLINE?: string;
  /** The newsroom's public address (RSS <author> must be an email). */
  SITE_EMAIL?: string;
  /** Defaults of the paper's settings (src/site/settings.ts); admins override them in /admin/cai-dat. */
  SITE_SHORT_NAME?: string;
  SITE_BRAND_COLOR?: string;
  SITE_ADDRESS?: string;
  SITE_PHONE?: string;
  SITE_LICENCE_NUMBER?: string;
  SITE_LICENCE_ISSUER?: string;
  SITE_EDITOR_IN_CHIEF?: string;
  SITE_AGENCY?: string;
  /** How long an isolate may reuse a content version it read (ms); see docs/caching.md. */
  CACHE_VERSION_TTL_MS?: string;
  /** Secret salt for hashing client IPs (throttling, comments); set with `wrangler secret put`. */
  IP_HASH_SECRET?: string;
  /** Secret for signing readers' form timestamps and vote cookies. */
  FORM_SECRET?: string;
  /** Cloudflare Turnstile: both set = comments must pass the challenge; unset = skipped. */
  TURNSTILE_SITE_KEY?: string;
  TURNSTILE_SECRET?: string;
  /** JSON list of {slug, name, latitude, longitude}; default Bạc Liêu. */
  WEATHER_PLACES?: string;
  /** An Open-Meteo-compatible server; default https://api.open-meteo.com. */
  WEATHER_API_URL?: string;
  /** One view in this many is recorded (with this weight); default 10. */
  VIEW_SAMPLE_RATE?: string;
}

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
