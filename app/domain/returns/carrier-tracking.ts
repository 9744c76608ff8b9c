import { transitionPath, type ReturnStatus } from "./status";

/**
 * A carrier's tracking status in words every carrier's can be put into (EasyPost's Tracker statuses
 * are the model: pre_transit, in_transit, out_for_delivery, available_for_pickup, delivered,
 * return_to_sender, failure, cancelled, error, unknown; GHN's callbacks map onto them the same way).
 */
export const TRACKING_STATUSES = [
  "pre_transit",
  "in_transit",
  "out_for_delivery",
  "available_for_pickup",
  "delivered",
  "returned_to_sender",
  "failure",
  "cancelled",
  "unknown",
] as const;
export type TrackingStatus = (typeof TRACKING_STATUSES)[number];

/**
 * The return status a tracking status reports, or null when it reports none: a label printed but not
 * yet scanned (pre_transit) has not left the shopper; a failed delivery, a parcel on its way back to
 * the shopper or a cancelled shipment is news for staff, not a step of the return (never backwards).
 * A parcel waiting at a pickup point or out for delivery is still in transit for the merchant.
 */
export function trackingTarget(status: TrackingStatus): ReturnStatus | null {
  switch (status) {
    case "in_transit":
    case "out_for_delivery":
    case "available_for_pickup":
      return "IN_TRANSIT";
    case "delivered":
      return "DELIVERED";
    default:
      return null;
  }
}

/** The statuses only a carrier's news (or the shopper's own tracking number) moves a return into. */
const CARRIER_STATUSES: readonly ReturnStatus[] = ["IN_TRANSIT", "DELIVERED"];

/**
 * The table's steps a tracking update moves a return in `current` through: forward only, and only
 * through the carrier's statuses, so an update arriving late (in transit after delivered), a scan of a
 * return not approved yet, or one of a return already received, refunded or closed moves nothing ([]).
 */
export function trackingSteps(current: ReturnStatus, status: TrackingStatus): ReturnStatus[] {
  const target = trackingTarget(status);
  if (!target) return [];
  const path = transitionPath(current, target);
  return path && path.every((step) => CARRIER_STATUSES.includes(step)) ? path : [];
}

/** Whether a tracking status is news staff should act on (the parcel did not reach the return location). */
export function trackingProblem(status: TrackingStatus): boolean {
  return status === "failure" || status === "returned_to_sender" || status === "cancelled";
}
