export const PAGE_SIZE = 20;
const MAX_PAGE = 10_000;

/** What a reader is told when `?page=` is not a page number (a 400). */
export const BAD_PAGE = "Số trang không hợp lệ. Số trang phải là một số nguyên dương.";

/** `?page=` as a page number; null when it is not a plain positive integer. */
export function parsePage(raw: string | undefined): number | null {
  if (raw === undefined || raw === "") return 1;
  if (!/^[1-9][0-9]{0,4}$/.test(raw)) return null;
  const page = Number(raw);
  return page <= MAX_PAGE ? page : null;
}

export const pageCount = (total: number) => Math.max(1, Math.ceil(total / PAGE_SIZE));

/** `?truoc=` (a keyset page's cursor) as an article id; null when it is not one. */
export function parseCursorId(raw: string): number | null {
  return /^[1-9][0-9]{0,14}$/.test(raw) && Number.isSafeInteger(Number(raw)) ? Number(raw) : null;
}
