// The benches measure uncached renders as an editor sees them: with a session
// cookie the local Worker accepts. Only a cookie signed with the Worker's
// FORM_SECRET bypasses the page cache (docs/caching.md, "Never cached"), so
// it is signed here with the secret `wrangler dev` reads from .dev.vars (or
// the Worker's local fallback when there is none). No session row is needed:
// reader pages never look the session up.
import { existsSync, readFileSync } from "node:fs";
import { EDITOR_SESSION_COOKIE, signSessionToken } from "../../src/edge/policy";
import { randomToken } from "../../src/platform/crypto";

/** A `Cookie` header value that makes the local Worker render reader pages afresh (X-Cache: BYPASS). */
export async function benchEditorCookie(): Promise<string> {
  const vars = existsSync(".dev.vars") ? readFileSync(".dev.vars", "utf8") : "";
  const secret = /^\s*FORM_SECRET\s*=\s*"?([^"\n]*)"?\s*$/m.exec(vars)?.[1];
  const value = await signSessionToken({ FORM_SECRET: secret }, randomToken(), new Date(Date.now() + 86_400_000));
  return `${EDITOR_SESSION_COOKIE}=${value}`;
}
