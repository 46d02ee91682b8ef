/** The form field that carries the session's CSRF token; src/newsroom/csrf.ts reads it by this name. */
export const CSRF_FIELD = "_csrf";

export function CsrfField({ token }: { token?: string }) {
  return token ? <input type="hidden" name={CSRF_FIELD} value={token} /> : null;
}
