// Folding for the password checks, apart from passwords.ts so the list's
// generator (scripts/common-passwords/build.ts) can use it before the list exists.

/**
 * A password as the checks compare it: NFC, lowercase, Vietnamese diacritics
 * dropped ("Mật Khẩu" -> "mat khau", "đ" -> "d"). The common list is stored
 * folded the same way (scripts/common-passwords/build.ts).
 */
export function foldForPasswordCheck(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .normalize("NFC")
    .toLowerCase();
}
