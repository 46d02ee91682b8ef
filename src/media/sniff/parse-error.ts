// How a format parser gives up. Parsers throw instead of returning a
// refusal so that every bounds-checked read (./bytes) can stop the walk in
// one line; sniffImage (./index) turns the error into a refusal.

/** Thrown by the format parsers; turned into a refusal by sniffImage. */
export class SniffError extends Error {
  constructor(
    readonly reason: "truncated" | "corrupt",
    message?: string,
  ) {
    super(message ?? reason);
  }
}
export const truncated = (): never => {
  throw new SniffError("truncated");
};
export const corrupt = (): never => {
  throw new SniffError("corrupt");
};
