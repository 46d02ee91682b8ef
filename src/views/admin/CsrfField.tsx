import { CSRF_FIELD } from "../../newsroom/csrf";

export function CsrfField({ token }: { token?: string }) {
  return token ? <input type="hidden" name={CSRF_FIELD} value={token} /> : null;
}
