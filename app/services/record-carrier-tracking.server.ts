/**
 * A carrier's tracking update for a return's parcel (EasyPost's tracker webhooks, GHN's callbacks,
 * any carrier that reports scans): the return whose label carries the tracking number, in the shop
 * named, records the update once (per carrier event id), moves forward through the lifecycle table's
 * carrier statuses only (APPROVED → IN_TRANSIT → DELIVERED; never backwards, so an update arriving
 * late or twice changes nothing), and tells people what they need to know, once each:
 * - delivered: the shopper ("your parcel was delivered", return-delivered) and the shop's address
 *   (a parcel waits to be checked in);
 * - a failed delivery, a parcel sent back to the shopper or a cancelled shipment: the shop's address.
 * A number no return of the shop carries is "not-found" (the caller answers the carrier 2xx anyway:
 * a label voided or never Crossdock's must not be redelivered forever).
 */
import { z } from "zod";
import { TRACKING_STATUSES, trackingProblem, trackingSteps, type TrackingStatus } from "~/domain/returns/carrier-tracking";
import type { ReturnStatus } from "~/domain/returns/status";
import { logger } from "~/logger.server";
import { findReturnByTrackingNumber, recordReturnTracking, type ReturnEventInput } from "~/models/returns.server";
import { getShop } from "~/models/shops.server";
import type { JobDriver } from "~/queue/driver";
import { notifyReturn } from "./notify-return.server";
import { alertReturnTracking } from "./alert-return-tracking.server";

/** Printable text without control characters (NUL, newlines): what a carrier's fields may hold. */
const printable = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    // eslint-disable-next-line no-control-regex
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), "has a control character");

/**
 * The update a carrier integration hands in. Every field is the carrier's, put into Crossdock's words:
 * - `shop`: the shop's myshopify domain (the carrier's account, webhook URL or the label's reference
 *   tells the integration which shop bought the label);
 * - `carrier`: the carrier's name as it tracks the parcel ("USPS", "GHN"), shown to staff;
 * - `trackingNumber`: the label's tracking number as the carrier gives it (ReturnRequest.labelTrackingNumber;
 *   for GHN its order code);
 * - `status`: the carrier's status mapped onto TRACKING_STATUSES (pre_transit, in_transit,
 *   out_for_delivery, available_for_pickup, delivered, returned_to_sender, failure, cancelled, unknown);
 * - `at`: when the carrier says it happened (a time ahead of `now` is recorded as now);
 * - `message`: the carrier's own words for it ("Arrived at USPS Regional Facility"), optional, shown
 *   to staff as given (longer than 500 characters: cut);
 * - `eventId`: the carrier's id of this update (EasyPost's Event "evt_…"); a carrier without one may
 *   make it of the tracking number, status and time. The same id is recorded once, whatever the retries.
 */
export const carrierTrackingInputSchema = z.object({
  shop: printable(255),
  carrier: printable(60),
  trackingNumber: printable(100),
  status: z.enum(TRACKING_STATUSES),
  at: z.coerce.date().refine((d) => !Number.isNaN(d.getTime()), "is not a time"),
  message: z
    .string()
    .nullish()
    .transform((s) => {
      // eslint-disable-next-line no-control-regex
      const clean = (s ?? "").replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
      return clean ? clean.slice(0, 500) : null;
    }),
  eventId: printable(200),
});

export type CarrierTrackingInput = z.input<typeof carrierTrackingInputSchema>;

export type CarrierTrackingResult =
  | { status: "invalid"; message: string }
  | { status: "not-installed" }
  | { status: "not-found" }
  /** This carrier event was recorded before (a retry, a redelivery). */
  | { status: "duplicate"; rma: string }
  | { status: "recorded"; rma: string; from: ReturnStatus; to: ReturnStatus };

/** The timeline entry type of an update: the status it moved the return to, else a plain carrier update. */
const STEP_EVENT: Partial<Record<ReturnStatus, string>> = { IN_TRANSIT: "in_transit", DELIVERED: "delivered" };

export async function recordCarrierTracking(input: CarrierTrackingInput, deps: { now?: Date; driver?: JobDriver } = {}): Promise<CarrierTrackingResult> {
  const parsed = carrierTrackingInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { status: "invalid", message: `${issue.path.join(".") || "input"} ${issue.message}` };
  }
  const update = parsed.data;
  const now = deps.now ?? new Date();
  const at = update.at > now ? now : update.at;
  const shop = await getShop(update.shop);
  if (!shop || shop.uninstalledAt) return { status: "not-installed" };
  const ret = await findReturnByTrackingNumber(shop, update.trackingNumber);
  if (!ret) {
    logger.info({ shopId: shop.id, carrier: update.carrier, trackingNumber: update.trackingNumber }, "Carrier tracking for no return of the shop");
    return { status: "not-found" };
  }

  const data = {
    carrierEventId: update.eventId,
    carrier: update.carrier,
    trackingNumber: update.trackingNumber,
    trackingStatus: update.status,
    at: at.toISOString(),
    carrierMessage: update.message,
  };
  const actor = `carrier:${update.carrier}`;
  const recorded = await recordReturnTracking(shop, ret.id, {
    carrierEventId: update.eventId,
    plan: (status) => {
      const steps = trackingSteps(status, update.status);
      const events: ReturnEventInput[] = steps.length
        ? steps.map((step) => ({ type: STEP_EVENT[step]!, actor, message: update.message, data, at }))
        : [{ type: "tracking", actor, message: update.message, data, at }];
      return { ...(steps.length && { to: steps }), events };
    },
  });
  if (!recorded) return { status: "duplicate", rma: ret.rma };
  const { from, ret: after } = recorded;
  logger.info({ shopId: shop.id, rma: after.rma, carrier: update.carrier, tracking: update.status, from, to: after.status }, "Carrier tracking recorded");

  if (after.status === "DELIVERED" && from !== "DELIVERED") {
    await notifyReturn(shop, after, "return-delivered", { now, deliveredAt: at });
  }
  if ((after.status === "DELIVERED" && from !== "DELIVERED") || trackingProblem(update.status)) {
    await alertReturnTracking(shop, after, { status: staffNews(update.status), carrier: update.carrier, message: update.message, at }, deps);
  }
  return { status: "recorded", rma: after.rma, from, to: after.status };
}

/** What the staff alert is about: delivered, or the problem. */
function staffNews(status: TrackingStatus): "delivered" | "failure" | "returned_to_sender" | "cancelled" {
  return status === "failure" || status === "returned_to_sender" || status === "cancelled" ? status : "delivered";
}
