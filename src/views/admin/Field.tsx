import type { ComponentChildren } from "preact";

/** A labelled form control with its hint and, after a refused save, its error. */
export function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: ComponentChildren;
}) {
  return (
    <>
      <label for={id}>
        {label} {hint && <span class="hint">{hint}</span>}
      </label>
      {children}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </>
  );
}
