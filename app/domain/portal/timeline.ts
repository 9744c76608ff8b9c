/**
 * The order tracking timeline of the customer portal: from what the Admin API says about an order
 * (fulfillment orders, fulfillments with their display status and events, cancellation, refund) to
 * the ordered steps a shopper sees, plus one card per shipment or pickup. Pure; the portal
 * translates the step keys.
 */

type Instant = Date | string;

export type TrackingStepKey =
  | "placed"
  | "processing"
  | "ready_for_pickup"
  | "shipped"
  | "in_transit"
  | "out_for_delivery"
  | "delivered"
  | "picked_up"
  | "cancelled"
  | "refunded";

export type TrackingStepState = "done" | "current" | "upcoming";

export interface TrackingStep {
  key: TrackingStepKey;
  state: TrackingStepState;
  /** ISO time the step was reached (by every shipment when done, by the first when partial); null if unknown. */
  at: string | null;
  /** With several shipments: how many reached this step. Absent with one or none. */
  progress?: { reached: number; total: number };
}

/** A problem the carrier reported on a shipment, shown beside its current step. */
export type ShipmentIssue = "delayed" | "attempted_delivery" | "failure" | "not_delivered" | "on_hold";

export interface TrackingItem {
  lineItemId: string;
  title: string;
  variantTitle?: string | null;
  quantity: number;
  imageUrl?: string | null;
}

export interface TrackingEventFacts {
  /** Shopify's FulfillmentEventStatus: IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERED, DELAYED … */
  status: string;
  happenedAt: Instant;
  message?: string | null;
}

/** A fulfillment (a parcel, or goods handed over at a store). */
export interface FulfillmentFacts {
  id: string;
  createdAt: Instant;
  /** Shopify's FulfillmentDisplayStatus (IN_TRANSIT, DELIVERED, READY_FOR_PICKUP, PICKED_UP, CANCELED …). */
  displayStatus?: string | null;
  /** Shopify's FulfillmentStatus (SUCCESS, CANCELLED, ERROR, FAILURE …). */
  status?: string | null;
  inTransitAt?: Instant | null;
  deliveredAt?: Instant | null;
  estimatedDeliveryAt?: Instant | null;
  trackingInfo?: ReadonlyArray<{ company?: string | null; number?: string | null; url?: string | null }>;
  events?: readonly TrackingEventFacts[];
  items: readonly TrackingItem[];
  /** The delivery method of the fulfillment order it came from (SHIPPING, PICK_UP, LOCAL …). */
  deliveryMethod?: string | null;
  /** The location it left from, or the pickup store. */
  locationName?: string | null;
}

/** A fulfillment order with what is still to be fulfilled on it. */
export interface FulfillmentOrderFacts {
  id: string;
  /** Shopify's FulfillmentOrderStatus (OPEN, IN_PROGRESS, ON_HOLD, SCHEDULED, CLOSED, CANCELLED, INCOMPLETE). */
  status: string;
  /** Shopify's DeliveryMethodType: SHIPPING, PICK_UP, LOCAL, RETAIL … */
  deliveryMethod: string;
  locationName?: string | null;
  /** Items not yet fulfilled (remaining quantity > 0). */
  remainingItems: readonly TrackingItem[];
  /** For pickup: when the store marked the items ready, and when the shopper collected them. */
  readyForPickupAt?: Instant | null;
  pickedUpAt?: Instant | null;
}

export interface OrderTrackingFacts {
  createdAt: Instant;
  cancelledAt?: Instant | null;
  /** When the order was fully refunded, if it was. */
  refundedAt?: Instant | null;
  fulfillmentOrders: readonly FulfillmentOrderFacts[];
  fulfillments: readonly FulfillmentFacts[];
}

export type ShipmentKind = "shipment" | "pickup" | "unfulfilled";
export type ShipmentStage =
  | "processing"
  | "ready_for_pickup"
  | "shipped"
  | "in_transit"
  | "out_for_delivery"
  | "delivered"
  | "picked_up"
  | "cancelled";

