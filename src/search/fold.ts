// Text folding for search. The index and the queries both go through
// foldVietnamese so "Đà Nẵng", "ĐÀ NẴNG", "da nang" and NFD input all meet;
// toneNormalise keeps tone marks so ranking can prefer exact-tone matches.
import { stripDiacritics } from "../vi/normalize";

const NON_WORD = /[^\p{L}\p{N}]+/gu;
const MARKS = /\p{M}/gu;

/** For the search index and queries: NFC, lowercase, tone marks and diacritics removed, đ/Đ -> d. "Đà Nẵng" -> "da nang". Non-letters/digits become spaces; runs of spaces collapse; trimmed. */
export function foldVietnamese(text: string): string {
  return stripDiacritics(text.normalize("NFC").toLowerCase())
    .replace(MARKS, "") // marks outside U+0300–036F (and emoji variation selectors)
    .normalize("NFC")
    .replace(NON_WORD, " ")
    .trim();
}

// Tone marks as combining characters: huyền, sắc, hỏi, ngã, nặng.
const TONE_MARK = /[\u0300\u0301\u0309\u0303\u0323]/;
// A word ending in o+a, o+e or u+y with the tone on the last vowel (hoà, khoẻ, thuý),
// not preceded by q (quý keeps its tone on y in every style). Works on NFD text.
// In NFD a bare o/a/e/y is directly followed by the next base letter or the tone,
// so ô/ơ/ư/ă/â/ê never match.
const OLD_PLACEMENT = /(^|[^q])(o[ae]|uy)([\u0300\u0301\u0309\u0303\u0323])$/u;

function unifyTonePlacement(word: string): string {
  const nfd = word.normalize("NFD");
  if (!TONE_MARK.test(nfd)) return word;
  const m = OLD_PLACEMENT.exec(nfd);
  if (!m) return word;
  const [, before = "", pair = "", tone = ""] = m;
  return (nfd.slice(0, m.index) + before + pair.charAt(0) + tone + pair.charAt(1)).normalize("NFC");
}

/** Same as foldVietnamese but keeping tone marks (and đ), with old/new tone placement unified (hoà->hòa, thuý->thúy, khoẻ->khỏe); lowercase NFC. */
export function toneNormalise(text: string): string {
  return text.normalize("NFC").toLowerCase().replace(NON_WORD, " ").trim().split(" ").map(unifyTonePlacement).join(" ");
}

export interface Word {
  start: number;
  end: number;
  folded: string;
}

// A word starts with a letter or digit; combining marks (NFD input) stay attached.
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;

/** Words of a text with their start/end offsets in the ORIGINAL string and their folded form. */
export function words(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index ?? 0;
    const folded = foldVietnamese(m[0]);
    if (folded === "") continue;
    out.push({ start, end: start + m[0].length, folded });
  }
  return out;
}
