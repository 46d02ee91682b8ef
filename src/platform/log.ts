// Structured logs: one JSON line per event, kept and searchable in Workers
// Logs. Nothing personal goes in: callers pass ids and reasons, not what a
// person typed.

export type LogLevel = "info" | "warn" | "error";

/** Writes one JSON line: `{"level":…,"msg":…, …fields}`. */
export function log(level: LogLevel, msg: string, fields: Record<string, unknown> = {}): void {
  const line = JSON.stringify({ level, msg, ...fields });
  if (level === "error") console.error(line);
  else console.log(line);
}

/**
 * The underlying cause, not the query wrapper's message: drizzle's "Failed
 * query" repeats the SQL and its parameters, which can hold what a person
 * typed (an e-mail at login, a comment).
 */
export function describeError(err: unknown): string {
  if (!(err instanceof Error)) return String(err).slice(0, 300);
  const cause = err.cause instanceof Error ? err.cause : err;
  return cause.message.replace(/\s*params:[\s\S]*$/, "").slice(0, 300);
}
