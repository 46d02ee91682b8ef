// A short excerpt of the original text around the first match, as plain
// segments (the view escapes them) with matching words flagged.
import { words } from "./fold";

export interface SnippetSegment {
  text: string;
  match: boolean;
}

const ELLIPSIS = "…";

/** A window (~maxChars, default 200) of the ORIGINAL text around the first word matching any folded query term, with every matching word wrapped as {match: true} segments. Adds "…" segments where cut. If nothing matches, the start of the text. */
export function snippet(text: string, foldedTerms: string[], maxChars = 200): SnippetSegment[] {
  const limit = Math.max(1, Math.floor(maxChars));
  const wanted = new Set(foldedTerms.flatMap((t) => t.split(/\s+/)).filter((t) => t !== ""));
  const ws = words(text);
  if (ws.length === 0) {
    const chars = Array.from(text.trim());
    if (chars.length === 0) return [];
    const cut = chars.length > limit;
    const out: SnippetSegment[] = [{ text: chars.slice(0, limit).join("").replace(/\s+/g, " "), match: false }];
    if (cut) out.push({ text: ELLIPSIS, match: false });
    return out;
  }

  const firstHit = ws.findIndex((w) => wanted.has(w.folded));
  const hit = ws[firstHit];
  let from = 0;
  if (hit) {
    // Some context before the match, but pull back if the window would run past the end.
    from = Math.max(0, Math.min(hit.start - Math.floor(limit / 3), text.length - limit));
  }
  const to = from + limit;

  // Snap to whole words: first word starting at/after `from` (never past the hit),
  // last word ending at/before `to` (always at least through the hit).
  let first = ws.findIndex((w) => w.start >= from);
  if (first === -1 || (hit && first > firstHit)) first = Math.max(firstHit, 0);
  let last = first;
  for (let i = first; i < ws.length; i++) {
    const w = ws[i];
    if (!w) break;
    if (w.end > to && i > first && !(hit && i <= firstHit)) break;
    last = i;
  }

  const startWord = ws[first];
  const endWord = ws[last];
  if (!startWord || !endWord) return [];
  const start = first === 0 ? 0 : startWord.start;
  const end = last === ws.length - 1 ? text.length : endWord.end;

  const out: SnippetSegment[] = [];
  const push = (s: string, match: boolean): void => {
    const t = match ? s : s.replace(/\s+/g, " ");
    if (t === "") return;
    const prev = out[out.length - 1];
    if (prev && !prev.match && !match && prev.text !== ELLIPSIS) prev.text += t;
    else out.push({ text: t, match });
  };

  if (start > 0) out.push({ text: ELLIPSIS, match: false });
  let pos = start;
  for (let i = first; i <= last; i++) {
    const w = ws[i];
    if (!w || !wanted.has(w.folded)) continue;
    push(text.slice(pos, w.start), false);
    push(text.slice(w.start, w.end), true);
    pos = w.end;
  }
  push(text.slice(pos, end), false);
  // Trim whitespace at the window edges.
  const head = out[start > 0 ? 1 : 0];
  if (head && !head.match) head.text = head.text.trimStart();
  const tail = out[out.length - 1];
  if (tail && !tail.match) tail.text = tail.text.trimEnd();
  const cleaned = out.filter((s) => s.text !== "");
  if (end < text.length) cleaned.push({ text: ELLIPSIS, match: false });
  return cleaned;
}
