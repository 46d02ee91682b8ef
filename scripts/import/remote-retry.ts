// The one retry rule of the importer's Cloudflare clients (remote-d1.ts,
// remote-r2.ts): a network failure, a 429 or a 5xx is tried again after a
// pause that doubles (or the server's Retry-After, up to a minute); any
// other answer goes back to the caller, which knows what its API's errors
// look like. After the last try the caller gets why it gave up.

export interface RetryPolicy {
  /** Tries per request; default 4. */
  tries?: number;
  /** First pause between tries, doubled each time; default 1000 ms. */
  pauseMs?: number;
}

export type Answer = { res: Response; text: string } | { gaveUp: string; tries: number };

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Sends what `send` builds (called again for each try, so a signed request
 * is signed anew) until the answer is not worth retrying. `reason` turns a
 * retried answer into the words of the final message.
 */
export async function sendWithRetries(
  send: () => Promise<Response>,
  policy: RetryPolicy,
  reason: (res: Response, text: string) => string,
): Promise<Answer> {
  const tries = policy.tries ?? 4;
  let pause = policy.pauseMs ?? 1000;
  let last = "";
  for (let attempt = 1; attempt <= tries; attempt++) {
    let res: Response;
    try {
      res = await send();
    } catch (error) {
      last = `không kết nối được (${(error as Error).message})`;
      await sleep(pause);
      pause *= 2;
      continue;
    }
    const text = await res.text();
    if (res.status !== 429 && res.status < 500) return { res, text };
    last = `HTTP ${res.status}${reason(res, text) ? ` (${reason(res, text)})` : ""}`;
    const retryAfter = Number(res.headers.get("retry-after"));
    await sleep(retryAfter > 0 ? Math.min(retryAfter * 1000, 60_000) : pause);
    pause *= 2;
  }
  return { gaveUp: last, tries };
}
