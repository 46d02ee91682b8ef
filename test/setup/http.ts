import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { type HTMLElement, parse } from "node-html-parser";
import worker from "../../worker/index";

/**
 * One complete HTTP exchange with the real Worker: the response is read to
 * the end and the request's background work (cache writes) has finished, as
 * it would have by a reader's next click. (Calls the Worker's fetch handler
 * directly: SELF.fetch slows down with every request a test file makes.)
 */
export async function get(
  path: string,
  init: RequestInit = {},
  envOverrides: Partial<typeof env> = {},
): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(`http://localhost${path}`, init), { ...env, ...envOverrides }, ctx);
  const body = res.status === 304 || res.status === 204 ? null : await res.arrayBuffer();
  await waitOnExecutionContext(ctx);
  return new Response(body, { status: res.status, headers: res.headers });
}

export async function getPage(path: string): Promise<{ res: Response; doc: HTMLElement; html: string }> {
  const res = await get(path);
  const html = await res.text();
  return { res, doc: parse(html), html };
}

export const text = (el: HTMLElement | null | undefined) => el?.textContent.replace(/\s+/g, " ").trim() ?? "";
