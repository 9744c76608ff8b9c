import { defaultCostModel, strategyLabels } from "~/domain/routing/catalog";
import {
  cartVariantLabel,
  CUSTOM_CART_NAME,
  customCartOrder,
  describePlacement,
  placementFacts,
  type PlacementFacts,
  placeAddress,
  validateCustomCart,
  type CustomCartFields,
  type FieldErrors,
} from "~/domain/routing/custom-cart";
import { planMetrics } from "~/domain/routing/metrics";
import { toRoutingInput } from "~/domain/routing/order-input";
import type { GeoPoint } from "~/domain/routing/types";
import { listLocations } from "~/models/locations.server";
import { listMarkets } from "~/models/markets.server";
import type { ShopRef } from "~/models/scope.server";
import { getShopSettings } from "~/models/shops.server";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import { fetchCartVariants } from "~/shopify/cart-variants";
import { resilientGraphql } from "~/shopify/resilient-graphql";
import { strategyFor, type RoutingPreview } from "./preview-routing.server";
import { loadOrdersToday, loadRoutingStock, loadShopRules, toLocationAttributes } from "./routing-context.server";

export type CustomCartPreview =
  | { status: "invalid"; errors: FieldErrors; labels: Record<string, string> }
  | {
      status: "previewed";
      /** The same view model as a recent order's preview (plan, explanation, map). */
      preview: Exclude<RoutingPreview, { status: "not-found" }>;
      /** Where the destination was placed and how. */
      placement: string;
      /** The same, as facts for the page's words: a pickup store, or how the address was placed. */
      place: { how: "pickup"; store: string } | PlacementFacts;
      labels: Record<string, string>;
    };

/**
 * "Where would an order of these items to this address go?": the typed cart checked against the
 * shop (its variants, its pickup locations), the address placed, and the chosen strategies run on
 * today's live stock and today's load, exactly as a new order would be routed. Writes nothing: no
 * Admin API mutation, no routing decision.
 */
export async function previewCustomCart(input: {
  shop: ShopRef;
  graphql: AdminGraphql;
  fields: CustomCartFields;
  now?: Date;
}): Promise<CustomCartPreview> {
  const graphql = resilientGraphql(input.graphql);
  const [variants, locations, settings] = await Promise.all([
    fetchCartVariants(graphql, input.fields.lines.map((l) => l.variantId)),
    listLocations(input.shop),
    getShopSettings(input.shop),
  ]);
  const labels = Object.fromEntries([...variants.values()].map((v) => [v.id, cartVariantLabel(v)]));
  const pickupLocations = locations.filter((l) => l.isActive && l.pickupEnabled);
  const validated = validateCustomCart(input.fields, {
    knownVariantIds: new Set(variants.keys()),
    pickupLocationIds: new Set(pickupLocations.map((l) => l.shopifyId)),
  });
  if (!validated.ok) return { status: "invalid", errors: validated.errors, labels };
  const { cart } = validated;

  let destination: { point: GeoPoint; countryCode: string | null };
  let placement: string;
  let place: { how: "pickup"; store: string } | PlacementFacts;
  if (cart.destination.method === "pickup") {
    const pickupId = cart.destination.pickupLocationId;
    const store = pickupLocations.find((l) => l.shopifyId === pickupId)!;
    if (store.latitude === null || store.longitude === null) {
      return { status: "invalid", errors: { pickupLocationId: "This location has no coordinates: check its address in Shopify" }, labels };
    }
    destination = { point: { lat: store.latitude, lon: store.longitude }, countryCode: store.countryCode };
    placement = `Pickup at ${store.name}`;
    place = { how: "pickup", store: store.name };
  } else {
    const placed = placeAddress(cart.destination, locations);
    if (!placed.placed) return { status: "invalid", errors: { postalCode: placed.reason }, labels };
    destination = { point: placed.point, countryCode: cart.destination.countryCode };
    placement = describePlacement(placed, cart.destination);
    place = placementFacts(placed, cart.destination);
  }

  const now = input.now ?? new Date();
  const variantIds = cart.lines.map((l) => l.variantId);
  const [stock, ordersToday, { config: rules }, markets] = await Promise.all([
    loadRoutingStock(input.shop, graphql, variantIds),
    loadOrdersToday(input.shop, now),
    loadShopRules(input.shop),
    listMarkets(input.shop),
  ]);
  const order = customCartOrder(cart, variants, destination, now);
  const built = toRoutingInput(order, locations.map(toLocationAttributes), stock.stock, { defaultStockBuffer: settings.stockBuffer, ordersToday, stockAsOf: stock.asOf, markets });
  if (built.status === "not-routable") {
    return { status: "previewed", preview: { status: "not-routable", orderName: CUSTOM_CART_NAME, reason: built.reason }, placement, place, labels };
  }
  return {
    status: "previewed",
    placement,
    place,
    labels,
    preview: {
      status: "ok",
      orderName: CUSTOM_CART_NAME,
      input: built.input,
      lineLabels: Object.fromEntries(order.lines.map((l) => [l.id, labels[l.variantId!] ?? l.variantId!])),
      results: cart.choices.map((choice) => {
        const plan = strategyFor(choice, rules).route(built.input);
        return { choice, label: strategyLabels[choice], plan, metrics: planMetrics(built.input, plan, defaultCostModel) };
      }),
    },
  };
}

/** What the custom-cart form offers: the shop's active locations that offer local pickup. */
export async function customCartOptions(shop: ShopRef): Promise<{ pickupLocations: { id: string; name: string }[] }> {
  const locations = await listLocations(shop);
  return {
    pickupLocations: locations.filter((l) => l.isActive && l.pickupEnabled).map((l) => ({ id: l.shopifyId, name: l.name })),
  };
}
