// XML text for feeds and sitemaps. Escaping is the whole defence here: every
// value from the database passes through xmlText or xmlAttr.

/** Characters XML 1.0 forbids outright (control characters, lone surrogates, U+FFFE/F). */
const FORBIDDEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing the control characters XML forbids is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlText(value: string): string {
  return value.replace(FORBIDDEN, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function xmlAttr(value: string): string {
  return xmlText(value).replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/** `<name>text</name>`, or nothing for an empty value. */
export function element(name: string, value: string | null | undefined): string {
  return value ? `<${name}>${xmlText(value)}</${name}>` : "";
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
