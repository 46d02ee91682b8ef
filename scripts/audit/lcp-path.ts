// What a page's Largest Contentful Paint waited for, in Lighthouse's own
// simulation of the phone (Lantern): the requests and main-thread tasks it
// counted, each with its simulated start and end. Lighthouse's
// largest-contentful-paint-element audit would say some of this, but with
// Debian's Chromium 156 its trace gatherer fails ("frame_sequence"), so the
// element comes from the trace and the phases from Lantern directly.
import type { Artifacts, Result } from "lighthouse";
import { LanternLargestContentfulPaint } from "lighthouse/core/computed/metrics/lantern-largest-contentful-paint.js";

export interface LcpPath {
  /** The element, as the trace names it: `IMG` or `P class='lead'`. */
  element: string;
  imageUrl?: string;
  /** Lighthouse's estimate of the origin's server response time, fed into the simulation for every request. */
  serverMs?: number;
  steps: { startMs: number; endMs: number; what: string }[];
}

type TraceEvent = { name: string; args?: { data?: Record<string, unknown> } };
type GraphNode = {
  type: "network" | "cpu";
  request?: { url: string; priority: string; resourceType?: string; transferSize: number };
  childEvents?: { name: string }[];
};

const TASK_WORDS: [string, string][] = [
  ["ParseHTML", "parse HTML"],
  ["EvaluateScript", "run script"],
  ["Layout", "layout"],
  ["Paint", "paint"],
];

function describe(node: GraphNode, base: string): string {
  if (node.type === "cpu") {
    const names = new Set(node.childEvents?.map((e) => e.name));
    const words = TASK_WORDS.filter(([n]) => names.has(n)).map(([, w]) => w);
    return `main thread${words.length ? `: ${words.join(", ")}` : ""}`;
  }
  const r = node.request!;
  const lowImage = r.resourceType === "Image" && /^(Low|VeryLow)$/.test(r.priority);
  return `${(r.resourceType ?? "request").toLowerCase()} ${r.priority} ${(r.transferSize / 1024).toFixed(1)} KB ${r.url.replace(base, "")}${lowImage ? " (low priority: shares the network, not counted)" : ""}`;
}

export async function lcpPath(lhr: Result, artifacts: Artifacts): Promise<LcpPath> {
  const events = (artifacts.Trace as { traceEvents: TraceEvent[] }).traceEvents;
  const candidate = events.filter((e) => e.name === "largestContentfulPaint::Candidate").at(-1)?.args?.data;
  const image = events.filter((e) => e.name === "LargestImagePaint::Candidate").at(-1)?.args?.data;
  const element = String(candidate?.nodeName ?? "?");
  const imageUrl = candidate?.type === "image" ? (image?.imageUrl as string | undefined) : undefined;
  const serverMs = (
    lhr.audits["network-server-latency"]?.details as { items?: { serverResponseTime: number }[] } | undefined
  )?.items?.[0]?.serverResponseTime;

  const settings = lhr.configSettings;
  const data = {
    trace: artifacts.Trace,
    devtoolsLog: artifacts.DevtoolsLog,
    gatherContext: artifacts.GatherContext,
    settings,
    URL: artifacts.URL,
    simulator: null,
  };
  let steps: LcpPath["steps"] = [];
  try {
    const lcp = await LanternLargestContentfulPaint.request(
      data as never,
      { computedCache: new Map(), settings } as never,
    );
    // The pessimistic graph holds everything the optimistic one does, and more.
    const timings = (lcp.pessimisticEstimate as { nodeTimings: Map<GraphNode, { startTime: number; endTime: number }> })
      .nodeTimings;
    const base = new URL(lhr.finalDisplayedUrl).origin;
    steps = [...timings.entries()]
      .sort((a, b) => a[1].startTime - b[1].startTime || a[1].endTime - b[1].endTime)
      .map(([node, t]) => ({
        startMs: Math.round(t.startTime),
        endMs: Math.round(t.endTime),
        what: describe(node, base),
      }));
  } catch (e) {
    steps = [{ startMs: 0, endMs: 0, what: `(Lantern could not say: ${(e as Error).message})` }];
  }
  return { element, imageUrl, serverMs: serverMs === undefined ? undefined : Math.round(serverMs), steps };
}

export function formatLcpPath(p: LcpPath): string[] {
  return [
    `largest paint: ${p.element}${p.imageUrl ? ` ${p.imageUrl}` : ""}`,
    `server response time Lighthouse saw (simulated into every request): ${p.serverMs ?? "?"} ms`,
    ...p.steps.map((s) => `${String(s.startMs).padStart(5)}-${String(s.endMs).padEnd(5)} ${s.what}`),
  ];
}