export interface ShipmentCard {
  /** Fulfillment GID for shipments and collected pickups, fulfillment order GID otherwise. */
  id: string;
  kind: ShipmentKind;
  stage: ShipmentStage;
  issue: ShipmentIssue | null;
  steps: TrackingStep[];
  tracking: Array<{ company: string | null; number: string | null; url: string | null }>;
  estimatedDeliveryAt: string | null;
  locationName: string | null;
  items: TrackingItem[];
  /** Carrier events, newest first. */
  events: Array<{ status: string; at: string; message: string | null }>;
}

export interface OrderTimeline {
  deliveryMethod: "shipping" | "pickup";
  steps: TrackingStep[];
  /** Shipments first (in the order they were created), then pickups, then what is not yet fulfilled. */
  shipments: ShipmentCard[];
  /** The key of the current step, for a one-line summary. */
  current: TrackingStepKey;
}

const SHIPPING_PATH = ["placed", "processing", "shipped", "in_transit", "out_for_delivery", "delivered"] as const;
const PICKUP_PATH = ["placed", "processing", "ready_for_pickup", "picked_up"] as const;

const DISPLAY_STAGE: Record<string, { stage: ShipmentStage; issue?: ShipmentIssue }> = {
  SUBMITTED: { stage: "shipped" },
  CONFIRMED: { stage: "shipped" },
  LABEL_PURCHASED: { stage: "shipped" },
  LABEL_PRINTED: { stage: "shipped" },
  LABEL_VOIDED: { stage: "shipped" },
  FULFILLED: { stage: "shipped" },
  MARKED_AS_FULFILLED: { stage: "shipped" },
  CARRIER_PICKED_UP: { stage: "in_transit" },
  IN_TRANSIT: { stage: "in_transit" },
  DELAYED: { stage: "in_transit", issue: "delayed" },
  ATTEMPTED_DELIVERY: { stage: "in_transit", issue: "attempted_delivery" },
  FAILURE: { stage: "in_transit", issue: "failure" },
  NOT_DELIVERED: { stage: "in_transit", issue: "not_delivered" },
  OUT_FOR_DELIVERY: { stage: "out_for_delivery" },
  DELIVERED: { stage: "delivered" },
  READY_FOR_PICKUP: { stage: "ready_for_pickup" },
  PICKED_UP: { stage: "picked_up" },
  CANCELED: { stage: "cancelled" },
};

/** Which event statuses mark the first arrival at a stage. */
const EVENT_STAGE: Record<string, ShipmentStage> = {
  LABEL_PRINTED: "shipped",
  LABEL_PURCHASED: "shipped",
  CONFIRMED: "shipped",
  CARRIER_PICKED_UP: "in_transit",
  IN_TRANSIT: "in_transit",
  DELAYED: "in_transit",
  OUT_FOR_DELIVERY: "out_for_delivery",
  ATTEMPTED_DELIVERY: "out_for_delivery",
  DELIVERED: "delivered",
  READY_FOR_PICKUP: "ready_for_pickup",
};

const iso = (value: Instant | null | undefined): string | null => (value == null ? null : new Date(value).toISOString());

function isPickupMethod(method: string | null | undefined): boolean {
  return method === "PICK_UP" || method === "PICKUP_POINT";
}

