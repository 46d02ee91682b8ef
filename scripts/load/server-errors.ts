// Telling the site's 5xx from the local runtime's. The site answers every
// error with its own Vietnamese HTML page; wrangler's proxy and miniflare's
// entry worker answer in plain text ("Your worker restarted mid-request",
// "Error: Network connection lost") when they lose a request on its way to
// or from the Worker, which the site never saw finish.
export type ErrorOrigin = "site" | "local runtime";

export const errorOrigin = (body: string): ErrorOrigin => (/<html[^>]*lang="vi"/.test(body) ? "site" : "local runtime");

/** The title of an error page, or the start of a plain-text answer. */
export const errorGist = (body: string) =>
  (/<title>([^<]*)<\/title>/.exec(body)?.[1] ?? body).replace(/\s+/g, " ").slice(0, 160);

/** 5xx answers by origin, with the first few for the report. */
export class ServerErrors {
  readonly byOrigin: Record<ErrorOrigin, number> = { site: 0, "local runtime": 0 };
  readonly samples: string[] = [];

  record(request: string, status: number, body: string): void {
    const origin = errorOrigin(body);
    this.byOrigin[origin]++;
    if (this.samples.length < 5) this.samples.push(`${request} ${status} (${origin}): ${errorGist(body)}`);
  }
}
