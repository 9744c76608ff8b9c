/**
 * Records an installation may not see even though it may query their type:
 *
 * - fulfillment orders, by who manages the location they are assigned to (schema: `FulfillmentOrder`,
 *   "API access scopes"): merchant-managed locations need `read_merchant_managed_fulfillment_orders`,
 *   locations of another app's fulfillment service `read_third_party_fulfillment_orders`, locations
 *   of this app's own fulfillment service `read_assigned_fulfillment_orders`;
 * - orders placed more than 60 days ago, without `read_all_orders` (schema: `Order`: "Only the last
 *   60 days' worth of orders from a store are accessible from the `Order` object by default").
 */
import type { FulfillmentOrderRecord, LocationRecord, OrderRecord } from "../store/records";
import type { ShopState } from "../store/shop-state";
import { effectiveScopes } from "./schema-access";

export const ORDER_HISTORY_DAYS = 60;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The installation's scopes as a set, `write_` implying `read_` (cached per scopes string). */
const scopeCache = new WeakMap<ShopState, { raw: string; set: Set<string> }>();
export function grantedScopes(shop: ShopState): Set<string> {
  const cached = scopeCache.get(shop);
  if (cached && cached.raw === shop.scopes) return cached.set;
  const set = effectiveScopes(shop.scopes.split(","));
  scopeCache.set(shop, { raw: shop.scopes, set });
  return set;
}

export type LocationManager = "merchant" | "third_party" | "this_app";

export function locationManager(location: LocationRecord | undefined): LocationManager {
  return location?.fulfillmentServiceManager ?? "merchant";
}

const FULFILLMENT_ORDER_SCOPE: Record<LocationManager, string> = {
  merchant: "read_merchant_managed_fulfillment_orders",
  third_party: "read_third_party_fulfillment_orders",
  this_app: "read_assigned_fulfillment_orders",
};

export function fulfillmentOrderVisible(shop: ShopState, fo: FulfillmentOrderRecord): boolean {
  const manager = locationManager(shop.locations.get(fo.assignedLocationId));
  return grantedScopes(shop).has(FULFILLMENT_ORDER_SCOPE[manager]) && orderVisible(shop, fo.orderId);
}

export function orderVisible(shop: ShopState, order: OrderRecord | number): boolean {
  const record = typeof order === "number" ? shop.orders.get(order) : order;
  if (!record) return false;
  if (grantedScopes(shop).has("read_all_orders")) return true;
  return Date.parse(record.createdAt) >= Date.parse(shop.now()) - ORDER_HISTORY_DAYS * DAY_MS;
}

/** A record served as a single value (`order(id:)`, `node(id:)`, `FulfillmentOrder.order` …). */
export function recordVisible(shop: ShopState, value: unknown): boolean {
  if (value === null || typeof value !== "object") return true;
  const typename = (value as { __typename?: unknown }).__typename;
  if (typename === "Order") return orderVisible(shop, value as OrderRecord);
  if (typename === "FulfillmentOrder") return fulfillmentOrderVisible(shop, value as FulfillmentOrderRecord);
  return true;
}
