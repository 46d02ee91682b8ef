// Vietnam (Asia/Ho_Chi_Minh) has been UTC+7 without daylight saving since
// 1975, so a fixed offset gives the right wall-clock time whatever the
// server's zone, without depending on the runtime's time-zone data.
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

const WEEKDAYS = ["Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"] as const;

const pad = (n: number) => String(n).padStart(2, "0");

export interface VietnamTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number; // 0 = Sunday
}

export function toVietnamTime(date: Date): VietnamTime {
  const local = new Date(date.getTime() + VIETNAM_OFFSET_MS);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    weekday: local.getUTCDay(),
  };
}

/** "17/01/2024" */
/** "07:05": the time of day in Vietnam, 24-hour clock. */
export function formatTime(date: Date): string {
  const t = toVietnamTime(date);
  return `${String(t.hour).padStart(2, "0")}:${String(t.minute).padStart(2, "0")}`;
}

export function formatDate(date: Date): string {
  const t = toVietnamTime(date);
  return `${pad(t.day)}/${pad(t.month)}/${t.year}`;
}

/** The dateline printed on an article: "Thứ Tư, 17/01/2024 | 14:54". */
export function formatDateline(date: Date): string {
  const t = toVietnamTime(date);
  return `${WEEKDAYS[t.weekday]}, ${formatDate(date)} | ${pad(t.hour)}:${pad(t.minute)}`;
}

/** ISO 8601 with the +07:00 offset, for <time datetime> and structured data. */
export function toVietnamIso(date: Date): string {
  const t = toVietnamTime(date);
  return `${t.year}-${pad(t.month)}-${pad(t.day)}T${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}+07:00`;
}

/** "2026-11-26T15:30" typed in Vietnam time (a datetime-local field) -> the instant; null if malformed. */
export function parseVietnamLocal(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const utc = Date.UTC(y, mo - 1, d, h, mi) - VIETNAM_OFFSET_MS;
  const back = toVietnamTime(new Date(utc));
  // Rejects 2026-02-30 and 25:00 instead of rolling them over.
  if (back.year !== y || back.month !== mo || back.day !== d || back.hour !== h || back.minute !== mi) return null;
  return new Date(utc);
}

/** The value of a datetime-local field showing this instant in Vietnam time. */
export function toVietnamLocalInput(date: Date): string {
  return toVietnamIso(date).slice(0, 16);
}

const DAY_NAMES = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;
const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

/** RFC 822 (as RSS wants it) in Vietnam time: "Thu, 26 Nov 2026 13:05:00 +0700". */
export function toRfc822Vietnam(date: Date): string {
  const t = toVietnamTime(date);
  return `${DAY_NAMES[t.weekday]}, ${pad(t.day)} ${MONTH_NAMES[t.month - 1]} ${t.year} ${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)} +0700`;
}

/** "2026-11": the Vietnam-time month an instant falls in (sitemaps are split by it). */
export function vietnamMonth(date: Date): string {
  const t = toVietnamTime(date);
  return `${t.year}-${pad(t.month)}`;
}

/** The instants a Vietnam-time month "2026-11" starts and ends at; null if malformed. */
export function vietnamMonthRange(month: string): { start: Date; end: Date } | null {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  return {
    start: new Date(Date.UTC(y, mo - 1, 1) - VIETNAM_OFFSET_MS),
    end: new Date(Date.UTC(y, mo, 1) - VIETNAM_OFFSET_MS),
  };
}

/**
 * A day or a month as an editor types it, in Vietnam time: "17/1/2024",
 * "17/01/2024", "1/2024", "01/2024", or ISO "2024-01-17", "2024-01" (what
 * date and month fields send). The instants it starts and ends at; null if
 * malformed or not a real date (31/02).
 */
export function vietnamDayOrMonthRange(value: string): { start: Date; end: Date } | null {
  const v = value.trim();
  const vn = /^(?:(\d{1,2})\/)?(\d{1,2})\/(\d{4})$/.exec(v);
  const iso = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(v);
  if (!vn && !iso) return null;
  const [dayText, monthText, yearText] = vn ? [vn[1], vn[2], vn[3]] : [iso?.[3], iso?.[2], iso?.[1]];
  const y = Number(yearText);
  const mo = Number(monthText);
  const d = dayText === undefined ? null : Number(dayText);
  if (y < 1900 || y > 9999 || mo < 1 || mo > 12) return null;
  if (d === null) return vietnamMonthRange(`${y}-${pad(mo)}`);
  const start = Date.UTC(y, mo - 1, d) - VIETNAM_OFFSET_MS;
  const t = toVietnamTime(new Date(start));
  if (t.year !== y || t.month !== mo || t.day !== d) return null;
  return { start: new Date(start), end: new Date(start + 24 * 60 * 60 * 1000) };
}
