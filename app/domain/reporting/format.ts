/**
 * How the dashboard writes its figures, in the staff member's language (`locale`, a BCP 47 tag;
 * English by default). Numbers, percentages, units and dates come from Intl, so grouping and
 * decimal marks follow the language ("1,234.5" / "1.234,5").
 */
import type { Comparison } from "./compare";

export type FigureKind = "count" | "decimal" | "percent" | "duration" | "km";

const EMPTY = "—";
const DEFAULT = "en-US";

/** Words the change line needs (from the dashboard's locale file). */
export interface ChangeWords {
  noChange: string;
  /** Percentage points after a signed number, e.g. "{{value}} pts". */
  points: string;
}

const ENGLISH_CHANGE: ChangeWords = { noChange: "no change", points: "{{value}} pts" };

const fixed = (locale: string, digits: number) => new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function formatPercent(value: number | null, digits = 1, locale = DEFAULT): string {
  if (value === null) return EMPTY;
  return new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

export function formatDecimal(value: number | null, digits = 2, locale = DEFAULT): string {
  if (value === null) return EMPTY;
  return fixed(locale, digits).format(value);
}

export function formatCount(value: number | null, locale = DEFAULT): string {
  if (value === null) return EMPTY;
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.round(value));
}

const unit = (locale: string, name: string, digits: number, value: number) =>
  new Intl.NumberFormat(locale, { style: "unit", unit: name, unitDisplay: "short", minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);

/** Seconds in the unit a person reads best: "45 sec", "12 min", "3.5 hr", "2.1 days". */
export function formatDuration(seconds: number | null, locale = DEFAULT): string {
  if (seconds === null) return EMPTY;
  if (seconds < 60) return unit(locale, "second", 0, Math.round(seconds));
  if (seconds < 3600) return unit(locale, "minute", 0, Math.round(seconds / 60));
  if (seconds < 48 * 3600) return unit(locale, "hour", 1, seconds / 3600);
  return unit(locale, "day", 1, seconds / 86400);
}

export function formatFigure(value: number | null, kind: FigureKind, locale = DEFAULT): string {
  switch (kind) {
    case "count":
      return formatCount(value, locale);
    case "decimal":
      return formatDecimal(value, 2, locale);
    case "percent":
      return formatPercent(value, 1, locale);
    case "duration":
      return formatDuration(value, locale);
    case "km":
      return value === null ? EMPTY : unit(locale, "kilometer", 1, value);
  }
}

/**
 * The change against the previous period in words: percentage points for rates ("+2.5 pts"), a
 * relative change for everything else ("−12%"), "no change", or null when there is nothing to
 * compare with.
 */
export function formatChange(comparison: Comparison, kind: FigureKind, locale = DEFAULT, words: ChangeWords = ENGLISH_CHANGE): string | null {
  if (comparison.change === null) return null;
  if (Math.abs(comparison.change) < 1e-9) return words.noChange;
  const sign = comparison.change > 0 ? "+" : "−";
  if (kind === "percent") return `${sign}${words.points.replace("{{value}}", fixed(locale, 1).format(Math.abs(comparison.change * 100)))}`;
  if (comparison.relativeChange === null) return kind === "count" ? `${sign}${formatCount(Math.abs(comparison.change), locale)}` : null;
  return `${sign}${formatPercent(Math.abs(comparison.relativeChange), 0, locale)}`;
}

/** "2026-11-24" → "Nov 24" (the dates are local dates already: formatted in UTC on purpose). */
export function formatDay(dateKey: string, locale = DEFAULT): string {
  const [y, m, d] = dateKey.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(locale, { month: "short", day: "numeric", timeZone: "UTC" });
}

export function formatDayRange(first: string, last: string, locale = DEFAULT): string {
  return first === last ? formatDay(first, locale) : `${formatDay(first, locale)} – ${formatDay(last, locale)}`;
}
