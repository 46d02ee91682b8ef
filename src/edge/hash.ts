import { sha256Hex } from "../platform/crypto";

/** A short hex SHA-256 (96 bits), for strong ETags. */
export function shortHash(...parts: string[]): Promise<string> {
  return sha256Hex(parts.join("\u0000"), 12);
}
