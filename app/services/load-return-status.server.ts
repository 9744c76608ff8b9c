import type { Location } from "@prisma/client";
import { awaitingGoods, returnTimeline, type ReturnStep, type StatusTimes } from "~/domain/returns/status";
import type { DropOffInstructions } from "~/domain/returns/destination";
import { moneyBackOf } from "~/domain/returns/exchange";
import { findLocationByShopifyId, findReturnByRma, findReturnByTrackingNumber, type ReturnWithDetails } from "~/models/returns.server";
import type { ShopRef } from "~/models/scope.server";
import { getOrderByShopifyId } from "~/models/orders.server";
import type { GeoPoint } from "~/domain/geo/geo";
import { addressPoint } from "~/domain/portal/time-zone";
import { loadReturnDestinationSettings } from "./choose-return-destination.server";

/** Timeline event types that mark a status (ReturnEvent.type → ReturnStatus). */
const EVENT_STATUS = {
  requested: "REQUESTED",
  approved: "APPROVED",
  declined: "DECLINED",
  in_transit: "IN_TRANSIT",
  delivered: "DELIVERED",
  received: "RECEIVED",
  refunded: "REFUNDED",
  closed: "CLOSED",
  canceled: "CANCELED",
} as const;

export type LoadReturnStatusResult =
  | { status: "not-found" }
  | {
      status: "ok";
      ret: ReturnWithDetails;
      steps: ReturnStep[];
      /** The store for a drop-off, the return address for mail. */
      location: Location | null;
      /** A label can be printed (approved mail return with a label). */
      hasLabel: boolean;
      /** Where the shopper is, for the zone their times are shown in: the drop-off store, else the order's shipping address. */
      place: GeoPoint | null;
      /** The goods are still to be sent or handed in (the page says where and how). */
      awaitingGoods: boolean;
      /** The merchant's drop-off instructions per language (blank: the default text). */
      dropOffInstructions: DropOffInstructions;
    };

/**
 * One of the shop's returns as its status page shows it, for the order the shopper's link opens:
 * another order's (or another shop's) RMA is not found.
 */
export async function loadReturnStatus(input: { shop: ShopRef; orderId: string; rma: string }): Promise<LoadReturnStatusResult> {
  const ret = await findReturnByRma(input.shop, input.rma);
  if (!ret || ret.orderId !== input.orderId) return { status: "not-found" };
  return describeReturn(input.shop, ret);
}

/**
 * The public tracking page of the built-in carrier's numbers (portal.$shop.track.$number): the
 * shop's return with that label tracking number. Like a carrier's page, the number alone opens it,
 * so the page shows statuses only, nothing personal.
 */
export async function loadReturnByTrackingNumber(input: { shop: ShopRef; trackingNumber: string }): Promise<LoadReturnStatusResult> {
  const ret = await findReturnByTrackingNumber(input.shop, input.trackingNumber.trim().toUpperCase());
  return ret ? describeReturn(input.shop, ret) : { status: "not-found" };
}

async function describeReturn(shop: ShopRef, ret: ReturnWithDetails): Promise<LoadReturnStatusResult> {
  const input = { shop };
  const times: StatusTimes = { REQUESTED: ret.createdAt };
  for (const event of ret.events) {
    const status = EVENT_STATUS[event.type as keyof typeof EVENT_STATUS];
    if (status && times[status] == null) times[status] = event.createdAt;
  }
  if (ret.status === "APPROVED" && times.APPROVED == null) times.APPROVED = ret.decidedAt;
  if (ret.status === "DECLINED" && times.DECLINED == null) times.DECLINED = ret.decidedAt;
  const [location, destinations] = await Promise.all([
    ret.returnLocationId ? findLocationByShopifyId(input.shop, ret.returnLocationId) : null,
    ret.method === "DROP_OFF" ? loadReturnDestinationSettings(input.shop) : null,
  ]);
  return {
    status: "ok",
    ret,
    steps: returnTimeline(ret.status, ret.method, times, { moneyBack: ret.outcome === "STORE_CREDIT" || Number(moneyBackOf(ret)) > 0 }),
    location,
    hasLabel: ret.method === "MAIL" && ret.labelTrackingNumber != null && awaitingGoods(ret.status),
    place: await shopperPlace(shop, ret, location),
    awaitingGoods: awaitingGoods(ret.status),
    dropOffInstructions: destinations?.dropOffInstructions ?? {},
  };
}

async function shopperPlace(shop: ShopRef, ret: ReturnWithDetails, location: Location | null): Promise<GeoPoint | null> {
  if (ret.method === "DROP_OFF" && location?.latitude != null && location.longitude != null) return { lat: location.latitude, lon: location.longitude };
  const order = await getOrderByShopifyId(shop, ret.orderId);
  return addressPoint(order?.shippingAddress as { latitude?: unknown; longitude?: unknown } | null | undefined);
}
