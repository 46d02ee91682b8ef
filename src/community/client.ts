import { sha256Hex } from "../newsroom/tokens";

/** A keyed hash of the reader's IP (Cloudflare's CF-Connecting-IP); the address itself is never stored. */
export async function clientHash(req: Request, secret: string): Promise<string> {
  const ip = req.headers.get("cf-connecting-ip") ?? "local";
  return (await sha256Hex(`${secret}|${ip}`)).slice(0, 32);
}
