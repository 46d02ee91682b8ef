// One named step of a restore: printed with its duration, and when it fails,
// the error says which step it was.
export class RestoreStepError extends Error {
  override name = "RestoreStepError";
  constructor(
    readonly step: string,
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

export async function step<T>(name: string, run: () => Promise<T> | T): Promise<T> {
  const started = Date.now();
  console.log(`• ${name}…`);
  try {
    const result = await run();
    console.log(`  xong (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return result;
  } catch (error) {
    throw new RestoreStepError(name, error);
  }
}