/** Builds the shopper's view of an order's progress. */
export function buildOrderTimeline(order: OrderTrackingFacts): OrderTimeline {
  const cards = [
    ...order.fulfillments.map(fulfillmentCard),
    ...order.fulfillmentOrders.map(openFulfillmentOrderCard).filter((c): c is ShipmentCard => c !== null),
  ];
  const kindRank: Record<ShipmentKind, number> = { shipment: 0, pickup: 1, unfulfilled: 2 };
  const shipments = cards
    .map((card, index) => ({ card, index }))
    .sort((a, b) => kindRank[a.card.kind] - kindRank[b.card.kind] || a.index - b.index)
    .map((x) => x.card);

  const live = shipments.filter((c) => c.stage !== "cancelled");
  const deliveryMethod: OrderTimeline["deliveryMethod"] =
    live.length > 0 && live.every((c) => c.kind === "pickup" || (c.kind === "unfulfilled" && isPickupCard(c, order)))
      ? "pickup"
      : order.fulfillmentOrders.length > 0 && order.fulfillmentOrders.every((fo) => isPickupMethod(fo.deliveryMethod))
        ? "pickup"
        : "shipping";
  const path: readonly TrackingStepKey[] = deliveryMethod === "pickup" ? PICKUP_PATH : SHIPPING_PATH;

  // How far each live card got along the order's path.
  const cardIndex = (card: ShipmentCard) => Math.max(1, path.indexOf(stageOnPath(card.stage, deliveryMethod)));
  const reachedAt = (card: ShipmentCard, key: TrackingStepKey) => card.steps.find((s) => s.key === key)?.at ?? null;

  const steps: TrackingStep[] = path.map((key, i) => {
    if (i === 0) return { key, state: "upcoming", at: iso(order.createdAt) };
    const reachedBy = live.filter((c) => cardIndex(c) >= i);
    const times = reachedBy.map((c) => reachedAt(c, key)).filter((t): t is string => t !== null).sort();
    const all = live.length > 0 && reachedBy.length === live.length;
    const at = i === 1 ? null : all ? (times.length === reachedBy.length ? times[times.length - 1]! : null) : (times[0] ?? null);
    const step: TrackingStep = { key, state: "upcoming", at };
    if (live.length > 1 && i > 1) step.progress = { reached: reachedBy.length, total: live.length };
    return step;
  });
  const furthest = live.length ? Math.max(...live.map(cardIndex)) : 1;

  // A cancelled or refunded order stops where it got to: steps that will never happen are dropped.
  // Cancelled before anything left: "placed → cancelled".
  const extra: TrackingStep[] = [];
  if (order.cancelledAt) {
    const anythingSent = live.some((c) => c.kind !== "unfulfilled" && c.stage !== "processing");
    steps.splice((anythingSent ? furthest : 0) + 1);
    extra.push({ key: "cancelled", state: "upcoming", at: iso(order.cancelledAt) });
  }
  if (order.refundedAt) {
    steps.splice(furthest + 1);
    extra.push({ key: "refunded", state: "upcoming", at: iso(order.refundedAt) });
  }
  const all = [...steps, ...extra];
  const currentIndex = extra.length ? all.length - 1 : furthest;
  all.forEach((s, i) => (s.state = i < currentIndex ? "done" : i === currentIndex ? "current" : "upcoming"));
  for (const s of all) if (s.state === "upcoming") s.at = null;
  return { deliveryMethod, steps: all, shipments, current: all[currentIndex]!.key };
}

function isPickupCard(card: ShipmentCard, order: OrderTrackingFacts): boolean {
  const fo = order.fulfillmentOrders.find((f) => f.id === card.id);
  return fo ? isPickupMethod(fo.deliveryMethod) : false;
}

/** Maps a card's stage onto the order path of the given method (pickup cards on a shipping order count as delivered when collected). */
function stageOnPath(stage: ShipmentStage, method: OrderTimeline["deliveryMethod"]): TrackingStepKey {
  if (method === "pickup") {
    if (stage === "picked_up" || stage === "delivered") return "picked_up";
    if (stage === "ready_for_pickup") return "ready_for_pickup";
    return stage === "processing" ? "processing" : "ready_for_pickup";
  }
  if (stage === "picked_up") return "delivered";
  if (stage === "ready_for_pickup") return "out_for_delivery";
  if (stage === "cancelled") return "processing";
  return stage;
}

