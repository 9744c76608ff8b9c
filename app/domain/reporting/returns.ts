/**
 * Returns figures for the dashboard, from the aggregate rows the reporting repository reads.
 *
 * Return rate (its definition is written on the dashboard, app/locales/<lng>/dashboard.json):
 * numerator, the orders placed in the period with at least one return request that was not
 * declined or cancelled; denominator, the orders placed in the period that were fulfilled (shipped
 * or picked up, wholly or partly) and not cancelled, as Shopify counts them (`ordersCount`), so the
 * orders Crossdock never saw count too. Orders are counted by the date they were placed, so the
 * rate of a recent period still rises while its returns come in.
 */
import { compare, ratio, type Comparison } from "./compare";
import { median, percentile } from "./percentile";

/** One period's cohort: fulfilled orders placed in it, and how many of them were asked back. */
export interface ReturnCohortTotals {
  fulfilledOrders: number;
  ordersWithReturns: number;
}

/** Where the denominator came from: Shopify's count, or (Shopify unreachable) the orders Crossdock holds. */
export type CohortSource = "shopify" | "crossdock";

export interface ReturnRateFigures {
  orderRate: Comparison;
  current: ReturnCohortTotals;
  previous: ReturnCohortTotals;
  fulfilledOrdersFrom: CohortSource;
}

/**
 * The rate from the returns Crossdock holds (numerator) over Shopify's count of fulfilled orders
 * (denominator). A count Shopify has not caught up with yet (its counts may lag a write) never
 * makes the rate exceed 100 %: the denominator is at least the numerator.
 */
export function returnRateFigures(
  returned: { current: number; previous: number },
  fulfilled: { current: number; previous: number },
  fulfilledOrdersFrom: CohortSource,
): ReturnRateFigures {
  const totals = (period: "current" | "previous"): ReturnCohortTotals => ({
    ordersWithReturns: returned[period],
    fulfilledOrders: Math.max(fulfilled[period], returned[period]),
  });
  const current = totals("current");
  const previous = totals("previous");
  return {
    orderRate: compare(ratio(current.ordersWithReturns, current.fulfilledOrders), ratio(previous.ordersWithReturns, previous.fulfilledOrders)),
    current,
    previous,
    fulfilledOrdersFrom,
  };
}

/** Shopify's ReturnReason codes in words; UNKNOWN is what Shopify stores for "no reason given". */
const REASON_LABELS: Record<string, string> = {
  COLOR: "Color",
  DEFECTIVE: "Damaged or defective",
  NOT_AS_DESCRIBED: "Not as described",
  OTHER: "Other",
  SIZE_TOO_LARGE: "Size too large",
  SIZE_TOO_SMALL: "Size too small",
  STYLE: "Style",
  UNKNOWN: "No reason given",
  UNWANTED: "Changed their mind",
  WRONG_ITEM: "Received the wrong item",
};

export function reasonLabel(code: string): string {
  const known = REASON_LABELS[code];
  if (known) return known;
  const words = code.toLowerCase().replace(/_+/g, " ").trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : "No reason given";
}

export interface ReasonRow {
  reason: string;
  units: number;
  requests: number;
}

export interface RankedReason extends ReasonRow {
  label: string;
  /** Share of all returned units of the period (0–1). */
  share: number;
}

/**
 * The reasons by returned units (then requests, then code), the first `limit` of them; the rest are
 * summed into "All other reasons" so shares always add up to 100 %.
 */
export function topReasons(rows: readonly ReasonRow[], limit = 5): RankedReason[] {
  const merged = new Map<string, ReasonRow>();
  for (const row of rows) {
    const key = row.reason || "UNKNOWN";
    const seen = merged.get(key);
    merged.set(key, seen ? { reason: key, units: seen.units + row.units, requests: seen.requests + row.requests } : { ...row, reason: key });
  }
  const sorted = [...merged.values()].filter((r) => r.units > 0).sort((a, b) => b.units - a.units || b.requests - a.requests || a.reason.localeCompare(b.reason));
  const total = sorted.reduce((s, r) => s + r.units, 0);
  const head = sorted.slice(0, limit);
  const tail = sorted.slice(limit);
  const ranked: RankedReason[] = head.map((r) => ({ ...r, label: reasonLabel(r.reason), share: r.units / total }));
  if (tail.length > 0) {
    const units = tail.reduce((s, r) => s + r.units, 0);
    ranked.push({ reason: "OTHERS", label: "All other reasons", units, requests: tail.reduce((s, r) => s + r.requests, 0), share: units / total });
  }
  return ranked;
}

export interface ProductRow {
  title: string;
  units: number;
  requests: number;
  /** Value of the returned units at the price paid, in the shop currency. */
  value: number;
}

export interface RankedProduct extends ProductRow {
  share: number;
}

/** The most returned products by units (then value, then title), the first `limit`. */
export function topProducts(rows: readonly ProductRow[], limit = 5): RankedProduct[] {
  const total = rows.reduce((s, r) => s + r.units, 0);
  return [...rows]
    .filter((r) => r.units > 0)
    .sort((a, b) => b.units - a.units || b.value - a.value || a.title.localeCompare(b.title))
    .slice(0, limit)
    .map((r) => ({ ...r, share: r.units / total }));
}

export interface ApprovalTimes {
  /** Returns approved in the period. */
  approved: number;
  /** Seconds from request to approval. */
  median: number | null;
  p90: number | null;
}

export interface ApprovalFigures {
  current: ApprovalTimes;
  previous: ApprovalTimes;
  median: Comparison;
  p90: Comparison;
}

function approvalTimes(seconds: readonly number[]): ApprovalTimes {
  const valid = seconds.filter((s) => Number.isFinite(s) && s >= 0);
  return { approved: valid.length, median: median(valid), p90: percentile(valid, 0.9) };
}

/** Time to approve: from the request to the approval (by a rule or a person), per approved return. */
export function approvalFigures(currentSeconds: readonly number[], previousSeconds: readonly number[]): ApprovalFigures {
  const current = approvalTimes(currentSeconds);
  const previous = approvalTimes(previousSeconds);
  return { current, previous, median: compare(current.median, previous.median), p90: compare(current.p90, previous.p90) };
}

/** Open requests (waiting for a decision) by how long they have waited. */
export const AGE_BUCKETS = [
  { key: "under-1-day", label: "Under 1 day", minDays: 0, maxDays: 1 },
  { key: "1-3-days", label: "1–3 days", minDays: 1, maxDays: 3 },
  { key: "3-7-days", label: "3–7 days", minDays: 3, maxDays: 7 },
  { key: "over-7-days", label: "7 days or more", minDays: 7, maxDays: Infinity },
] as const;

export interface AgeRow {
  /** Whole days waited (floor of the age): 0 means under 24 hours. */
  ageDays: number;
  count: number;
}

export interface AgeBucket {
  key: (typeof AGE_BUCKETS)[number]["key"];
  label: string;
  count: number;
}

export function openRequestsByAge(rows: readonly AgeRow[]): { buckets: AgeBucket[]; total: number } {
  const buckets: AgeBucket[] = AGE_BUCKETS.map((b) => ({ key: b.key, label: b.label, count: 0 }));
  for (const row of rows) {
    const age = Math.max(0, row.ageDays);
    const index = AGE_BUCKETS.findIndex((b) => age >= b.minDays && age < b.maxDays);
    buckets[index]!.count += row.count;
  }
  return { buckets, total: buckets.reduce((s, b) => s + b.count, 0) };
}
