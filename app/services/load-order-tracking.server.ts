// Use case: what the portal's tracking page shows for one order (already authorised by a token or
// the proxy's signed-in customer): a timeline from the order's real Shopify data, one card per
// shipment (items, carrier, tracking number and link, estimated delivery), the items not shipped
// yet, and for pickup orders the store (address, pickup time, instructions, map link).
import { listLocations } from "~/models/locations.server";
import type { Shop } from "~/models/shops.server";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import {
  getLocationsForPortal,
  getOrderForTracking,
  type PortalLocationData,
  type PortalOrderTrackingData,
} from "~/shopify/portal-orders";
import type { GeoPoint } from "~/domain/geo/geo";
import { addressPoint, shopperTimeZone } from "~/domain/portal/time-zone";
import { buildOrderTimeline, type ShipmentIssue, type TrackingStep } from "~/domain/portal/timeline";
import { trackingFacts, unshippedItems } from "~/shopify/tracking-facts";

export interface TrackingShipment {
  id: string;
  name: string;
  /** Shopify's FulfillmentDisplayStatus (IN_TRANSIT, DELIVERED…), or the status when absent. */
  status: string;
  carrier: string | null;
  trackingNumber: string | null;
  /** https only (anything else is not shown as a link). */
  trackingUrl: string | null;
  estimatedDeliveryAt: string | null;
  deliveredAt: string | null;
  /** A problem the carrier reported (delayed, attempted delivery…), else null. */
  issue: ShipmentIssue | null;
  items: { name: string; quantity: number }[];
  /** The carrier's events, newest first: Shopify's FulfillmentEventStatus, when, and the carrier's message. */
  events: { status: string; at: string; message: string | null }[];
}

export interface TrackingPickup {
  locationName: string;
  addressLines: string[];
  phone: string | null;
  /** DeliveryLocalPickupTime (ONE_HOUR … CUSTOM) or null. */
  pickupTime: string | null;
  instructions: string | null;
  /** A plain https link to a maps search of the address. */
  mapUrl: string;
}

export interface OrderTrackingView {
  order: {
    id: string;
    name: string;
    createdAt: string;
    cancelledAt: string | null;
    financialStatus: string | null;
    total: { amount: string; currency: string };
    refunded: { amount: string; currency: string } | null;
  };
  isPickup: boolean;
  /** The domain's timeline steps (app/domain/portal/timeline.ts). */
  timeline: TrackingStep[];
  shipments: TrackingShipment[];
  unshipped: { name: string; quantity: number }[];
  pickup: TrackingPickup | null;
  /** IANA zone of the order's destination (the pickup store, else the shipping address), else the shop's. */
  timeZone: string;
}

export type LoadOrderTrackingResult = { status: "ok"; view: OrderTrackingView } | { status: "not_found" };

export function mapSearchUrl(parts: (string | null | undefined)[]): string {
  const query = parts.filter((p) => p && p.trim()).join(", ");
  return `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(query)}`;
}

function httpsOnly(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).protocol === "https:" ? url : null;
  } catch {
    return null;
  }
}

function pickupLocationId(order: PortalOrderTrackingData): string | null {
  const fo = order.fulfillmentOrders.nodes.find((f) => f.deliveryMethod?.methodType === "PICK_UP");
  return fo?.assignedLocation.location?.id ?? null;
}

