// What `npm run load` is asked to do: flags win over environment variables,
// which win over the defaults (a minute at 100 connections, 20 writers).
export interface LoadOptions {
  durationS: number;
  connections: number;
  writers: number;
  /** Keep the temporary state (D1 etc.) and wrangler's log even when everything passed. */
  keepState: boolean;
}

export const LOAD_PORT = 8790;

const USAGE = `usage: npm run load -- [--duration S] [--connections N] [--writers N] [--keep-state]
  (or LOAD_DURATION, LOAD_CONNECTIONS, LOAD_WRITERS, LOAD_KEEP_STATE=1)`;

const FLAGS: Record<string, "durationS" | "connections" | "writers"> = {
  "--duration": "durationS",
  "-d": "durationS",
  "--connections": "connections",
  "-c": "connections",
  "--writers": "writers",
  "-w": "writers",
};

function positiveInt(name: string, raw: string | undefined): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`${name} must be a positive whole number, got ${JSON.stringify(raw)}\n${USAGE}`);
  return n;
}

export function parseLoadOptions(argv: string[], env: NodeJS.ProcessEnv): LoadOptions {
  const options: LoadOptions = {
    durationS: positiveInt("LOAD_DURATION", env.LOAD_DURATION ?? "60"),
    connections: positiveInt("LOAD_CONNECTIONS", env.LOAD_CONNECTIONS ?? "100"),
    writers: positiveInt("LOAD_WRITERS", env.LOAD_WRITERS ?? "20"),
    keepState: env.LOAD_KEEP_STATE === "1",
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--keep-state") {
      options.keepState = true;
      continue;
    }
    if (arg === "--help" || arg === "-h") {
      console.log(USAGE);
      process.exit(0);
    }
    const [flag, inline] = arg.includes("=")
      ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
      : [arg, undefined];
    const key = FLAGS[flag];
    if (!key) throw new Error(`unknown argument ${arg}\n${USAGE}`);
    options[key] = positiveInt(flag, inline ?? argv[++i]);
  }
  return options;
}
