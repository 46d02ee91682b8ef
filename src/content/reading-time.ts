// How long an article is, for the editor's form: words and minutes to read.
import { type BodyBlock, blockText } from "./blocks";

/**
 * Words a reader gets through in a minute. Vietnamese writes each syllable
 * as a word, so news prose reads at roughly 230 of them a minute.
 */
export const WORDS_PER_MINUTE = 230;

export interface ReadingTime {
  words: number;
  minutes: number;
}

/** Words in the lead and the body (captions included), and whole minutes to read them, at least one. */
export function readingTime(lead: string, blocks: BodyBlock[]): ReadingTime {
  const text = [lead, ...blocks.map(blockText)].join(" ");
  const words = text.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  return { words, minutes: Math.max(1, Math.ceil(words / WORDS_PER_MINUTE)) };
}
