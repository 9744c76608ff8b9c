/** Axis helpers shared by the charts (pure, no React). */

/**
 * A "nice" upper bound ≥ max (1, 2, 2.5 or 5 × 10ⁿ) and its tick values from 0, at most `maxTicks`
 * + 1. `integer`: whole-number steps only (counts: no "0.5 orders" gridline).
 */
export function niceScale(max: number, maxTicks = 4, integer = false): { max: number; ticks: number[] } {
  if (!(max > 0) || !Number.isFinite(max)) return { max: 1, ticks: [0, 1] };
  const rough = max / maxTicks;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const nice = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough)!;
  const step = integer ? Math.max(1, Math.ceil(nice)) : nice;
  const top = Math.ceil(max / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let v = 0; v <= top + step / 2; v += step) ticks.push(Number(v.toPrecision(12)));
  return { max: top, ticks };
}

/** Which of n category labels to print under an axis so they never crowd (always first and last). */
export function labelIndexes(n: number, maxLabels: number): number[] {
  if (n <= 0) return [];
  if (n <= maxLabels) return Array.from({ length: n }, (_, i) => i);
  const every = Math.ceil((n - 1) / (maxLabels - 1));
  const picked: number[] = [];
  for (let i = 0; i < n - 1; i += every) picked.push(i);
  if (n - 1 - picked[picked.length - 1]! < every / 2) picked.pop();
  picked.push(n - 1);
  return picked;
}

/**
 * Series colours: Polaris colour tokens (CSS custom properties of the Polaris stylesheet), so the
 * charts follow the admin's theme. The last one (neutral) is for "other" groups.
 */
export const SERIES_COLORS = [
  "var(--p-color-bg-fill-emphasis)",
  "var(--p-color-bg-fill-success)",
  "var(--p-color-bg-fill-magic)",
  "var(--p-color-bg-fill-warning)",
  "var(--p-color-bg-fill-critical)",
  "var(--p-color-avatar-one-bg-fill)",
] as const;
export const OTHER_COLOR = "var(--p-color-text-secondary)";
export const AXIS_COLOR = "var(--p-color-border)";
export const LABEL_COLOR = "var(--p-color-text-secondary)";
export const TEXT_COLOR = "var(--p-color-text)";

export function seriesColor(index: number, key?: string): string {
  if (key === "other-locations" || key === "OTHERS") return OTHER_COLOR;
  return SERIES_COLORS[index % SERIES_COLORS.length]!;
}
