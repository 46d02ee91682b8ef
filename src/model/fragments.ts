// Fragments by typed name. A view puts a placeholder for a fragment into the
// page (src/views/FragmentSlot.tsx); on the way out the edge fills it from
// the fragment's own cache entry (src/edge/fragments.ts), using the
// definitions the reader registers for every kind here
// (src/reader/fragments.tsx). Adding a kind here fails the typecheck until
// the registry renders it.

/** Fragments that are the same on every page that shows them. */
const PLAIN = ["latest-news", "weather", "most-read", "comment-token", "breaking", "poll"] as const;
/** Fragments about one thing, named by its id. */
const BY_ID = ["comments", "article-poll", "poll-results"] as const;

type Plain = (typeof PLAIN)[number];
type ById = (typeof BY_ID)[number];

/** One member per kind, so a kind's reference can be picked out by its name. */
export type FragmentRef = { [K in Plain]: { kind: K } }[Plain] | { [K in ById]: { kind: K; id: number } }[ById];

export type FragmentKind = FragmentRef["kind"];

/** The placeholder's name: "weather", "comments-12". */
export function fragmentName(ref: FragmentRef): string {
  return "id" in ref ? `${ref.kind}-${ref.id}` : ref.kind;
}

const isPlain = (s: string): s is Plain => (PLAIN as readonly string[]).includes(s);
const isById = (s: string): s is ById => (BY_ID as readonly string[]).includes(s);

/** The reference a placeholder's name stands for, or undefined for a name no view writes. */
export function parseFragmentName(name: string): FragmentRef | undefined {
  if (isPlain(name)) return { kind: name };
  const m = /^([a-z-]+)-([1-9][0-9]{0,9})$/.exec(name);
  return m && isById(m[1]!) ? { kind: m[1], id: Number(m[2]) } : undefined;
}
