/**
 * From a live order and Crossdock's view of the shop's locations to the engine's RoutingInput.
 * Pure: the caller reads the order, the stock and the day's load and hands them in.
 */
import type { FulfillmentOrderState } from "./fulfillment-moves";
import type { CandidateLocation, LocationKind, RoutingInput } from "./types";

/** The cart/note attribute that carries the shopper's chosen pickup store (its location GID). */
export const PICKUP_ATTRIBUTE = "_crossdock_pickup_location";

export interface RoutableOrder {
  id: string;
  name: string;
  createdAt: string;
  cancelledAt: string | null;
  destination: { latitude: number | null; longitude: number | null; countryCode: string | null } | null;
  attributes: Record<string, string>;
  lines: {
    id: string;
    sku: string | null;
    variantId: string | null;
    quantity: number;
    productTags: string[];
    productType: string | null;
  }[];
  fulfillmentOrders: (FulfillmentOrderState & { deliveryMethod: string | null })[];
}

export interface LocationAttributes {
  shopifyId: string;
  legacyResourceId: string;
  name: string;
  kind: LocationKind;
  countryCode: string | null;
  latitude: number | null;
  longitude: number | null;
  isActive: boolean;
  fulfillsOnlineOrders: boolean;
  pickupEnabled: boolean;
  priority: number;
  dailyCapacity: number | null;
  stockBuffer: number | null;
  tags: string[];
}

export type RoutingInputResult =
  | { status: "ready"; input: RoutingInput }
  | { status: "not-routable"; reason: string };

/**
 * `stock[variantId][locationGid]` = available units as Shopify reports them (this order's own
 * committed units are added back where its fulfillment orders sit). Lines without a variant are
 * left where Shopify put them. `ordersToday[locationGid]` feeds the daily-capacity rule.
 */
export function toRoutingInput(
  order: RoutableOrder,
  locations: readonly LocationAttributes[],
  stock: Readonly<Record<string, Readonly<Record<string, number>>>>,
  options: { defaultStockBuffer: number; ordersToday?: Readonly<Record<string, number>> },
): RoutingInputResult {
  if (order.cancelledAt) return { status: "not-routable", reason: "The order is cancelled" };
  const lines = order.lines
    .filter((l): l is typeof l & { variantId: string } => l.variantId !== null && l.quantity > 0)
    .map((l) => ({
      id: l.id,
      sku: l.variantId,
      quantity: l.quantity,
      productTags: l.productTags,
      ...(l.productType ? { productType: l.productType } : {}),
    }));
  if (lines.length === 0) return { status: "not-routable", reason: "The order has no items to ship from stock" };
  if (!order.fulfillmentOrders.some((fo) => fo.status === "OPEN")) {
    return { status: "not-routable", reason: "No open fulfillment order is left to route" };
  }

  const pickupLocationId = pickupLocationOf(order, locations);
  const destination = order.destination;
  let point: { lat: number; lon: number } | null = null;
  if (destination?.latitude != null && destination.longitude != null) {
    point = { lat: destination.latitude, lon: destination.longitude };
  } else if (pickupLocationId) {
    const store = locations.find((l) => l.shopifyId === pickupLocationId);
    if (store?.latitude != null && store.longitude != null) point = { lat: store.latitude, lon: store.longitude };
  }
  if (!point) return { status: "not-routable", reason: "The shipping address has no coordinates, so distances cannot be compared" };

  // Shopify already committed this order's units at the locations its fulfillment orders sit at:
  // count them as available there, or the engine would see the order competing with itself.
  const variantOfLine = new Map(lines.map((l) => [l.id, l.sku]));
  const ownCommitted = new Map<string, number>();
  for (const fo of order.fulfillmentOrders) {
    if (fo.status !== "OPEN") continue;
    for (const line of fo.lines) {
      const variant = variantOfLine.get(line.lineItemId);
      if (!variant || line.remainingQuantity <= 0) continue;
      const key = `${variant}@${fo.locationId}`;
      ownCommitted.set(key, (ownCommitted.get(key) ?? 0) + line.remainingQuantity);
    }
  }
  const availableFor = (variant: string, locationId: string) =>
    Math.max(0, (stock[variant]?.[locationId] ?? 0) + (ownCommitted.get(`${variant}@${locationId}`) ?? 0));

  const candidates: CandidateLocation[] = locations
    .filter((l) => l.latitude !== null && l.longitude !== null)
    .map((l) => ({
      id: l.shopifyId,
      name: l.name,
      kind: l.kind,
      lat: l.latitude!,
      lon: l.longitude!,
      ...(l.countryCode ? { countryCode: l.countryCode } : {}),
      tags: l.tags,
      priority: l.priority,
      active: l.isActive,
      fulfillsOnlineOrders: l.fulfillsOnlineOrders,
      pickupEnabled: l.pickupEnabled,
      ...(l.dailyCapacity !== null ? { dailyCapacity: l.dailyCapacity } : {}),
      ordersToday: options.ordersToday?.[l.shopifyId] ?? 0,
      stockBuffer: l.stockBuffer ?? options.defaultStockBuffer,
      stock: Object.fromEntries(lines.map((line) => [line.sku, availableFor(line.sku, l.shopifyId)])),
    }));

  return {
    status: "ready",
    input: {
      orderId: order.id,
      lines,
      destination: { ...point, ...(destination?.countryCode ? { countryCode: destination.countryCode } : {}) },
      locations: candidates,
      ...(pickupLocationId ? { pickupLocationId } : {}),
    },
  };
}

/** The shopper's chosen store: the Crossdock attribute (GID or numeric id), else Shopify's pickup FO. */
export function pickupLocationOf(order: RoutableOrder, locations: readonly LocationAttributes[]): string | undefined {
  const chosen = order.attributes[PICKUP_ATTRIBUTE]?.trim();
  if (chosen) {
    const match = locations.find((l) => l.shopifyId === chosen || l.legacyResourceId === chosen);
    if (match) return match.shopifyId;
  }
  return order.fulfillmentOrders.find((fo) => fo.deliveryMethod === "PICK_UP" && fo.status !== "CANCELLED")?.locationId;
}
