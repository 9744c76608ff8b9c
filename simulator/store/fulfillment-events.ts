/**
 * Fulfillment events (carrier tracking updates): `fulfillmentEventCreate`, and the events the
 * control API's status/deliver routes and the seed record. The newest event (by happenedAt) sets
 * the fulfillment's display status, as Shopify's shipment status follows the latest event.
 */
import { updateFulfillmentStatus } from "./fulfillments";
import type { FulfillmentDisplayStatus, FulfillmentEventRecord, FulfillmentEventStatus } from "./records";
import type { ShopState } from "./shop-state";
import { fail, type Outcome } from "./user-errors";

export const FULFILLMENT_EVENT_STATUSES: readonly FulfillmentEventStatus[] = [
  "ATTEMPTED_DELIVERY",
  "CARRIER_PICKED_UP",
  "CONFIRMED",
  "DELAYED",
  "DELIVERED",
  "FAILURE",
  "IN_TRANSIT",
  "LABEL_PRINTED",
  "LABEL_PURCHASED",
  "OUT_FOR_DELIVERY",
  "READY_FOR_PICKUP",
];

export function isFulfillmentEventStatus(status: string): status is FulfillmentEventStatus {
  return (FULFILLMENT_EVENT_STATUSES as readonly string[]).includes(status);
}

export interface NewFulfillmentEvent {
  status: FulfillmentEventStatus;
  happenedAt?: string | null;
  estimatedDeliveryAt?: string | null;
  message?: string | null;
  address1?: string | null;
  city?: string | null;
  province?: string | null;
  country?: string | null;
  zip?: string | null;
  latitude?: number | null;
  longitude?: number | null;
}

/** Stores an event and announces fulfillment_events/create; the fulfillment itself is not touched. */
export function recordFulfillmentEvent(shop: ShopState, fulfillmentId: number, input: NewFulfillmentEvent): FulfillmentEventRecord {
  const now = shop.now();
  const event: FulfillmentEventRecord = {
    __typename: "FulfillmentEvent",
    id: shop.nextId("FulfillmentEvent"),
    fulfillmentId,
    status: input.status,
    message: input.message ?? null,
    happenedAt: input.happenedAt ?? now,
    createdAt: shop.muted ? (input.happenedAt ?? now) : now,
    estimatedDeliveryAt: input.estimatedDeliveryAt ?? null,
    address1: input.address1 ?? null,
    city: input.city ?? null,
    province: input.province ?? null,
    country: input.country ?? null,
    zip: input.zip ?? null,
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
  };
  shop.fulfillmentEvents.set(event.id, event);
  shop.bump();
  shop.emit({ topic: "fulfillment_events/create", shop: shop.domain, fulfillmentEventId: event.id });
  return event;
}

/**
 * fulfillmentEventCreate: records the event; when it is the newest one, the fulfillment takes its
 * status (IN_TRANSIT sets inTransitAt, DELIVERED deliveredAt, …) and its estimated delivery time.
 */
export function createFulfillmentEvent(shop: ShopState, fulfillmentId: number | null, input: NewFulfillmentEvent): Outcome<FulfillmentEventRecord> {
  const fulfillment = fulfillmentId == null ? undefined : shop.fulfillments.get(fulfillmentId);
  if (!fulfillment) return fail(["fulfillmentEvent", "fulfillmentId"], "Fulfillment does not exist.");
  if (fulfillment.status === "CANCELLED") return fail(["fulfillmentEvent", "fulfillmentId"], "Fulfillment is cancelled.");
  if (input.happenedAt && Number.isNaN(Date.parse(input.happenedAt))) return fail(["fulfillmentEvent", "happenedAt"], "Happened at is invalid.");
  const event = recordFulfillmentEvent(shop, fulfillment.id, input);
  const newest = shop.eventsOf(fulfillment.id).at(-1);
  if (newest?.id === event.id) {
    const displayStatus: FulfillmentDisplayStatus = event.status;
    const result = updateFulfillmentStatus(shop, fulfillment.id, displayStatus, {
      at: event.happenedAt,
      ...(input.estimatedDeliveryAt !== undefined ? { estimatedDeliveryAt: input.estimatedDeliveryAt } : {}),
    });
    if (!result.ok) return fail(["fulfillmentEvent", "fulfillmentId"], result.error);
  }
  return { ok: true, value: event };
}
