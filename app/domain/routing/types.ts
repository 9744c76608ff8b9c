/**
 * Order routing: which locations ship which units of an order.
 *
 * Everything here is plain, serialisable data. The engine is pure: it reads a `RoutingInput` and
 * returns a `RoutingPlan`; the stock snapshot, the day's load and the shopper's choices are all
 * handed in by the caller (a service), never read from a database here.
 */

import type { GeoPoint } from "../geo/geo";

export type { GeoPoint };

export type LocationKind = "warehouse" | "store";

export interface OrderLine {
  /** Unique within the order (Shopify's line item id). */
  id: string;
  /** The stock-keeping unit (or variant id) that stock is counted by. */
  sku: string;
  quantity: number;
  /** Product tags, e.g. "bulky". Lines of the same sku share the product's tags. */
  productTags?: readonly string[];
  productType?: string;
}

export interface Destination extends GeoPoint {
  countryCode?: string;
  /** The name of the shop's Shopify market the destination country is in (absent: in none, or unknown). */
  market?: string;
  /** That market's countries, from Crossdock's mirror of the shop's markets (read by stay-in-market, scope "market"). */
  marketCountries?: readonly string[];
}

export interface CandidateLocation extends GeoPoint {
  id: string;
  name: string;
  kind: LocationKind;
  countryCode?: string;
  tags?: readonly string[];
  /** Merchant's ranking: 1 is the most preferred location. Locations without a rank come last. */
  priority?: number;
  active: boolean;
  /** Staff paused routing here (Crossdock's own switch): left out like an inactive location. */
  paused?: boolean;
  /** Staff's note on the pause, said in the explanation. */
  pausedNote?: string;
  fulfillsOnlineOrders: boolean;
  pickupEnabled: boolean;
  /** Orders per day the location can pack; absent means no limit. */
  dailyCapacity?: number;
  /** Orders already assigned to the location today. */
  ordersToday?: number;
  /** The location's own buffer: units per sku it keeps back (read by the stock-buffer rule); absent = none of its own. */
  stockBuffer?: number;
  /** Available units per sku for the skus of this order (snapshot). Missing sku = 0. */
  stock: Readonly<Record<string, number>>;
}

export interface RoutingInput {
  orderId: string;
  lines: readonly OrderLine[];
  destination: Destination;
  locations: readonly CandidateLocation[];
  /** The shop's default buffer, for locations without their own when the stock-buffer rule names no fallback. */
  defaultStockBuffer?: number;
  /** Present when the shopper chose in-store pickup: the order goes all-or-nothing to that store. */
  pickupLocationId?: string;
}

export interface Assignment {
  locationId: string;
  lineId: string;
  sku: string;
  quantity: number;
}

export interface UnassignedUnits {
  lineId: string;
  sku: string;
  quantity: number;
  reason: string;
}

export type LocationStatus = "chosen" | "excluded" | "not-chosen";

/**
 * A reason as data, for the admin to say in the staff member's language (`app/locales/<lng>/admin-routing.json`,
 * `why.<key>`): `rule` is a rule type (named by the rule's own words), `items` are order lines by their
 * sku key (named by product title and SKU), `detail` is the rule's own reason. The English `reasons`
 * beside it stay for logs and older decisions.
 */
export interface Why {
  key: string;
  values?: Record<string, string | number>;
  rule?: string;
  items?: { sku: string; quantity: number }[];
  detail?: Why;
  /** Several reasons as one (a location's blocked items). */
  all?: Why[];
}

export interface LocationExplanation {
  locationId: string;
  name: string;
  status: LocationStatus;
  /** Human-readable, in the order they were decided. */
  reasons: string[];
  /** The same reasons as data (absent in decisions stored before they were recorded). */
  why?: Why[];
  /** This location's score under every ranking rule (lower is better), keyed by rule type. */
  scores: Record<string, number>;
  /** Units the location ships in this plan (0 unless chosen). */
  units: number;
}

export interface RuleScore {
  rule: string;
  label: string;
  /** The plan's value under the rule (lower is better). */
  value: number;
}

export interface RoutingPlan {
  orderId: string;
  strategy: string;
  mode: "ship" | "pickup";
  assignments: Assignment[];
  unassigned: UnassignedUnits[];
  /** Number of distinct locations that ship at least one unit. */
  shipments: number;
  /** The chosen plan's value under each ranking rule, in rule order. */
  scores: RuleScore[];
  /** How the plan was found: visited location sets and whether the search was exhaustive. */
  search: { nodes: number; exhaustive: boolean };
  summary: string;
  /** The summary as data. */
  summaryWhy?: Why;
  locations: LocationExplanation[];
}
