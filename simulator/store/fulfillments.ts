/** Fulfillments: creating them against fulfillment orders and moving them through delivery. */
import { ensureLevel, trackInventory } from "./inventory";
import { displayFulfillmentStatus, touchOrder, type Result } from "./orders";
import type { FulfillmentDisplayStatus, FulfillmentOrderRecord, FulfillmentRecord } from "./records";
import type { ShopState } from "./shop-state";

export interface NewFulfillment {
  fulfillmentOrderId: number;
  /** Fulfillment order line items and quantities; all remaining units when omitted. */
  lines?: { fulfillmentOrderLineItemId: number; quantity: number }[];
  tracking?: { company?: string | null; number?: string | null; url?: string | null } | null;
  displayStatus?: FulfillmentDisplayStatus;
  createdAt?: string;
  inTransitAt?: string | null;
  estimatedDeliveryAt?: string | null;
  deliveredAt?: string | null;
}

const OPEN_FO = new Set(["OPEN", "IN_PROGRESS"]);

/**
 * Creates a fulfillment. A READY_FOR_PICKUP fulfillment holds the units (status OPEN, stock stays
 * committed, the fulfillment order is IN_PROGRESS) until it is picked up; any other display status
 * is a successful fulfillment: units leave the fulfillment order and on-hand stock.
 */
export function createFulfillment(shop: ShopState, input: NewFulfillment): Result<FulfillmentRecord> {
  const fo = shop.fulfillmentOrders.get(input.fulfillmentOrderId);
  if (!fo) return { ok: false, error: "Fulfillment order does not exist" };
  if (!OPEN_FO.has(fo.status)) return { ok: false, error: `Fulfillment order is ${fo.status}` };
  const order = shop.orders.get(fo.orderId)!;
  const wanted = input.lines ?? fo.lineItems.filter((l) => l.remainingQuantity > 0).map((l) => ({
    fulfillmentOrderLineItemId: l.id,
    quantity: l.remainingQuantity,
  }));
  for (const line of wanted) {
    const foLine = fo.lineItems.find((l) => l.id === line.fulfillmentOrderLineItemId);
    if (!foLine) return { ok: false, error: `Fulfillment order line item ${line.fulfillmentOrderLineItemId} does not exist` };
    if (line.quantity <= 0 || line.quantity > foLine.remainingQuantity) {
      return { ok: false, error: `Invalid quantity ${line.quantity} for line ${foLine.id} (remaining ${foLine.remainingQuantity})` };
    }
  }
  if (wanted.length === 0) return { ok: false, error: "Nothing left to fulfil" };
  const displayStatus = input.displayStatus ?? "CONFIRMED";
  const createdAt = input.createdAt ?? shop.now();
  const sequence = shop.fulfillmentsOf(order.id).length + 1;
  const tracking = input.tracking;
  const fulfillment: FulfillmentRecord = {
    __typename: "Fulfillment",
    id: shop.nextId("Fulfillment"),
    orderId: order.id,
    name: `${order.name}.${sequence}`,
    locationId: fo.assignedLocationId,
    fulfillmentOrderIds: [fo.id],
    status: displayStatus === "READY_FOR_PICKUP" ? "OPEN" : "SUCCESS",
    displayStatus,
    tracking:
      tracking && (tracking.number || tracking.company || tracking.url)
        ? [{ company: tracking.company ?? null, number: tracking.number ?? null, url: tracking.url ?? null }]
        : [],
    lines: wanted.map((line) => ({
      __typename: "FulfillmentLineItem",
      id: shop.nextId("FulfillmentLineItem"),
      lineItemId: fo.lineItems.find((l) => l.id === line.fulfillmentOrderLineItemId)!.lineItemId,
      fulfillmentOrderLineItemId: line.fulfillmentOrderLineItemId,
      quantity: line.quantity,
    })),
    createdAt,
    updatedAt: createdAt,
    inTransitAt: input.inTransitAt ?? (displayStatus === "IN_TRANSIT" ? createdAt : null),
    estimatedDeliveryAt: input.estimatedDeliveryAt ?? null,
    deliveredAt: input.deliveredAt ?? (displayStatus === "DELIVERED" ? createdAt : null),
  };
  const before = displayFulfillmentStatus(shop, order);
  trackInventory(shop, () => {
    shop.fulfillments.set(fulfillment.id, fulfillment);
    shop.bump();
    if (fulfillment.status === "SUCCESS") consumeUnits(shop, fo, fulfillment);
    else fo.status = "IN_PROGRESS";
    fo.updatedAt = createdAt;
    touchOrder(shop, order, createdAt);
  });
  shop.emit({ topic: "fulfillments/create", shop: shop.domain, fulfillmentId: fulfillment.id });
  announceOrderProgress(shop, order.id, before);
  return { ok: true, value: fulfillment };
}

