// Vietnamese text arrives in NFC from most keyboards but in NFD from some
// (macOS, older Windows IMEs); storing one form keeps search and comparisons
// honest.
export function nfc(text: string): string {
  return text.normalize("NFC");
}

/** Removes tone marks and diacritics, folding đ/Đ to d/D (Unicode does not decompose đ). */
export function stripDiacritics(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D");
}
