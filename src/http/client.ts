import { sha256Hex } from "../platform/crypto";

/**
 * A keyed hash of the client's IP (Cloudflare's CF-Connecting-IP; other
 * forwarding headers can be forged). The address itself is never stored.
 */
export async function clientHash(req: Request, env: { IP_HASH_SECRET?: string }): Promise<string> {
  const ip = req.headers.get("cf-connecting-ip") ?? "local";
  return (await sha256Hex(`${env.IP_HASH_SECRET ?? "local-dev"}|${ip}`)).slice(0, 32);
}
