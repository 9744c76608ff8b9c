import type { TrackingStatus } from "~/domain/returns/carrier-tracking";

/**
 * GHN's order statuses (its callbacks' `Status`, api.ghn.vn "Webhook" page and its status list) in
 * Crossdock's tracking words. Pure. For a return, the sender is the shopper: GHN's "return" statuses
 * mean the parcel is going back to the shopper, not reaching the warehouse.
 */
const GHN_TRACKING: Readonly<Record<string, TrackingStatus>> = {
  // Created; the courier is on the way to the shopper (the parcel has not left them).
  ready_to_pick: "pre_transit",
  picking: "pre_transit",
  money_collect_picking: "pre_transit",
  // Picked up, in GHN's warehouses and trucks.
  picked: "in_transit",
  storing: "in_transit",
  transporting: "in_transit",
  sorting: "in_transit",
  // With the courier delivering to the return location.
  delivering: "out_for_delivery",
  money_collect_delivering: "out_for_delivery",
  delivered: "delivered",
  delivery_fail: "failure",
  // Undeliverable: on its way back to the sender (the shopper), or back with them.
  waiting_to_return: "returned_to_sender",
  return: "returned_to_sender",
  return_transporting: "returned_to_sender",
  return_sorting: "returned_to_sender",
  returning: "returned_to_sender",
  return_fail: "returned_to_sender",
  returned: "returned_to_sender",
  cancel: "cancelled",
  // Held, lost or damaged: the parcel will not arrive as it is.
  exception: "failure",
  lost: "failure",
  damage: "failure",
};

/** The tracking status of a GHN status ("Picked", " delivered "): unknown for one GHN has added since. */
export function ghnTrackingStatus(status: string): TrackingStatus {
  return GHN_TRACKING[status.trim().toLowerCase()] ?? "unknown";
}

/** GHN's statuses Crossdock knows (the stand-in sends only these). */
export const GHN_STATUSES = Object.keys(GHN_TRACKING);