function fulfillmentCard(f: FulfillmentFacts): ShipmentCard {
  const cancelled = f.status === "CANCELLED" || f.displayStatus === "CANCELED";
  const mapped = f.displayStatus ? DISPLAY_STAGE[f.displayStatus] : undefined;
  const pickup =
    isPickupMethod(f.deliveryMethod) || f.displayStatus === "READY_FOR_PICKUP" || f.displayStatus === "PICKED_UP";
  const events = [...(f.events ?? [])]
    .map((e) => ({ status: e.status, at: new Date(e.happenedAt).toISOString(), message: e.message ?? null }))
    .sort((a, b) => a.at.localeCompare(b.at));
  const firstEvent = (stage: ShipmentStage) => events.find((e) => EVENT_STAGE[e.status] === stage)?.at ?? null;

  let stage: ShipmentStage;
  if (cancelled) stage = "cancelled";
  else if (f.deliveredAt) stage = pickup ? "picked_up" : "delivered";
  else if (mapped) stage = mapped.stage;
  else {
    const latest = [...events].reverse().find((e) => EVENT_STAGE[e.status]);
    stage = latest ? EVENT_STAGE[latest.status]! : f.inTransitAt ? "in_transit" : pickup ? "picked_up" : "shipped";
  }
  if (pickup && stage === "delivered") stage = "picked_up";
  const issue = !cancelled && stage !== "delivered" && stage !== "picked_up" ? (mapped?.issue ?? null) : null;

  const createdAt = iso(f.createdAt)!;
  let steps: TrackingStep[];
  if (pickup) {
    const ready = firstEvent("ready_for_pickup") ?? (stage === "ready_for_pickup" || stage === "picked_up" ? createdAt : null);
    steps = [
      { key: "ready_for_pickup", state: "upcoming", at: ready },
      { key: "picked_up", state: "upcoming", at: stage === "picked_up" ? (iso(f.deliveredAt) ?? createdAt) : null },
    ];
  } else {
    steps = [
      { key: "shipped", state: "upcoming", at: createdAt },
      { key: "in_transit", state: "upcoming", at: iso(f.inTransitAt) ?? firstEvent("in_transit") },
      { key: "out_for_delivery", state: "upcoming", at: firstEvent("out_for_delivery") },
      { key: "delivered", state: "upcoming", at: iso(f.deliveredAt) ?? firstEvent("delivered") },
    ];
  }
  markSteps(steps, cancelled ? -1 : steps.findIndex((s) => s.key === (stage as string)));
  return {
    id: f.id,
    kind: pickup ? "pickup" : "shipment",
    stage,
    issue,
    steps,
    tracking: (f.trackingInfo ?? []).map((t) => ({ company: t.company ?? null, number: t.number ?? null, url: t.url ?? null })),
    estimatedDeliveryAt: stage === "delivered" || cancelled ? null : iso(f.estimatedDeliveryAt),
    locationName: f.locationName ?? null,
    items: [...f.items],
    events: [...events].reverse(),
  };
}

function openFulfillmentOrderCard(fo: FulfillmentOrderFacts): ShipmentCard | null {
  const items = fo.remainingItems.filter((i) => i.quantity > 0);
  if (items.length === 0 || fo.status === "CANCELLED" || fo.status === "CLOSED") return null;
  const pickup = isPickupMethod(fo.deliveryMethod);
  const stage: ShipmentStage = pickup && fo.pickedUpAt ? "picked_up" : pickup && fo.readyForPickupAt ? "ready_for_pickup" : "processing";
  const steps: TrackingStep[] = pickup
    ? [
        { key: "processing", state: "upcoming", at: null },
        { key: "ready_for_pickup", state: "upcoming", at: iso(fo.readyForPickupAt) },
        { key: "picked_up", state: "upcoming", at: iso(fo.pickedUpAt) },
      ]
    : [{ key: "processing", state: "upcoming", at: null }];
  markSteps(steps, steps.findIndex((s) => s.key === (stage as string)));
  return {
    id: fo.id,
    kind: pickup ? "pickup" : "unfulfilled",
    stage,
    issue: fo.status === "ON_HOLD" ? "on_hold" : null,
    steps,
    tracking: [],
    estimatedDeliveryAt: null,
    locationName: fo.locationName ?? null,
    items,
    events: [],
  };
}

function markSteps(steps: TrackingStep[], currentIndex: number): void {
  steps.forEach((s, i) => {
    s.state = currentIndex < 0 ? "upcoming" : i < currentIndex ? "done" : i === currentIndex ? "current" : "upcoming";
    if (s.state === "upcoming") s.at = null;
  });
}
