/**
 * Calendar dates for return windows. A window is counted in whole days in the shop's time zone: an
 * item delivered at 23:30 in Hồ Chí Minh City on 1 March with a 30-day window may be returned until
 * the end of 31 March there, whatever the server's clock zone.
 */

/** "YYYY-MM-DD". */
export type CalendarDate = string;

export type Instant = Date | string;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Throws RangeError for an unknown zone: a configuration error, not a shopper's.
    f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formatters.set(timeZone, f);
  }
  return f;
}

export function toDate(value: Instant): Date {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a date: ${String(value)}`);
  return date;
}

/** The calendar date of an instant in a time zone (IANA name, default UTC). */
export function calendarDate(instant: Instant, timeZone = "UTC"): CalendarDate {
  const parts = formatter(timeZone).formatToParts(toDate(instant));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole calendar days from `a` to `b` (negative when b is before a). */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
