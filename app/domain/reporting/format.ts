/** How the dashboard writes its figures (English admin; numbers in en-US grouping). */
import type { Comparison } from "./compare";

export type FigureKind = "count" | "decimal" | "percent" | "duration" | "km";

const EMPTY = "—";

export function formatPercent(value: number | null, digits = 1): string {
  if (value === null) return EMPTY;
  return `${(value * 100).toFixed(digits)}%`;
}

export function formatDecimal(value: number | null, digits = 2): string {
  if (value === null) return EMPTY;
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function formatCount(value: number | null): string {
  if (value === null) return EMPTY;
  return Math.round(value).toLocaleString("en-US");
}

/** Seconds in the unit a person reads best: "45 s", "12 min", "3.5 h", "2.1 days". */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return EMPTY;
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 48 * 3600) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86400).toFixed(1)} days`;
}

export function formatFigure(value: number | null, kind: FigureKind): string {
  switch (kind) {
    case "count":
      return formatCount(value);
    case "decimal":
      return formatDecimal(value);
    case "percent":
      return formatPercent(value);
    case "duration":
      return formatDuration(value);
    case "km":
      return value === null ? EMPTY : `${formatDecimal(value, 1)} km`;
  }
}

/**
 * The change against the previous period in words: percentage points for rates ("+2.5 pts"), a
 * relative change for everything else ("−12%"), "no change", or null when there is nothing to
 * compare with.
 */
export function formatChange(comparison: Comparison, kind: FigureKind): string | null {
  if (comparison.change === null) return null;
  if (Math.abs(comparison.change) < 1e-9) return "no change";
  const sign = comparison.change > 0 ? "+" : "−";
  if (kind === "percent") return `${sign}${Math.abs(comparison.change * 100).toFixed(1)} pts`;
  if (comparison.relativeChange === null) return kind === "count" ? `${sign}${formatCount(Math.abs(comparison.change))}` : null;
  return `${sign}${Math.abs(comparison.relativeChange * 100).toFixed(0)}%`;
}

/** "2026-11-24" → "Nov 24" (the dates are local dates already: formatted in UTC on purpose). */
export function formatDay(dateKey: string): string {
  const [y, m, d] = dateKey.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
}

export function formatDayRange(first: string, last: string): string {
  return first === last ? formatDay(first) : `${formatDay(first)} – ${formatDay(last)}`;
}
