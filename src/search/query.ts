// Turns a raw, untrusted ?q= into a safe FTS5 MATCH expression over folded text.
// Every token is a double-quoted FTS5 string built only from folded letters and
// digits, so no FTS5 operator (AND/OR/NOT/NEAR, *, ^, :, -, parentheses) survives.
import { foldVietnamese, toneNormalise } from "./fold";

export interface SearchQuery {
  terms: string[];
  phrases: string[][];
  match: string | null;
  tonedTerms: string[];
}

export const MAX_QUERY_CHARS = 200;
export const MAX_TOKENS = 10;

const QUOTES = /["“”„]/;

function cap(raw: string): string {
  // Cut cheaply first, then by code point so a surrogate pair is never split.
  return Array.from(raw.slice(0, MAX_QUERY_CHARS * 2))
    .slice(0, MAX_QUERY_CHARS)
    .join("");
}

function ftsString(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

function foldedWords(s: string): string[] {
  const f = foldVietnamese(s);
  return f === "" ? [] : f.split(" ");
}

/** Cap input at 200 characters; closed "…" parts with 2+ words become phrases, other words become terms; every token is double-quoted for FTS5; tokens are implicitly ANDed. At most 10 tokens (a phrase counts as one, itself capped at 10 words). match = null when nothing searchable remains. tonedTerms = toneNormalise'd words of the input. */
export function parseSearchQuery(raw: string | undefined): SearchQuery {
  const input = cap(raw ?? "");
  const parts = input.split(QUOTES);
  // Odd-indexed parts were inside quotes; the last one is only a phrase if its quote closed.
  const closed = parts.length % 2 === 1;

  const terms: string[] = [];
  const phrases: string[][] = [];
  const tokens: string[] = [];
  const seen = new Set<string>();

  const addTerm = (w: string): void => {
    if (tokens.length >= MAX_TOKENS || seen.has(w)) return;
    seen.add(w);
    terms.push(w);
    tokens.push(ftsString(w));
  };

  parts.forEach((part, i) => {
    const ws = foldedWords(part);
    const quoted = i % 2 === 1 && (closed || i < parts.length - 1);
    if (quoted && ws.length > 1) {
      if (tokens.length >= MAX_TOKENS) return;
      const phrase = ws.slice(0, MAX_TOKENS);
      const key = `"${phrase.join(" ")}`;
      if (seen.has(key)) return;
      seen.add(key);
      phrases.push(phrase);
      tokens.push(ftsString(phrase.join(" ")));
    } else {
      ws.forEach(addTerm);
    }
  });

  const toned = toneNormalise(input.replace(new RegExp(QUOTES.source, "g"), " "));
  const tonedTerms = toned === "" ? [] : [...new Set(toned.split(" "))].slice(0, MAX_TOKENS * 2);

  return { terms, phrases, match: tokens.length > 0 ? tokens.join(" ") : null, tonedTerms };
}
