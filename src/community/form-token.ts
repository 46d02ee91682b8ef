// The comment form carries the time it was handed out and the network it was
// handed to, signed: a bot that posts within seconds of loading the page, an
// old form replayed, or a token harvested by another site and handed to its
// visitors is refused (docs/security.md, "Readers' forms").
import { sign, verify } from "./signing";

export const MIN_FILL_MS = 3_000;
/** Long enough to write a comment over a meal; a lapsed form is shown again with its text, nothing is lost. */
export const MAX_FORM_AGE_MS = 4 * 3600_000;

/**
 * What a token is bound to: the client's IPv4 address, or its IPv6 /64 (one
 * subscriber's network: privacy extensions change the rest of the address
 * every few hours). Never stored or shown: it only goes into the signature.
 */
export function networkOf(ip: string | null | undefined): string {
  const addr = (ip ?? "").trim().toLowerCase();
  if (!addr) return "local";
  if (!addr.includes(":")) return addr;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(addr);
  if (mapped) return mapped[1]!;
  const [head = "", tail] = addr.split("::", 2);
  const groups = (s: string) => (s ? s.split(":") : []);
  const front = groups(head);
  const back = tail === undefined ? [] : groups(tail);
  const full =
    tail === undefined ? front : [...front, ...Array(Math.max(0, 8 - front.length - back.length)).fill("0"), ...back];
  return `${full
    .slice(0, 4)
    .map((g) => (Number.parseInt(g, 16) || 0).toString(16))
    .join(":")}::/64`;
}

const signed = (issued: number, network: string) => `comment-form:${issued}:${network}`;
const signedForPage = (issued: number) => `comment-page:${issued}`;

/** A token bound to the reader's network: what a form handed to one reader carries. */
export async function issueFormToken(secret: string, network: string, now = Date.now()): Promise<string> {
  return `${now}.${await sign(secret, signed(now, network))}`;
}

/**
 * A token bound to nobody, for a page kept whole by Workers Cache (the same
 * bytes for every reader): good only in a POST the browser says came from the
 * paper's own page, else exchanged for a bound one ("unbound").
 */
export async function issuePageToken(secret: string, now = Date.now()): Promise<string> {
  return `p${now}.${await sign(secret, signedForPage(now))}`;
}

/**
 * "missing": the form came without a token; "unbound": a page token in a POST
 * the browser did not vouch for (an old browser, or a script); "invalid":
 * forged, or handed to another network (the reader's phone moved from Wi-Fi
 * to mobile data, or another site's visitor).
 */
export type FormTokenCheck = "ok" | "missing" | "unbound" | "invalid" | "too-fast" | "expired";

export async function checkFormToken(
  secret: string,
  network: string,
  token: string | undefined,
  now = Date.now(),
  /** The browser says the form was posted from the paper's own page (src/community/cross-site.ts). */
  sameOrigin = false,
): Promise<FormTokenCheck> {
  if (!token) return "missing";
  const m = /^(p?)(\d{13})\.([0-9a-f]{32})$/.exec(token);
  if (!m) return "invalid";
  const page = m[1] === "p";
  const issued = Number(m[2]);
  if (!(await verify(secret, page ? signedForPage(issued) : signed(issued, network), m[3]!))) return "invalid";
  if (now - issued < MIN_FILL_MS) return "too-fast";
  if (now - issued > MAX_FORM_AGE_MS) return "expired";
  if (page && !sameOrigin) return "unbound";
  return "ok";
}

/**
 * The token of a form shown again with the reader's text (a refusal): dated
 * as if handed out just under MIN_FILL_MS ago, since the text is already
 * written, so one more click a second later is enough.
 */
export const refillFormToken = (secret: string, network: string, now = Date.now()): Promise<string> =>
  issueFormToken(secret, network, now - MIN_FILL_MS + 1_000);