async function loadPickup(
  shop: Pick<Shop, "id">,
  graphql: AdminGraphql,
  locationId: string,
): Promise<{ view: TrackingPickup; place: GeoPoint | null } | null> {
  const [live] = await getLocationsForPortal(graphql, [locationId]);
  const stored = (await listLocations(shop)).find((l) => l.shopifyId === locationId);
  if (!live && !stored) return null;
  const address: PortalLocationData["address"] | null = live?.address ?? null;
  const addressParts = address
    ? [address.address1, address.address2, [address.zip, address.city].filter(Boolean).join(" "), address.province, address.country]
    : [stored?.address1, stored?.address2, [stored?.zip, stored?.city].filter(Boolean).join(" "), stored?.province, stored?.countryCode];
  const addressLines = addressParts.filter((p): p is string => Boolean(p && p.trim()));
  const name = live?.name ?? stored!.name;
  const view: TrackingPickup = {
    locationName: name,
    addressLines,
    phone: address?.phone ?? stored?.phone ?? null,
    // Shopify's pickup settings first (live), Crossdock's copy of them when Shopify has none.
    pickupTime: live?.localPickupSettingsV2?.pickupTime ?? stored?.pickupTime ?? null,
    instructions: live?.localPickupSettingsV2?.instructions?.trim() || stored?.pickupInstructions?.trim() || null,
    mapUrl: mapSearchUrl([name, ...addressLines]),
  };
  const place = stored?.latitude != null && stored.longitude != null ? { lat: stored.latitude, lon: stored.longitude } : null;
  return { view, place };
}

export async function loadOrderTracking(input: {
  shop: Pick<Shop, "id" | "timezone">;
  graphql: AdminGraphql;
  orderId: string;
}): Promise<LoadOrderTrackingResult> {
  const order = await getOrderForTracking(input.graphql, input.orderId);
  if (!order) return { status: "not_found" };

  const locationId = pickupLocationId(order);
  const pickupStore = locationId ? await loadPickup(input.shop, input.graphql, locationId) : null;
  const pickup = pickupStore?.view ?? null;
  const timeZone = shopperTimeZone(input.shop.timezone, pickupStore?.place ?? addressPoint(order.shippingAddress));
  const timeline = buildOrderTimeline(trackingFacts(order));
  const cards = new Map(timeline.shipments.map((card) => [card.id, card]));
  // The refund's own time is not read from Shopify (see tracking-facts.ts): no time shown for it.
  const steps = timeline.steps.map((step) => (step.key === "refunded" ? { ...step, at: null } : step));

  const shipments: TrackingShipment[] = order.fulfillments
    .filter((f) => f.status !== "CANCELLED" && f.status !== "ERROR" && f.status !== "FAILURE")
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .map((f) => {
      const tracking = f.trackingInfo.find((t) => t.number || t.url) ?? f.trackingInfo[0];
      return {
        id: f.id,
        name: f.name,
        status: f.displayStatus ?? f.status,
        carrier: tracking?.company ?? null,
        trackingNumber: tracking?.number ?? null,
        trackingUrl: httpsOnly(tracking?.url ?? null),
        estimatedDeliveryAt: f.estimatedDeliveryAt ?? null,
        deliveredAt: f.deliveredAt ?? null,
        issue: cards.get(f.id)?.issue ?? null,
        items: f.fulfillmentLineItems.nodes.map((l) => ({ name: l.lineItem.name, quantity: l.quantity ?? 0 })),
        events: (cards.get(f.id)?.events ?? []).map((e) => ({ status: e.status, at: e.at, message: e.message?.trim() || null })),
      };
    });

  const unshipped = unshippedItems(order);

  const refunded = Number(order.totalRefundedSet.shopMoney.amount) > 0
    ? { amount: order.totalRefundedSet.shopMoney.amount, currency: order.totalRefundedSet.shopMoney.currencyCode }
    : null;

  return {
    status: "ok",
    view: {
      order: {
        id: order.id,
        name: order.name,
        createdAt: order.createdAt,
        cancelledAt: order.cancelledAt ?? null,
        financialStatus: order.displayFinancialStatus ?? null,
        total: { amount: order.totalPriceSet.shopMoney.amount, currency: order.totalPriceSet.shopMoney.currencyCode },
        refunded,
      },
      isPickup: timeline.deliveryMethod === "pickup",
      timeline: steps,
      shipments,
      unshipped,
      pickup,
      timeZone,
    },
  };
}
