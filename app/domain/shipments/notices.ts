/**
 * Which carrier events become emails: the shopper's (the statuses the merchant chose in Settings)
 * and the staff alert (the problems). Statuses are Shopify's FulfillmentEventStatus (2026-10 schema):
 * IN_TRANSIT "The fulfillment is in transit", OUT_FOR_DELIVERY, DELIVERED "successfully delivered",
 * ATTEMPTED_DELIVERY "A delivery was attempted", DELAYED "The fulfillment is delayed", FAILURE
 * "The fulfillment request failed", READY_FOR_PICKUP "ready to be picked up". The others
 * (CONFIRMED, LABEL_PURCHASED, LABEL_PRINTED, CARRIER_PICKED_UP) are stored, never emailed. Pure.
 */

/** The statuses a shopper can be emailed about, in the order a parcel meets them. */
export const SHIPMENT_EMAIL_STATUSES = ["IN_TRANSIT", "OUT_FOR_DELIVERY", "READY_FOR_PICKUP", "DELIVERED", "ATTEMPTED_DELIVERY", "DELAYED", "FAILURE"] as const;
export type ShipmentEmailStatus = (typeof SHIPMENT_EMAIL_STATUSES)[number];

/** The problems: staff are alerted to each, whatever the shopper is sent. */
export const STAFF_ALERT_STATUSES: readonly ShipmentEmailStatus[] = ["ATTEMPTED_DELIVERY", "DELAYED", "FAILURE"];

/**
 * The default choice: the problems. Shopify's own shipping notifications (shipping update, out for
 * delivery, delivered, ready for pickup) already cover the rest, and a shopper must not get both.
 * The database column's default (prisma/schema.prisma) is the same list.
 */
export const DEFAULT_SHIPMENT_EMAIL_STATUSES: readonly ShipmentEmailStatus[] = ["ATTEMPTED_DELIVERY", "DELAYED", "FAILURE"];

export function isShipmentEmailStatus(value: string): value is ShipmentEmailStatus {
  return (SHIPMENT_EMAIL_STATUSES as readonly string[]).includes(value);
}

/** Shopify's webhook carries the status in lower case ("in_transit"); the Admin API in upper case. */
export function fulfillmentEventStatus(raw: string): string {
  return raw.trim().toUpperCase();
}

export interface ShipmentNoticeDecision {
  /** The shopper gets this event's email (once per shipment and status). */
  shopper: ShipmentEmailStatus | null;
  /** Staff get an alert for it (once per shipment and status). */
  staff: ShipmentEmailStatus | null;
}

export interface StoredShipmentEvent {
  status: string;
  happenedAt: Date;
}

/**
 * What one event of a shipment leads to. `chosen`: the shop's setting. `later`: the shipment's other
 * events already known; a shopper is not told of a step the parcel has already left (a late
 * "in transit" after "delivered"), staff are told of every problem.
 */
export function decideShipmentNotice(event: StoredShipmentEvent, chosen: readonly string[], later: readonly StoredShipmentEvent[] = []): ShipmentNoticeDecision {
  const status = fulfillmentEventStatus(event.status);
  if (!isShipmentEmailStatus(status)) return { shopper: null, staff: null };
  const superseded = later.some((e) => e.happenedAt.getTime() > event.happenedAt.getTime() && isShipmentEmailStatus(fulfillmentEventStatus(e.status)));
  return {
    shopper: chosen.includes(status) && !superseded ? status : null,
    staff: STAFF_ALERT_STATUSES.includes(status) ? status : null,
  };
}

/** The once-only keys of the two emails: one per shipment (its numeric id) and status. */
export function shipmentEmailKey(kind: "shopper" | "staff", fulfillmentId: string, status: ShipmentEmailStatus): string {
  const id = fulfillmentId.replace(/^gid:\/\/shopify\/Fulfillment\//, "");
  return `${kind === "shopper" ? "shipment" : "shipment-alert"}:${status.toLowerCase()}:${id}`;
}

/** The settings form's value: the chosen statuses, known ones only, in the canonical order; null when one is unknown. */
export function parseShipmentEmailStatuses(raw: string): ShipmentEmailStatus[] | null {
  const parts = raw.split(",").map((p) => p.trim()).filter(Boolean);
  if (parts.some((p) => !isShipmentEmailStatus(p))) return null;
  return SHIPMENT_EMAIL_STATUSES.filter((s) => parts.includes(s));
}
