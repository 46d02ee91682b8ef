// Cloudflare Turnstile, verified only when TURNSTILE_SECRET is configured.
const VERIFY_URL = "https://challenges.cloudflare.com/turnstile/v0/siteverify";

export async function turnstileOk(
  secret: string | undefined,
  token: string | undefined,
  ip: string | null,
): Promise<boolean> {
  if (!secret) return true;
  if (!token || token.length > 4096) return false;
  const form = new FormData();
  form.set("secret", secret);
  form.set("response", token);
  if (ip) form.set("remoteip", ip);
  try {
    const res = await fetch(VERIFY_URL, { method: "POST", body: form, signal: AbortSignal.timeout(5000) });
    if (!res.ok) return false;
    const data = (await res.json()) as { success?: unknown };
    return data.success === true;
  } catch {
    return false;
  }
}
