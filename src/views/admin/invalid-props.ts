/** Marks a refused control invalid and ties it to its message (Field renders it as `{id}-error`). */
export function invalidProps(id: string, error: string | undefined) {
  return error ? { "aria-invalid": "true" as const, "aria-describedby": `${id}-error` } : {};
}
