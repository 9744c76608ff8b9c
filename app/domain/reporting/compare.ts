/** A figure of the current period beside the same figure of the previous one. */

/** Which way is good news for a figure (colours the change; "neutral" never colours it). */
export type GoodWhen = "lower" | "higher" | "neutral";

export interface Comparison {
  /** null: nothing to measure (e.g. a rate over zero orders). */
  current: number | null;
  previous: number | null;
  /** current − previous; null when either is null. */
  change: number | null;
  /** (current − previous) / previous; null when either is null or previous is 0. */
  relativeChange: number | null;
}

export function compare(current: number | null, previous: number | null): Comparison {
  const both = current !== null && previous !== null;
  return {
    current,
    previous,
    change: both ? current - previous : null,
    relativeChange: both && previous !== 0 ? (current - previous) / previous : null,
  };
}

export type ChangeTone = "good" | "bad" | "unchanged" | "neutral";

/** How to show a change: good or bad news given which way is good; "unchanged" within `epsilon`. */
export function changeTone(comparison: Comparison, goodWhen: GoodWhen, epsilon = 1e-9): ChangeTone {
  if (comparison.change === null) return "neutral";
  if (Math.abs(comparison.change) <= epsilon) return "unchanged";
  if (goodWhen === "neutral") return "neutral";
  const up = comparison.change > 0;
  return up === (goodWhen === "higher") ? "good" : "bad";
}

/** a / b, or null when b is 0 (a share or an average of nothing is not zero, it is unknown). */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}
