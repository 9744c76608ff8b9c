/**
 * The rules a merchant can put in a routing rule set, as the admin presents them, and the rule set
 * a new shop starts with.
 */
import type { RoutingConfigInput, RuleConfigInput, RuleType } from "./config";

export interface RuleDescription {
  type: RuleType;
  label: string;
  kind: "filter" | "ranking";
  description: string;
  /** What a newly added rule of this type looks like. */
  template: RuleConfigInput;
}

export const ruleCatalog: readonly RuleDescription[] = [
  {
    type: "stock-buffer",
    label: "Stock buffer",
    kind: "filter",
    description: "Keep units back at each location (its own buffer, or the shop's) so the last ones stay on the shelf.",
    template: { type: "stock-buffer", units: 0 },
  },
  {
    type: "daily-capacity",
    label: "Daily capacity",
    kind: "filter",
    description: "A location that has packed its daily number of orders takes no more today.",
    template: { type: "daily-capacity" },
  },
  {
    type: "exclude-locations",
    label: "Exclude locations",
    kind: "filter",
    description: "Never ship from locations of a kind (e.g. stores) or with a tag.",
    template: { type: "exclude-locations", kinds: ["store"] },
  },
  {
    type: "product-tag-routing",
    label: "Product-tag routing",
    kind: "filter",
    description: "Products with a tag or type ship only from certain locations (e.g. bulky items from warehouses).",
    template: { type: "product-tag-routing", productTags: ["bulky"], onlyFromKinds: ["warehouse"] },
  },
  {
    type: "stay-in-market",
    label: "Stay within the destination country",
    kind: "filter",
    description: "Ship only from locations in the destination's country (or market).",
    template: { type: "stay-in-market", scope: "country" },
  },
  {
    type: "location-priority",
    label: "Location priority",
    kind: "ranking",
    description: "Prefer locations in the merchant's ranked order (each location's priority).",
    template: { type: "location-priority" },
  },
  {
    type: "fewest-shipments",
    label: "Fewest shipments",
    kind: "ranking",
    description: "Prefer plans that ship the order in fewer parcels (fewer split fulfillments).",
    template: { type: "fewest-shipments" },
  },
  {
    type: "closest",
    label: "Closest",
    kind: "ranking",
    description: "Prefer the plan with the shortest total distance to the customer.",
    template: { type: "closest" },
  },
  {
    type: "cost-optimal",
    label: "Lowest shipping cost",
    kind: "ranking",
    description: "Find the cheapest plan exactly: cost per parcel, per km, and a penalty for each unit left unfilled.",
    template: { type: "cost-optimal", costModel: { perShipment: 7, perKm: 0.015, unfilledPenalty: 250 } },
  },
];

export function describeRuleType(type: RuleType): RuleDescription {
  const found = ruleCatalog.find((r) => r.type === type);
  if (!found) throw new Error(`Unknown routing rule type: ${type}`);
  return found;
}

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
