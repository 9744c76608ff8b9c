/**
 * From a live order and Crossdock's view of the shop's locations to the engine's RoutingInput.
 * Pure: the caller reads the order, the stock and the day's load and hands them in.
 */
import { parsePickupLocation, PICKUP_LOCATION_ATTRIBUTE } from "../availability/pickup-attribute";
import { marketOfCountry, type ShopMarket } from "../markets/market";
import type { FulfillmentOrderState } from "./fulfillment-moves";
import { placeAddress } from "./place-address";
import type { CandidateLocation, GeoPoint, LocationKind, RoutingInput } from "./types";

export interface RoutableOrder {
  id: string;
  name: string;
  createdAt: string;
  cancelledAt: string | null;
  /** Where the order ships; coordinates may be missing (not geocoded, or protected customer data). */
  destination: {
    latitude: number | null;
    longitude: number | null;
    countryCode: string | null;
    /** Read for placing an address without coordinates (place-address.ts); absent = unknown. */
    provinceCode?: string | null;
    province?: string | null;
    city?: string | null;
    zip?: string | null;
  } | null;
  attributes: Record<string, string>;
  lines: {
    id: string;
    sku: string | null;
    variantId: string | null;
    quantity: number;
    productTags: string[];
    productType: string | null;
    /** The product's title (and the variant's): how the admin names the item. */
    title?: string;
  }[];
  /** `updatedAt`: when Shopify last changed the fulfillment order (its units committed where it is since). */
  fulfillmentOrders: (FulfillmentOrderState & { deliveryMethod: string | null; updatedAt?: string })[];
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
  /** Staff paused routing here (Location.routingPausedAt set), with their note if any. */
  paused?: boolean;
  pausedNote?: string | null;
  fulfillsOnlineOrders: boolean;
  pickupEnabled: boolean;
  priority: number;
  dailyCapacity: number | null;
  stockBuffer: number | null;
  tags: string[];
  /** Address parts that place a destination without coordinates near the shop's own locations. */
  zip?: string | null;
  city?: string | null;
  province?: string | null;
  provinceCode?: string | null;
}

/** How the destination's point was found. */
export type DestinationPlacement =
  | { source: "coordinates" }
  /** No coordinates: placed through the shop's locations with the same (or a similar) postal code. */
  | { source: "postal-code"; precision: "exact" | "area" }
  /** No coordinates, no usable postal code: the centre of the shop's locations in the same city, */
  | { source: "city" }
  /** else in the same province or state, */
  | { source: "province" }
  /** else in the same country (a rough approximation). */
  | { source: "country" }
  /** A pickup order without a shipping address: the pickup store's own position. */
  | { source: "pickup-store" };

/**
 * Which signal decided whether the order is picked up, and where. The delivery method chosen at
 * checkout decides (Shopify's PICK_UP fulfillment order, at the store chosen there); the store a
 * shopper picked in Crossdock's product-page block (the cart attribute) is only a hint: it never
 * turns a shipped order into a pickup, nor overrides the store chosen at checkout.
 */
export type PickupSignal =
  | {
      decidedBy: "checkout-pickup";
      /** The store chosen at checkout (where Shopify put the PICK_UP fulfillment order). */
      locationId: string;
      /** The product page's store, when the cart carried one (the same or another). */
      hintLocationId: string | null;
    }
  | {
      decidedBy: "checkout-shipping";
      /** A product-page store the cart carried, not used: the shopper chose shipping at checkout. */
      hintLocationId: string | null;
    };

export type RoutingInputResult =
  | { status: "ready"; input: RoutingInput; placement: DestinationPlacement; pickup: PickupSignal }
  | { status: "not-routable"; reason: string };

/** Stock as Crossdock mirrors it: when each level's state was Shopify's (`stockAsOf[variant][location]`, ISO). */
export type StockAsOf = Readonly<Record<string, Readonly<Record<string, string>>>>;

/**
 * `stock[variantId][locationGid]` = available units as Shopify reports them (this order's own
 * committed units are added back where its fulfillment orders sit). Lines without a variant are
 * left where Shopify put them. `ordersToday[locationGid]` feeds the daily-capacity rule.
 *
 * Mirrored stock (`stockAsOf` given) is Shopify's state at some moment: a level older than the
 * fulfillment order sitting at its location does not hold that order's commitment yet, so nothing
 * is added back there (the units are still counted as available).
 */
