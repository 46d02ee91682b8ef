import { SELF } from "cloudflare:test";
import { parse, type HTMLElement } from "node-html-parser";

/** A request to the real Worker, as a browser would send it (redirects not followed). */
export function get(path: string, init: RequestInit = {}): Promise<Response> {
  return SELF.fetch(`http://localhost${path}`, { redirect: "manual", ...init });
}

export async function getPage(path: string): Promise<{ res: Response; doc: HTMLElement; html: string }> {
  const res = await get(path);
  const html = await res.text();
  return { res, doc: parse(html), html };
}

export const text = (el: HTMLElement | null | undefined) => el?.textContent.replace(/\s+/g, " ").trim() ?? "";
