// The readers: autocannon keeps `connections` requests in flight, each one
// drawn at random from a mix that looks like a news site's traffic.
import autocannon from "autocannon";
import { ServerErrors } from "./server-errors";
import type { LoadTargets } from "./targets";

export type ReadKind = "article" | "home" | "section" | "search" | "image";

export interface ReadRequest {
  kind: ReadKind;
  path: string;
  headers?: Record<string, string>;
}

const SEARCHES = ["Bạc Liêu", "bac lieu", "lúa tôm", "mưa lớn", "điện gió", "giáo dục", '"phố đi bộ"'];
const WIDTHS = [360, 720, 1080];
// Phones that take AVIF, older ones with WebP only, and anything else (JPEG).
const ACCEPTS = ["image/avif,image/webp,*/*", "image/webp,*/*", "*/*"];
/** Share of each kind in the mix (out of 100). */
const WEIGHTS: [ReadKind, number][] = [
  ["article", 40],
  ["home", 15],
  ["section", 15],
  ["search", 10],
  ["image", 20],
];

const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;

function drawRequest(t: LoadTargets): ReadRequest {
  let roll = Math.random() * 100;
  const kind =
    WEIGHTS.find(([, w]) => {
      roll -= w;
      return roll < 0;
    })?.[0] ?? "article";
  switch (kind) {
    case "article":
      return { kind, path: pick(t.articles).path };
    case "home":
      return { kind, path: "/" };
    case "section":
      return { kind, path: pick(t.sections) };
    case "search":
      return { kind, path: `/tim-kiem?q=${encodeURIComponent(pick(SEARCHES))}` };
    case "image":
      return { kind, path: `${pick(t.imagePaths)}?w=${pick(WIDTHS)}`, headers: { accept: pick(ACCEPTS) } };
  }
}

/** Every distinct request the mix can draw (for warming the edge cache first). */
export function everyRead(t: LoadTargets): ReadRequest[] {
  return [
    ...t.articles.map((a) => ({ kind: "article" as const, path: a.path })),
    { kind: "home", path: "/" },
    ...t.sections.map((path) => ({ kind: "section" as const, path })),
    ...SEARCHES.map((q) => ({ kind: "search" as const, path: `/tim-kiem?q=${encodeURIComponent(q)}` })),
    ...t.imagePaths.flatMap((p) =>
      WIDTHS.flatMap((w) =>
        ACCEPTS.map((accept) => ({ kind: "image" as const, path: `${p}?w=${w}`, headers: { accept } })),
      ),
    ),
  ];
}

export interface ReadResult {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  byStatus: Record<string, number>;
  byKind: Record<ReadKind, Record<string, number>>;
  connectionErrors: number;
  timeouts: number;
  serverErrors: ServerErrors;
}

export async function runReaders(
  baseUrl: string,
  targets: LoadTargets,
  connections: number,
  durationS: number,
): Promise<ReadResult> {
  const byKind: Record<ReadKind, Record<string, number>> = {
    article: {},
    home: {},
    section: {},
    search: {},
    image: {},
  };
  const serverErrors = new ServerErrors();
  const result = await autocannon({
    url: baseUrl,
    connections,
    duration: durationS,
    // autocannon's default of 10 s abandons requests a slow local run still
    // answers; the server then works for clients that are gone.
    timeout: 30,
    requests: [
      {
        setupRequest: (req, context) => {
          const next = drawRequest(targets);
          // One request in flight per connection, so the context names the one being answered.
          Object.assign(context, { kind: next.kind, path: next.path });
          return { ...req, method: "GET", path: next.path, headers: { ...req.headers, ...next.headers } };
        },
        onResponse: (status, body, context) => {
          const { kind, path } = context as { kind: ReadKind; path: string };
          byKind[kind][status] = (byKind[kind][status] ?? 0) + 1;
          if (status >= 500) serverErrors.record(`GET ${path}`, status, body);
        },
      },
    ],
  });
  const byStatus: Record<string, number> = {};
  for (const [status, stat] of Object.entries(result.statusCodeStats ?? {})) byStatus[status] = stat.count ?? 0;
  return {
    requests: result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    byStatus,
    byKind,
    connectionErrors: result.errors - result.timeouts,
    timeouts: result.timeouts,
    serverErrors,
  };
}
