/**
 * Builds a shop from SeedData: locations, catalogue and stock, customers, then each order replayed
 * into its state (fulfillment orders, fulfillments, cancellation) so that fulfillment orders,
 * fulfillments and committed stock agree.
 */
import type { SeedData, SeedFulfillment, SeedOrder, SeedReturn } from "../seed/types";
import { emptyQuantities, committedIndex } from "./inventory";
import { addLocation } from "./locations";
import { cancelOrder, createOrder } from "./orders";
import { createFulfillment, updateFulfillmentStatus } from "./fulfillments";
import { recordFulfillmentEvent } from "./fulfillment-events";
import { approveReturn, closeReturn, createReturn, declineReturn, returnableFulfillments, type ReturnLineInput } from "./returns";
import { processReturn } from "./return-processing";
import type { Outcome } from "./user-errors";
import type { FulfillmentOrderRecord, OrderRecord } from "./records";
import { levelKey, type ShopState } from "./shop-state";
import { gid } from "./ids";

export interface SeedResult {
  locations: number;
  products: number;
  variants: number;
  customers: number;
  orders: number;
  /** Differences between the seed's declared committed stock and what its open orders commit. */
  warnings: string[];
}

export interface SeedKeys {
  locations: Map<string, number>;
  variants: Map<string, number>;
  customers: Map<string, number>;
  orders: Map<string, number>;
}

export function seedShop(shop: ShopState, data: SeedData): SeedResult & { keys: SeedKeys } {
  return shop.silently(() => build(shop, data));
}

function build(shop: ShopState, data: SeedData): SeedResult & { keys: SeedKeys } {
  const keys: SeedKeys = { locations: new Map(), variants: new Map(), customers: new Map(), orders: new Map() };
  const epoch = earliest(data) ?? shop.now();
  Object.assign(shop.shop, {
    name: data.shop.name,
    email: data.shop.email,
    currencyCode: data.shop.currencyCode,
    ianaTimezone: data.shop.ianaTimezone,
    countryCode: data.shop.countryCode,
    createdAt: epoch,
  });

  for (const seed of data.locations) {
    const location = addLocation(shop, {
      name: seed.name,
      address: seed.address,
      fulfillsOnlineOrders: seed.fulfillsOnlineOrders,
      isActive: seed.isActive,
      localPickup: seed.localPickup,
      fulfillmentServiceManager: seed.fulfillmentServiceManager,
      createdAt: epoch,
    });
    keys.locations.set(seed.key, location.id);
  }

  for (const seed of data.markets ?? []) {
    const id = shop.nextId("Market");
    shop.markets.set(id, {
      __typename: "Market",
      id,
      name: seed.name,
      handle: seed.handle,
      status: seed.status,
      countries: seed.countries.map((code) => ({ id: shop.nextId("MarketRegionCountry"), code })),
      createdAt: epoch,
      updatedAt: epoch,
    });
  }

  const declaredCommitted = new Map<string, number>();
  const declaredOnHand = new Map<string, number>();
  for (const seed of data.products) {
    const productId = shop.nextId("Product");
    const variantIds: number[] = [];
    seed.variants.forEach((v, index) => {
      const variantId = shop.nextId("ProductVariant");
      const itemId = shop.nextId("InventoryItem");
      variantIds.push(variantId);
      keys.variants.set(v.key, variantId);
      shop.variants.set(variantId, {
        __typename: "ProductVariant",
        id: variantId,
        productId,
        inventoryItemId: itemId,
        title: v.title,
        sku: v.sku,
        barcode: v.barcode ?? null,
        price: v.price,
        position: index + 1,
        selectedOptions: v.selectedOptions,
        weightGrams: v.weightGrams,
        createdAt: epoch,
        updatedAt: epoch,
      });
      shop.inventoryItems.set(itemId, {
        __typename: "InventoryItem",
        id: itemId,
        variantId,
        sku: v.sku,
        tracked: true,
        requiresShipping: true,
        createdAt: epoch,
        updatedAt: epoch,
      });
      for (const [locationKey, stock] of Object.entries(v.inventory)) {
        const locationId = keys.locations.get(locationKey);
        if (locationId == null) throw new Error(`Variant ${v.key} stocks unknown location ${locationKey}`);
        shop.levels.set(levelKey(itemId, locationId), {
          __typename: "InventoryLevel",
          inventoryItemId: itemId,
          locationId,
          stored: { ...emptyQuantities(), on_hand: stock.onHand, incoming: stock.incoming ?? 0 },
          createdAt: epoch,
          updatedAt: epoch,
        });
        declaredOnHand.set(levelKey(itemId, locationId), stock.onHand);
        if (stock.committed != null) declaredCommitted.set(levelKey(itemId, locationId), stock.committed);
      }
    });
    shop.products.set(productId, {
      __typename: "Product",
      id: productId,
      title: seed.title,
      handle: seed.handle,
      vendor: seed.vendor,
      productType: seed.productType,
      tags: seed.tags,
      status: seed.status,
      options: seed.options,
      variantIds,
      descriptionHtml: "",
      createdAt: epoch,
      updatedAt: epoch,
    });
  }

  for (const seed of data.customers) {
    const id = shop.nextId("Customer");
    keys.customers.set(seed.key, id);
    shop.customers.set(id, {
      __typename: "Customer",
      id,
      firstName: seed.firstName,
      lastName: seed.lastName,
      email: seed.email,
      phone: seed.phone ?? null,
      locale: seed.locale ?? "en",
      tags: [],
      note: null,
      createdAt: epoch,
      updatedAt: epoch,
    });
  }
  shop.bump();

  const orders = [...data.orders].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.number - b.number);
  for (const seed of orders) keys.orders.set(seed.key, replayOrder(shop, seed, keys).id);
  // The seed's on-hand figures are today's: replayed fulfillments must not take their units again.
  for (const [key, onHand] of declaredOnHand) {
    const level = shop.levels.get(key);
    if (level) level.stored.on_hand = onHand;
  }
  shop.bump();

  const warnings: string[] = [];
  const committed = committedIndex(shop);
  for (const [key, declared] of declaredCommitted) {
    const actual = committed.get(key) ?? 0;
    if (actual !== declared) warnings.push(`level ${key}: seed declares committed ${declared}, open orders commit ${actual}`);
  }
  return {
    locations: data.locations.length,
    products: data.products.length,
    variants: keys.variants.size,
    customers: data.customers.length,
    orders: data.orders.length,
    warnings,
    keys,
  };
}

