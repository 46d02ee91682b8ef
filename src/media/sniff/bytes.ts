// Byte reads for the format parsers. Every read is bounds-checked: reading
// past the end of the upload means the upload stopped early.
import { truncated } from "./parse-error";

export function byte(b: Uint8Array, i: number): number {
  const v = b[i];
  return v === undefined ? truncated() : v;
}
export function u16be(b: Uint8Array, i: number): number {
  return (byte(b, i) << 8) | byte(b, i + 1);
}
export function u32be(b: Uint8Array, i: number): number {
  return ((byte(b, i) << 24) | (byte(b, i + 1) << 16) | (byte(b, i + 2) << 8) | byte(b, i + 3)) >>> 0;
}
export function u16le(b: Uint8Array, i: number): number {
  return byte(b, i) | (byte(b, i + 1) << 8);
}
export function u24le(b: Uint8Array, i: number): number {
  return byte(b, i) | (byte(b, i + 1) << 8) | (byte(b, i + 2) << 16);
}
export function u32le(b: Uint8Array, i: number): number {
  return (byte(b, i) | (byte(b, i + 1) << 8) | (byte(b, i + 2) << 16) | (byte(b, i + 3) << 24)) >>> 0;
}
/** Four bytes as ASCII (box / chunk types). Short input gives a shorter string. */
export function fourcc(b: Uint8Array, i: number): string {
  let s = "";
  for (let k = i; k < i + 4 && k < b.length; k++) s += String.fromCharCode(b[k]!);
  return s;
}
export function startsWith(b: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (b.length < at + sig.length) return false;
  for (let k = 0; k < sig.length; k++) if (b[at + k] !== sig[k]) return false;
  return true;
}
/** Index just past the last non-zero byte at or after `from` (strips zero padding). */
export function endWithoutZeroPadding(b: Uint8Array, from: number): number {
  let end = b.length;
  while (end > from && b[end - 1] === 0) end--;
  return end;
}
