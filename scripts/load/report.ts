// Prints what the load test saw and decides whether it passed: no 5xx
// anywhere, no lost or doubled write, and no write refused (every writer is a
// legitimate reader, so a refusal means the test or the site is wrong).
import type { LoadOptions } from "./options";
import type { ReadResult } from "./read-mix";
import type { ServerErrors } from "./server-errors";
import type { WriteCheck } from "./verify";
import type { Outcome, WriteLog } from "./writers";

const fmt = (n: number) => Math.round(n).toLocaleString("en");
const statuses = (counts: Record<string, number>) =>
  Object.entries(counts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([s, n]) => `${s}: ${fmt(n)}`)
    .join(", ") || "none";
const isError = (status: string) => !/^[23]\d\d$/.test(status);
const only = (counts: Record<string, number>, keep: (status: string) => boolean) =>
  Object.fromEntries(Object.entries(counts).filter(([s]) => keep(s)));
const countBy = (keys: string[]) => {
  const counts: Record<string, number> = {};
  for (const k of keys) counts[k] = (counts[k] ?? 0) + 1;
  return counts;
};
const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0;
}

const originNote = (e: ServerErrors) =>
  e.byOrigin.site + e.byOrigin["local runtime"]
    ? ` (from the site: ${fmt(e.byOrigin.site)}, from the local runtime: ${fmt(e.byOrigin["local runtime"])})`
    : "";

function outcomes(writes: { outcome: Outcome }[]): string {
  const n = (o: Outcome) => fmt(writes.filter((w) => w.outcome === o).length);
  return `${n("accepted")} accepted, ${n("refused")} refused, ${n("failed")} failed (5xx), ${n("unknown")} unanswered`;
}

export interface WarmUp {
  requests: number;
  seconds: number;
  failed: string[];
}

export function report(
  options: LoadOptions,
  baseUrl: string,
  warm: WarmUp,
  reads: ReadResult,
  writes: WriteLog,
  check: WriteCheck,
): { ok: boolean; reasons: string[] } {
  const reads5xx = sum(only(reads.byStatus, (s) => s.startsWith("5")));
  const writes5xx = sum(only(writes.byStatus, (s) => s.startsWith("5")));
  const refused = [...writes.comments, ...writes.votes].filter((w) => w.outcome === "refused");
  const writeRequests = sum(writes.byStatus);

  console.log(
    `\nLoad test: ${options.durationS} s, ${options.connections} reading connections + ${options.writers} writers, ${baseUrl}`,
  );
  console.log(
    `Reads   ${fmt(reads.requests)} requests, ${fmt(reads.rps)} req/s, latency p50 ${fmt(reads.p50)} ms, p99 ${fmt(reads.p99)} ms`,
  );
  console.log(`  by status       ${statuses(reads.byStatus)}`);
  for (const [kind, counts] of Object.entries(reads.byKind)) console.log(`  ${kind.padEnd(16)}${statuses(counts)}`);
  console.log(`  not 2xx/3xx     ${statuses(only(reads.byStatus, isError))}`);
  console.log(`  5xx             ${fmt(reads5xx)}${originNote(reads.serverErrors)}`);
  for (const e of reads.serverErrors.samples) console.log(`    ${e}`);
  console.log(`  no answer       ${fmt(reads.connectionErrors)} connection errors, ${fmt(reads.timeouts)} timeouts`);
  console.log(
    `Writers ${fmt(writeRequests)} requests (page loads and form posts), ${fmt(writeRequests / options.durationS)} req/s, latency p50 ${fmt(percentile(writes.latencies, 50))} ms, p99 ${fmt(percentile(writes.latencies, 99))} ms`,
  );
  console.log(`  by status       ${statuses(writes.byStatus)}`);
  if (writes5xx) console.log(`  5xx             ${fmt(writes5xx)}${originNote(writes.serverErrors)}`);
  for (const e of writes.serverErrors.samples) console.log(`    ${e}`);
  console.log(`  comments        ${outcomes(writes.comments)}`);
  console.log(`  votes           ${outcomes(writes.votes)}`);
  if (refused.length) console.log(`  refused         ${statuses(countBy(refused.map((w) => String(w.status))))}`);
  if (writes.missingForms) console.log(`  article pages without the comment or poll form: ${fmt(writes.missingForms)}`);
  console.log(
    `Checked in D1: ${fmt(check.commentsChecked)} accepted comments, ${fmt(check.votesChecked)} accepted votes` +
      (check.problems.length
        ? `: ${check.problems.length} problems`
        : ": none lost, none stored twice, poll totals equal their voters"),
  );
  for (const p of check.problems.slice(0, 20)) console.log(`  ${p}`);
  if (check.storedWithoutAnswer)
    console.log(
      `  ${fmt(check.storedWithoutAnswer)} writes answered with a 5xx or not at all are stored anyway (the answer was lost, not the write)`,
    );

  const reasons: string[] = [];
  if (warm.failed.length) reasons.push(`${warm.failed.length} warm-up requests failed`);
  const site5xx = reads.serverErrors.byOrigin.site + writes.serverErrors.byOrigin.site;
  if (reads5xx + writes5xx)
    reasons.push(`${reads5xx + writes5xx} responses with 5xx (${site5xx} from the site itself)`);
  if (check.problems.length) reasons.push(`${check.problems.length} writes lost, doubled or stored wrongly`);
  if (refused.length) reasons.push(`${refused.length} legitimate writes refused`);
  if (writes.missingForms) reasons.push(`${writes.missingForms} article pages without their forms`);
  if (!check.commentsChecked || !check.votesChecked) reasons.push("no accepted comment or vote to check");
  console.log(reasons.length ? `\nFAIL: ${reasons.join("; ")}` : "\nPASS");
  // The columns of the table in docs/performance.md, "Load test".
  const notOk = sum(only(reads.byStatus, isError)) + sum(only(writes.byStatus, (s) => s !== "error" && isError(s)));
  console.log(
    `\nREADME row: | ${options.durationS} s, ${options.connections} connections, ${options.writers} writers | ${fmt(reads.rps)} | ${fmt(reads.p50)} | ${fmt(reads.p99)} | ${fmt(notOk)} | ${fmt(reads5xx + writes5xx)} | ` +
      `${fmt(writeRequests / options.durationS)}, ${fmt(percentile(writes.latencies, 50))}/${fmt(percentile(writes.latencies, 99))} | ` +
      `${fmt(check.commentsChecked)} comments, ${fmt(check.votesChecked)} votes: ${check.problems.length ? `${check.problems.length} problems` : "none lost or doubled"} |`,
  );
  return { ok: reasons.length === 0, reasons };
}
