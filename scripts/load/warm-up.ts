// Requests every distinct URL of the read mix once before the clock starts,
// so the run measures a site whose pages and photo variants are already at
// the edge, as they are for a paper that has been online for a while. Locally
// the Images binding encodes AVIF in the dev process, a second or more per
// variant, and a cold start would mostly measure that.
import { everyRead } from "./read-mix";
import type { LoadTargets } from "./targets";

export async function warmUp(
  baseUrl: string,
  targets: LoadTargets,
  parallel = 4,
): Promise<{ requests: number; seconds: number; failed: string[] }> {
  const queue = everyRead(targets);
  const total = queue.length;
  const failed: string[] = [];
  const started = Date.now();
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        try {
          const res = await fetch(baseUrl + next.path, { headers: next.headers, signal: AbortSignal.timeout(60_000) });
          await res.arrayBuffer();
          if (res.status >= 400) failed.push(`${next.path} ${res.status}`);
        } catch (err) {
          failed.push(`${next.path} ${String(err)}`);
        }
      }
    }),
  );
  return { requests: total, seconds: (Date.now() - started) / 1000, failed };
}