/**
 * How the admin names each item the engine counts by (its key: the SKU, or the variant id when
 * SKUs are shared or missing): the product's title and the SKU, stored with the plan.
 */
export function itemNamesOf(order: RoutableOrder, input: RoutingInput): Record<string, { title: string; sku: string | null }> {
  const byId = new Map(order.lines.map((l) => [l.id, l]));
  const names: Record<string, { title: string; sku: string | null }> = {};
  for (const line of input.lines) {
    const source = byId.get(line.id);
    if (source?.title) names[line.sku] = { title: source.title, sku: source.sku };
  }
  return names;
}

export function toRoutingInput(
  order: RoutableOrder,
  locations: readonly LocationAttributes[],
  stock: Readonly<Record<string, Readonly<Record<string, number>>>>,
  options: { defaultStockBuffer: number; ordersToday?: Readonly<Record<string, number>>; stockAsOf?: StockAsOf; markets?: readonly ShopMarket[] },
): RoutingInputResult {
  if (order.cancelledAt) return { status: "not-routable", reason: "The order is cancelled" };
  const routable = order.lines.filter((l): l is typeof l & { variantId: string } => l.variantId !== null && l.quantity > 0);
  // Stock is counted per variant; the engine names a variant by its SKU (what staff read in the
  // explanation) when no other variant of the order shares it, else by the variant's id.
  const variantsBySku = new Map<string, Set<string>>();
  for (const l of routable) if (l.sku) variantsBySku.set(l.sku, (variantsBySku.get(l.sku) ?? new Set()).add(l.variantId));
  const skuOf = new Map<string, string>();
  for (const l of routable) if (!skuOf.has(l.variantId)) skuOf.set(l.variantId, l.sku && variantsBySku.get(l.sku)!.size === 1 ? l.sku : l.variantId);
  const lines = routable.map((l) => ({
    id: l.id,
    sku: skuOf.get(l.variantId)!,
    variantId: l.variantId,
    quantity: l.quantity,
    productTags: l.productTags,
    ...(l.productType ? { productType: l.productType } : {}),
  }));
  if (!order.fulfillmentOrders.some((fo) => fo.status === "OPEN")) {
    return { status: "not-routable", reason: "No open fulfillment order is left to route" };
  }
  if (lines.length === 0) return { status: "not-routable", reason: "The order has no items to ship from stock" };

  const pickup = pickupSignalOf(order, locations);
  const pickupLocationId = pickup.decidedBy === "checkout-pickup" ? pickup.locationId : undefined;
  const destination = order.destination;
  let point: GeoPoint | null = null;
  let placement: DestinationPlacement | null = null;
  if (destination?.latitude != null && destination.longitude != null) {
    point = { lat: destination.latitude, lon: destination.longitude };
    placement = { source: "coordinates" };
  } else if (pickupLocationId) {
    const store = locations.find((l) => l.shopifyId === pickupLocationId);
    if (store?.latitude != null && store.longitude != null) {
      point = { lat: store.latitude, lon: store.longitude };
      placement = { source: "pickup-store" };
    }
  }
  if (!point && destination) {
    const placed = placeThroughLocations(destination, locations);
    if (placed) ({ point, placement } = placed);
  }
  if (!point || !placement) {
    return {
      status: "not-routable",
      reason: destination?.countryCode
        ? "The shipping address has no coordinates, and the shop has no location in its country, so distances cannot be compared"
        : "The shipping address has no coordinates, so distances cannot be compared",
    };
  }

  // Shopify already committed this order's units at the locations its fulfillment orders sit at:
  // count them as available there, or the engine would see the order competing with itself.
  const variantOfLine = new Map(lines.map((l) => [l.id, l.variantId]));
  const ownCommitted = new Map<string, number>();
  for (const fo of order.fulfillmentOrders) {
    if (fo.status !== "OPEN") continue;
    for (const line of fo.lines) {
      const variant = variantOfLine.get(line.lineItemId);
      if (!variant || line.remainingQuantity <= 0) continue;
      const asOf = options.stockAsOf?.[variant]?.[fo.locationId];
      // A mirrored level older than the fulfillment order does not hold its commitment yet.
      if (asOf !== undefined && fo.updatedAt !== undefined && Date.parse(asOf) < Date.parse(fo.updatedAt)) continue;
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
      ...(l.paused ? { paused: true, ...(l.pausedNote ? { pausedNote: l.pausedNote } : {}) } : {}),
      fulfillsOnlineOrders: l.fulfillsOnlineOrders,
      pickupEnabled: l.pickupEnabled,
      ...(l.dailyCapacity !== null ? { dailyCapacity: l.dailyCapacity } : {}),
      ordersToday: options.ordersToday?.[l.shopifyId] ?? 0,
      // Its own buffer only: the stock-buffer rule falls back to its own units, then the shop's (stockBufferOf).
      ...(l.stockBuffer !== null ? { stockBuffer: l.stockBuffer } : {}),
      stock: Object.fromEntries(lines.map((line) => [line.sku, availableFor(line.variantId, l.shopifyId)])),
    }));

  return {
    status: "ready",
    placement,
    pickup,
    input: {
      orderId: order.id,
      lines: lines.map(({ variantId: _variantId, ...line }) => line),
      destination: { ...point, ...(destination?.countryCode ? { countryCode: destination.countryCode } : {}), ...marketOf(destination?.countryCode, options.markets) },
      locations: candidates,
      defaultStockBuffer: options.defaultStockBuffer,
      ...(pickupLocationId ? { pickupLocationId } : {}),
    },
  };
}

