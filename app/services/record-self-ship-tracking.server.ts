/**
 * The tracking number (and carrier) a shopper types in the portal for a parcel they send themselves:
 * a mail return with the built-in "ship it yourself" sheet (no postage: the shopper picks and pays the
 * carrier), approved and not yet arrived. Stored on the return, shown on the desk and the status page,
 * and sent to Shopify's reverse delivery (reverseDeliveryShippingUpdate: the number; Shopify's
 * tracking input has no carrier name) in place of the sheet's own number.
 *
 * Typing it moves an approved return to IN_TRANSIT: no carrier reports on a parcel Crossdock did not
 * buy, and a shopper who has a tracking number has handed the parcel to a carrier, which is what "in
 * transit" tells staff and the shopper. It never sets DELIVERED (only a carrier can say that), and a
 * number typed again replaces the first without a second step. Shopify refusing the update does not
 * undo what the shopper typed (it is logged; staff see the number on the desk).
 */
import { parseSelfShipTracking, type SelfShipError } from "~/domain/returns/self-ship";
import { awaitingGoods } from "~/domain/returns/status";
import { logger } from "~/logger.server";
import { changeReturn, findReturnByRma } from "~/models/returns.server";
import type { ShopRef } from "~/models/scope.server";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import { updateReverseDeliveryTracking } from "~/shopify/returns";
import { labelHasPostage } from "./download-return-label.server";

export type SelfShipTrackingResult =
  | { status: "recorded"; rma: string; movedToInTransit: boolean; shopify: "updated" | "no-reverse-delivery" | "failed" }
  | { status: "invalid"; errors: Partial<Record<"trackingNumber" | "carrier", SelfShipError>> }
  /** Not a return the shopper sends themselves now (a paid label, a drop-off, not approved, arrived). */
  | { status: "not-allowed" }
  | { status: "not-found" };

/** Whether the shopper of this return may type the tracking of a parcel they send themselves. */
export function selfShipTrackingAllowed(ret: { method: string; status: Parameters<typeof awaitingGoods>[0]; labelCarrier: string | null; reverseDeliveryId: string | null; labelTrackingNumber: string | null }): boolean {
  return ret.method === "MAIL" && ret.labelTrackingNumber != null && !labelHasPostage(ret.labelCarrier) && awaitingGoods(ret.status) && ret.status !== "REQUESTED";
}

export async function recordSelfShipTracking(input: {
  shop: ShopRef;
  graphql: AdminGraphql | null;
  orderId: string;
  rma: string;
  trackingNumber: string;
  carrier: string;
}): Promise<SelfShipTrackingResult> {
  const ret = await findReturnByRma(input.shop, input.rma);
  if (!ret || ret.orderId !== input.orderId) return { status: "not-found" };
  const parsed = parseSelfShipTracking(input);
  if (!parsed.ok) return { status: "invalid", errors: parsed.errors };
  if (!selfShipTrackingAllowed(ret)) return { status: "not-allowed" };
  const move = ret.status === "APPROVED";
  const changed = await changeReturn(input.shop, ret.id, {
    from: ret.status,
    ...(move && { to: "IN_TRANSIT" as const }),
    fields: { selfShipCarrier: parsed.carrier, selfShipTrackingNumber: parsed.trackingNumber },
    events: [{ type: move ? "in_transit" : "self_ship_tracking", actor: "shopper", data: { selfShipCarrier: parsed.carrier, selfShipTrackingNumber: parsed.trackingNumber } }],
  });
  if (!changed) return { status: "not-allowed" };
  let shopify: "updated" | "no-reverse-delivery" | "failed" = "no-reverse-delivery";
  if (ret.reverseDeliveryId && input.graphql) {
    try {
      await updateReverseDeliveryTracking(input.graphql, { reverseDeliveryId: ret.reverseDeliveryId, number: parsed.trackingNumber });
      shopify = "updated";
    } catch (error) {
      shopify = "failed";
      logger.warn({ err: error, shopId: input.shop.id, rma: ret.rma }, "Shopify did not take the shopper's tracking number");
    }
  }
  logger.info({ shopId: input.shop.id, rma: ret.rma, moved: move, shopify }, "Self-ship tracking recorded");
  return { status: "recorded", rma: ret.rma, movedToInTransit: move, shopify };
}