/** Takes a successful fulfillment's units off its fulfillment order and on-hand stock. */
function consumeUnits(shop: ShopState, fo: FulfillmentOrderRecord, fulfillment: FulfillmentRecord): void {
  for (const line of fulfillment.lines) {
    const foLine = fo.lineItems.find((l) => l.id === line.fulfillmentOrderLineItemId);
    if (foLine) foLine.remainingQuantity -= line.quantity;
    const variantId = shop.lineItem(line.lineItemId)?.line.variantId;
    const variant = variantId == null ? undefined : shop.variants.get(variantId);
    if (variant) ensureLevel(shop, variant.inventoryItemId, fo.assignedLocationId).stored.on_hand -= line.quantity;
  }
  fo.status = fo.lineItems.every((l) => l.remainingQuantity === 0) ? "CLOSED" : "IN_PROGRESS";
  shop.bump();
}

/** Moves a fulfillment along (IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERED, PICKED_UP, …). */
export function updateFulfillmentStatus(
  shop: ShopState,
  fulfillmentId: number,
  displayStatus: FulfillmentDisplayStatus,
  options: { at?: string; estimatedDeliveryAt?: string | null } = {},
): Result<FulfillmentRecord> {
  const fulfillment = shop.fulfillments.get(fulfillmentId);
  if (!fulfillment) return { ok: false, error: "Fulfillment does not exist" };
  if (fulfillment.status === "CANCELLED") return { ok: false, error: "Fulfillment is cancelled" };
  const order = shop.orders.get(fulfillment.orderId)!;
  const at = options.at ?? shop.now();
  const before = displayFulfillmentStatus(shop, order);
  trackInventory(shop, () => {
    if (fulfillment.status === "OPEN" && displayStatus !== "READY_FOR_PICKUP") {
      fulfillment.status = "SUCCESS";
      const fo = shop.fulfillmentOrders.get(fulfillment.fulfillmentOrderIds[0] ?? -1);
      if (fo) consumeUnits(shop, fo, fulfillment);
    }
    fulfillment.displayStatus = displayStatus;
    if (displayStatus === "IN_TRANSIT" && !fulfillment.inTransitAt) fulfillment.inTransitAt = at;
    if (displayStatus === "DELIVERED" || displayStatus === "PICKED_UP") fulfillment.deliveredAt = at;
    if (options.estimatedDeliveryAt !== undefined) fulfillment.estimatedDeliveryAt = options.estimatedDeliveryAt;
    fulfillment.updatedAt = at;
    touchOrder(shop, order, at);
  });
  shop.emit({ topic: "fulfillments/update", shop: shop.domain, fulfillmentId: fulfillment.id });
  announceOrderProgress(shop, order.id, before);
  return { ok: true, value: fulfillment };
}

function announceOrderProgress(shop: ShopState, orderId: number, before: string): void {
  const order = shop.orders.get(orderId)!;
  const after = displayFulfillmentStatus(shop, order);
  if (after !== before && after === "FULFILLED") shop.emit({ topic: "orders/fulfilled", shop: shop.domain, orderId });
  if (after !== before && after === "PARTIALLY_FULFILLED") {
    shop.emit({ topic: "orders/partially_fulfilled", shop: shop.domain, orderId });
  }
  shop.emit({ topic: "orders/updated", shop: shop.domain, orderId });
}
