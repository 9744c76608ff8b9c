import { adminRequest, type AdminGraphql } from "./admin-graphql";

/**
 * Shopify's own count of the orders placed in two periods that were fulfilled wholly or partly and
 * not cancelled: the return rate's denominator, whether or not Crossdock ever saw those orders.
 * `ordersCount(query:)` takes the orders search syntax (schema: `QueryRoot.ordersCount`, the
 * `created_at`, `fulfillment_status` and `status` filters); `limit: null` asks for an exact count
 * past 10,000.
 */
export const FULFILLED_ORDER_COUNTS_QUERY = `#graphql
  query CrossdockFulfilledOrderCounts($currentFulfilled: String!, $currentPartial: String!, $previousFulfilled: String!, $previousPartial: String!) {
    currentFulfilled: ordersCount(query: $currentFulfilled, limit: null) {
      count
      precision
    }
    currentPartial: ordersCount(query: $currentPartial, limit: null) {
      count
      precision
    }
    previousFulfilled: ordersCount(query: $previousFulfilled, limit: null) {
      count
      precision
    }
    previousPartial: ordersCount(query: $previousPartial, limit: null) {
      count
      precision
    }
  }
`;

export interface CountWindow {
  from: Date;
  to: Date;
}

export interface FulfilledOrderCount {
  count: number;
  /** false when Shopify answered an estimate or a lower bound. */
  exact: boolean;
}

/** `created_at` in [from, to), fulfilled wholly ("fulfilled") or partly ("partial"), not cancelled. */
export function fulfilledOrdersQuery(window: CountWindow, status: "fulfilled" | "partial"): string {
  return `created_at:>='${window.from.toISOString()}' created_at:<'${window.to.toISOString()}' fulfillment_status:${status} -status:cancelled`;
}

export async function fetchFulfilledOrderCounts(
  graphql: AdminGraphql,
  windows: { current: CountWindow; previous: CountWindow },
): Promise<{ current: FulfilledOrderCount; previous: FulfilledOrderCount }> {
  const data = await adminRequest(graphql, FULFILLED_ORDER_COUNTS_QUERY, {
    currentFulfilled: fulfilledOrdersQuery(windows.current, "fulfilled"),
    currentPartial: fulfilledOrdersQuery(windows.current, "partial"),
    previousFulfilled: fulfilledOrdersQuery(windows.previous, "fulfilled"),
    previousPartial: fulfilledOrdersQuery(windows.previous, "partial"),
  });
  const sum = (a: typeof data.currentFulfilled, b: typeof data.currentPartial): FulfilledOrderCount => ({
    count: (a?.count ?? 0) + (b?.count ?? 0),
    exact: a?.precision === "EXACT" && b?.precision === "EXACT",
  });
  return { current: sum(data.currentFulfilled, data.currentPartial), previous: sum(data.previousFulfilled, data.previousPartial) };
}