function replayOrder(shop: ShopState, seed: SeedOrder, keys: SeedKeys): OrderRecord {
  const location = (key: string): number => {
    const id = keys.locations.get(key);
    if (id == null) throw new Error(`Order ${seed.key} refers to unknown location ${key}`);
    return id;
  };
  const created = createOrder(shop, {
    number: seed.number,
    createdAt: seed.createdAt,
    customer: { id: keys.customers.get(seed.customerKey) },
    email: seed.email,
    phone: seed.phone ?? null,
    shippingAddress: seed.shippingAddress,
    lines: seed.lines.map((line) => {
      const variantId = keys.variants.get(line.variantKey);
      if (variantId == null) throw new Error(`Order ${seed.key} refers to unknown variant ${line.variantKey}`);
      return { variantId, quantity: line.quantity };
    }),
    deliveryMethod: seed.deliveryMethod,
    assignedLocationId: location(seed.deliveryMethod === "PICK_UP" ? (seed.pickupLocationKey ?? seed.assignedLocationKey) : seed.assignedLocationKey),
    // A location-valued attribute gets the GID this shop gave the location, as the storefront block writes it.
    noteAttributes: seed.noteAttributes.map((a) => ("locationKey" in a ? { name: a.name, value: gid("Location", location(a.locationKey)) } : a)),
    tags: seed.tags,
    note: seed.note ?? null,
    financialStatus: seed.financialStatus,
    presentment: seed.presentment ?? null,
  });
  if (!created.ok) throw new Error(`Order ${seed.key}: ${created.error}`);
  const order = created.value;
  const fo = shop.fulfillmentOrdersOf(order.id)[0]!;

  let fulfillments = seed.fulfillments;
  if (fulfillments.length === 0 && ["fulfilled", "delivered", "picked_up", "ready_for_pickup"].includes(seed.state)) {
    const status = ({ fulfilled: "IN_TRANSIT", delivered: "DELIVERED", picked_up: "PICKED_UP", ready_for_pickup: "READY_FOR_PICKUP" } as const)[
      seed.state as "fulfilled" | "delivered" | "picked_up" | "ready_for_pickup"
    ];
    fulfillments = [{ lines: seed.lines, status, createdAt: seed.createdAt }];
  }
  for (const f of fulfillments) replayFulfillment(shop, seed, order, fo, f, keys);
  for (const r of seed.returns ?? []) replayReturn(shop, seed, order, r, keys);

  if (seed.state === "cancelled") {
    const result = cancelOrder(shop, order.id, seed.cancelReason ?? "OTHER", { at: seed.cancelledAt ?? seed.createdAt });
    if (!result.ok) throw new Error(`Order ${seed.key}: ${result.error}`);
  }
  const times = [
    seed.createdAt,
    seed.cancelledAt,
    ...fulfillments.flatMap((f) => [f.createdAt, f.inTransitAt, f.deliveredAt]),
    ...(seed.returns ?? []).flatMap((r) => [r.requestedAt, r.approvedAt, r.closedAt]),
  ];
  order.updatedAt = times.filter((t): t is string => Boolean(t)).sort().at(-1) ?? seed.createdAt;
  return order;
}

