// Carrier events of shipments (fulfillment_events/create): one row per shop and Shopify event, so a
// delivery received twice stores one event.
import type { ShipmentEvent } from "@prisma/client";
import { prisma } from "../db.server";
import type { Db, ShopRef } from "./scope.server";

export type { ShipmentEvent };

export interface NewShipmentEvent {
  shopifyEventId: string;
  fulfillmentId: string;
  orderId: string;
  status: string;
  message: string | null;
  happenedAt: Date;
  estimatedDeliveryAt: Date | null;
}

/** Stores the event unless the shop has it already (INSERT … ON CONFLICT DO NOTHING); true when this call stored it. */
export async function recordShipmentEvent(shop: ShopRef, event: NewShipmentEvent, db: Db = prisma): Promise<boolean> {
  const { count } = await db.shipmentEvent.createMany({ data: [{ shopId: shop.id, ...event }], skipDuplicates: true });
  return count === 1;
}

/** The shipment's events, oldest first. */
export async function listShipmentEvents(shop: ShopRef, fulfillmentId: string, db: Db = prisma): Promise<ShipmentEvent[]> {
  return db.shipmentEvent.findMany({ where: { shopId: shop.id, fulfillmentId }, orderBy: [{ happenedAt: "asc" }, { createdAt: "asc" }] });
}

/** The carrier events of these orders, oldest first (customers/data_request exports them). */
export async function listShipmentEventsOfOrders(shop: ShopRef, orderIds: readonly string[], db: Db = prisma): Promise<ShipmentEvent[]> {
  if (orderIds.length === 0) return [];
  return db.shipmentEvent.findMany({
    where: { shopId: shop.id, orderId: { in: [...orderIds] } },
    orderBy: [{ happenedAt: "asc" }, { createdAt: "asc" }],
  });
}

/** customers/redact: the carrier's messages about these orders may name the shopper; their events go. */
export async function deleteShipmentEventsOfOrders(shop: ShopRef, orderIds: readonly string[], db: Db = prisma): Promise<number> {
  if (orderIds.length === 0) return 0;
  const { count } = await db.shipmentEvent.deleteMany({ where: { shopId: shop.id, orderId: { in: [...orderIds] } } });
  return count;
}