/** The shipping country's market (the shop's mirror, marketOfCountry): its name and countries, or nothing. */
function marketOf(countryCode: string | null | undefined, markets: readonly ShopMarket[] = []): { market: string; marketCountries: string[] } | Record<string, never> {
  const market = marketOfCountry(countryCode, markets);
  return market ? { market: market.name, marketCountries: market.countries.map((c) => c.toUpperCase()) } : {};
}

/**
 * A destination without coordinates (not geocoded, or redacted as protected customer data: Shopify
 * keeps the city, province and country, FIDELITY PCD-2/3), placed through the shop's own locations
 * (place-address.ts): postal code, else city, else province or state, else the middle of the
 * shop's locations in the same country. Crossdock has no geocoder.
 */
export function placeThroughLocations(
  destination: NonNullable<RoutableOrder["destination"]>,
  locations: readonly LocationAttributes[],
): { point: GeoPoint; placement: DestinationPlacement } | null {
  if (!destination.countryCode) return null;
  const placed = placeAddress(
    {
      countryCode: destination.countryCode.toUpperCase(),
      province: destination.province ?? null,
      provinceCode: destination.provinceCode ?? null,
      city: destination.city ?? null,
      postalCode: destination.zip ?? null,
      coordinates: null,
    },
    locations.map((l) => ({ ...l, city: l.city ?? null, zip: l.zip ?? null })),
    { approximate: true },
  );
  if (!placed.placed || placed.source === "coordinates") return null;
  return {
    point: placed.point,
    placement: placed.source === "postal-code" ? { source: "postal-code", precision: placed.precision } : { source: placed.source },
  };
}

/** The pickup store chosen at checkout: Shopify's PICK_UP fulfillment order's location, if any. */
export function pickupLocationOf(order: RoutableOrder): string | undefined {
  return order.fulfillmentOrders.find((fo) => fo.deliveryMethod === "PICK_UP" && fo.status !== "CANCELLED" && fo.locationId)?.locationId;
}

/** The checkout's delivery method decides; the product page's store (the attribute) is a hint. */
export function pickupSignalOf(order: RoutableOrder, locations: readonly LocationAttributes[]): PickupSignal {
  const chosen = parsePickupLocation(order.attributes[PICKUP_LOCATION_ATTRIBUTE]);
  const hintLocationId = chosen ? (locations.find((l) => l.shopifyId === chosen)?.shopifyId ?? null) : null;
  const checkout = pickupLocationOf(order);
  return checkout ? { decidedBy: "checkout-pickup", locationId: checkout, hintLocationId } : { decidedBy: "checkout-shipping", hintLocationId };
}
