// Whether D1 answers at all. Asked only on the error path, to tell an outage
// (503, "try again") from a bug (500).

/** True if D1 answers a trivial query within `timeoutMs`. */
export async function databaseReachable(d1: D1Database, timeoutMs = 1000): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([d1.prepare("select 1 as ok").first("ok").then(() => true, () => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