function replayFulfillment(
  shop: ShopState,
  seed: SeedOrder,
  order: OrderRecord,
  fo: FulfillmentOrderRecord,
  f: SeedFulfillment,
  keys: SeedKeys,
): void {
  const lines = f.lines.map((line) => {
    const variantId = keys.variants.get(line.variantKey);
    const foLine = fo.lineItems.find((l) => {
      const li = order.lineItems.find((x) => x.id === l.lineItemId);
      return li?.variantId === variantId && l.remainingQuantity >= line.quantity;
    });
    if (!foLine) throw new Error(`Order ${seed.key}: fulfillment line ${line.variantKey} × ${line.quantity} exceeds what is left to fulfil`);
    return { fulfillmentOrderLineItemId: foLine.id, quantity: line.quantity };
  });
  const pickedUp = f.status === "PICKED_UP";
  const result = createFulfillment(shop, {
    fulfillmentOrderId: fo.id,
    lines,
    tracking: { company: f.trackingCompany, number: f.trackingNumber, url: f.trackingUrl },
    displayStatus: pickedUp ? "READY_FOR_PICKUP" : f.status,
    createdAt: f.createdAt,
    inTransitAt: f.inTransitAt ?? null,
    estimatedDeliveryAt: f.estimatedDeliveryAt ?? null,
    deliveredAt: f.deliveredAt ?? null,
  });
  if (!result.ok) throw new Error(`Order ${seed.key}: ${result.error}`);
  if (pickedUp) updateFulfillmentStatus(shop, result.value.id, "PICKED_UP", { at: f.deliveredAt ?? f.createdAt });
  // The carrier's scans, as fulfillment events (the tracking history the portal shows).
  if (f.inTransitAt) recordFulfillmentEvent(shop, result.value.id, { status: "IN_TRANSIT", happenedAt: f.inTransitAt, estimatedDeliveryAt: f.estimatedDeliveryAt ?? null });
  if (f.status === "DELIVERED" && f.deliveredAt) recordFulfillmentEvent(shop, result.value.id, { status: "DELIVERED", happenedAt: f.deliveredAt });
}

function replayReturn(shop: ShopState, seed: SeedOrder, order: OrderRecord, r: SeedReturn, keys: SeedKeys): void {
  const must = <T>(result: Outcome<T>): T => {
    if (!result.ok) throw new Error(`Order ${seed.key} return: ${result.userErrors.map((e) => e.message).join(" ")}`);
    return result.value;
  };
  const returnable = returnableFulfillments(shop, order.id).flatMap((rf) => rf.lines);
  const lines: ReturnLineInput[] = r.lines.map((line) => {
    const variantId = keys.variants.get(line.variantKey);
    const candidate = returnable.find((c) => shop.lineItem(c.line.lineItemId)?.line.variantId === variantId && c.quantity >= line.quantity);
    if (!candidate) throw new Error(`Order ${seed.key}: return line ${line.variantKey} × ${line.quantity} exceeds what was fulfilled`);
    candidate.quantity -= line.quantity;
    return { fulfillmentLineItemId: candidate.line.id, quantity: line.quantity, returnReason: line.returnReason, customerNote: line.customerNote ?? null };
  });
  const ret = must(createReturn(shop, { fieldRoot: "returnInput", status: "REQUESTED", orderId: order.id, lines, createdAt: r.requestedAt }));
  if (r.status === "DECLINED") {
    must(declineReturn(shop, ret.id, { reason: r.decline?.reason ?? "OTHER", note: r.decline?.note ?? null, at: r.requestedAt }));
    return;
  }
  if (r.status === "REQUESTED") return;
  const approvedAt = r.approvedAt ?? r.requestedAt;
  must(approveReturn(shop, ret.id, { at: approvedAt }));
  if (r.status !== "CLOSED") return;
  const locationId = r.restockLocationKey == null ? undefined : keys.locations.get(r.restockLocationKey);
  if (r.restockLocationKey != null && locationId == null) throw new Error(`Order ${seed.key}: return restocks at unknown location ${r.restockLocationKey}`);
  // A closed return was processed (its items confirmed and disposed) before it was closed.
  const rfoLines = shop.reverseFulfillmentOrdersOf(ret.id).flatMap((rfo) => rfo.lineItems);
  must(
    processReturn(shop, {
      returnId: ret.id,
      lines: ret.lineItems.map((line) => ({
        id: line.id,
        quantity: line.quantity,
        dispositions: rfoLines
          .filter((l) => l.returnLineItemId === line.id)
          .map((l) => ({
            reverseFulfillmentOrderLineItemId: l.id,
            quantity: l.totalQuantity,
            dispositionType: locationId == null ? ("NOT_RESTOCKED" as const) : ("RESTOCKED" as const),
            ...(locationId == null ? {} : { locationId }),
          })),
      })),
      at: r.closedAt ?? approvedAt,
    }),
  );
  must(closeReturn(shop, ret.id, { at: r.closedAt ?? approvedAt }));
}

function earliest(data: SeedData): string | undefined {
  return data.orders.map((o) => o.createdAt).sort()[0];
}
