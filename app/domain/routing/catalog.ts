/**
 * The rule set a new shop starts with, and the strategies staff can compare. The rules a merchant
 * can add are the rule registry (./registry.ts).
 */
import type { RoutingConfigInput } from "./config";

/**
 * A new shop's rules: Shopify's default order (fewest shipments, then closest) behind the buffer
 * and capacity filters, so installing Crossdock changes nothing until the merchant decides to.
 */
export function defaultRoutingConfig(): RoutingConfigInput {
  return {
    name: "Default",
    allowSplitLines: true,
    rules: [{ type: "stock-buffer", units: 0 }, { type: "daily-capacity" }, { type: "fewest-shipments" }, { type: "closest" }],
  };
}

/** The cost model used to compare strategies until the merchant sets their own carrier costs. */
export const defaultCostModel = { perShipment: 7, perKm: 0.015, unfilledPenalty: 250 } as const;

/** The strategies staff can compare in the simulator: the shop's own rules and the built-ins. */
export const strategyChoices = ["rules", "shopify-default", "cost-optimal", "closest"] as const;
export type StrategyChoice = (typeof strategyChoices)[number];

export const strategyLabels: Record<StrategyChoice, string> = {
  rules: "Your routing rules",
  "shopify-default": "Shopify's default (fewest locations, then closest)",
  "cost-optimal": "Lowest shipping cost",
  closest: "Closest",
};
