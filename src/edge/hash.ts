const encoder = new TextEncoder();

/** A short hex SHA-256, for strong ETags. */
export async function shortHash(...parts: string[]): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", encoder.encode(parts.join("\u0000")));
  return [...new Uint8Array(digest).slice(0, 12)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
