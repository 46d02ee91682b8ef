// What a reader's POST says about where it came from, and which network its
// comment token is bound to (src/community/cross-site.ts, form-token.ts).
import type { Context } from "hono";
import { isCrossSite, isSameOrigin, type PostSource } from "../community/cross-site";
import { networkOf } from "../community/form-token";
import type { AppEnv } from "../env";

const sourceOf = (c: Context<AppEnv>): PostSource => ({
  origin: c.req.header("origin"),
  fetchSite: c.req.header("sec-fetch-site"),
});

/** The browser says another site posted this form. */
export const postedCrossSite = (c: Context<AppEnv>): boolean => isCrossSite(sourceOf(c), new URL(c.req.url).origin);

/** The browser vouches that the paper's own page posted this form. */
export const postedSameOrigin = (c: Context<AppEnv>): boolean => isSameOrigin(sourceOf(c), new URL(c.req.url).origin);

/** The network a comment token is handed to (Cloudflare's CF-Connecting-IP; other forwarding headers can be forged). */
export const formNetwork = (c: Context<AppEnv>): string => networkOf(c.req.header("cf-connecting-ip"));
