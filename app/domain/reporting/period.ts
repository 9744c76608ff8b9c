/**
 * Reporting periods. A period is the last N calendar days in the shop's time zone, today included
 * (today is still running), compared with the N days just before it. Calendar days rather than a
 * rolling N×24 h so that the per-day charts and the totals count exactly the same rows.
 */

export const PERIOD_DAYS = [7, 30, 90] as const;
export type PeriodDays = (typeof PERIOD_DAYS)[number];
export const DEFAULT_PERIOD_DAYS: PeriodDays = 30;

export interface Window {
  /** Inclusive. */
  from: Date;
  /** Exclusive. */
  to: Date;
}

export interface ReportPeriod {
  days: PeriodDays;
  timeZone: string;
  /** The last `days` local days up to now (today is partial). */
  current: Window;
  /** The `days` local days before `current`. */
  previous: Window;
  /** Local dates ("YYYY-MM-DD") of the current period, oldest first: one per chart bar. */
  dayKeys: string[];
  /** Local dates of the first and last day of each window, for labels. */
  currentLabel: { first: string; last: string };
  previousLabel: { first: string; last: string };
}

/** `?period=` → 7, 30 or 90; absent → the default; anything else → null (the caller answers 400). */
export function parsePeriodDays(value: string | null | undefined): PeriodDays | null {
  if (value === null || value === undefined || value === "") return DEFAULT_PERIOD_DAYS;
  const n = Number(value);
  return (PERIOD_DAYS as readonly number[]).includes(n) ? (n as PeriodDays) : null;
}

/** An IANA zone Intl knows, else "UTC" (a shop row with an odd value must not break the page). */
export function safeTimeZone(timeZone: string | null | undefined): string {
  if (!timeZone) return "UTC";
  try {
    new Intl.DateTimeFormat("en-US", { timeZone }).format(0);
    return timeZone;
  } catch {
    return "UTC";
  }
}

function parts(instant: Date, timeZone: string): { y: number; m: number; d: number; h: number; min: number; s: number } {
  const formatted = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  const get = (type: string) => Number(formatted.find((p) => p.type === type)?.value ?? 0);
  return { y: get("year"), m: get("month"), d: get("day"), h: get("hour"), min: get("minute"), s: get("second") };
}

/** The local calendar date of an instant, "YYYY-MM-DD". */
export function localDateKey(instant: Date, timeZone: string): string {
  const p = parts(instant, timeZone);
  return `${String(p.y).padStart(4, "0")}-${String(p.m).padStart(2, "0")}-${String(p.d).padStart(2, "0")}`;
}

/** "YYYY-MM-DD" shifted by whole calendar days (no time zone involved). */
export function addDays(dateKey: string, days: number): string {
  const [y, m, d] = dateKey.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Offset of the zone from UTC at an instant, in ms (positive east of Greenwich). */
function offsetMs(instant: Date, timeZone: string): number {
  const p = parts(instant, timeZone);
  const asUtc = Date.UTC(p.y, p.m - 1, p.d, p.h, p.min, p.s);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The instant local midnight starts on `dateKey` in the zone (DST-safe: offset re-read at the result). */
export function startOfLocalDay(dateKey: string, timeZone: string): Date {
  const [y, m, d] = dateKey.split("-").map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d);
  let instant = guess - offsetMs(new Date(guess), timeZone);
  const corrected = guess - offsetMs(new Date(instant), timeZone);
  if (corrected !== instant) instant = corrected;
  return new Date(instant);
}

/**
 * When the shop's current day began: midnight in its time zone, the day the dashboard counts. The
 * daily-capacity rule's "today" (a shop in Ho Chi Minh City at 23:30 UTC is at 06:30 of the next
 * day, begun at 17:00 UTC).
 */
export function startOfShopDay(now: Date, timeZone: string): Date {
  const zone = safeTimeZone(timeZone);
  return startOfLocalDay(localDateKey(now, zone), zone);
}

export function buildPeriod(now: Date, days: PeriodDays, timeZone: string): ReportPeriod {
  const zone = safeTimeZone(timeZone);
  const today = localDateKey(now, zone);
  const first = addDays(today, -(days - 1));
  const previousFirst = addDays(first, -days);
  const currentFrom = startOfLocalDay(first, zone);
  return {
    days,
    timeZone: zone,
    current: { from: currentFrom, to: now },
    previous: { from: startOfLocalDay(previousFirst, zone), to: currentFrom },
    dayKeys: Array.from({ length: days }, (_, i) => addDays(first, i)),
    currentLabel: { first, last: today },
    previousLabel: { first: previousFirst, last: addDays(first, -1) },
  };
}
