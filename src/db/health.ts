// Whether D1 answers at all. Asked only on the error path, to tell an outage
// (503, "try again") from a bug (500).
import { withTimeout } from "../platform/timeout";

/** True if D1 answers a trivial query within `timeoutMs`. */
export async function databaseReachable(d1: D1Database, timeoutMs = 1000): Promise<boolean> {
  try {
    await withTimeout(d1.prepare("select 1 as ok").first("ok"), timeoutMs);
    return true;
  } catch {
    return false;
  }
}
