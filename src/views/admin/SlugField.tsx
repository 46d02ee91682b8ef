import { Field } from "./Field";
import { invalidProps } from "./invalid-props";

/** The "Đường dẫn" field of authors, sections and static pages: lower-case ASCII, digits and dashes. */
export function SlugField({ value, hint, error }: { value: string; hint: string; error?: string }) {
  return (
    <Field id="slug" label="Đường dẫn" hint={hint} error={error}>
      <input
        id="slug"
        name="slug"
        type="text"
        value={value}
        maxLength={120}
        pattern="[a-z0-9\-]*"
        {...invalidProps("slug", error)}
      />
    </Field>
  );
}
