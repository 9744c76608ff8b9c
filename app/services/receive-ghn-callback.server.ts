/**
 * GHN's order callback (api.ghn.vn "Webhook": a POST of the order's state on creation and on every
 * status change, sent again up to 10 times while the answer is not 200), for a return label Crossdock
 * created at GHN: the status put into tracking words and handed to the one tracking use case
 * (record-carrier-tracking), which moves the return to in transit / delivered and tells people.
 *
 * GHN signs nothing: the callback is accepted only on the URL configured at GHN, whose last segment is
 * GHN_WEBHOOK_SECRET (compared in constant time), and only for the GHN shop Crossdock is configured
 * with. The Crossdock shop is the one whose tag the order's client_order_code carries.
 */
import { timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { ghnTrackingStatus } from "~/domain/labels/ghn-status";
import { env } from "~/env.server";
import { GHN_CARRIER, ghnShopTag, ghnShopTagOf } from "~/labels/ghn.server";
import { logger } from "~/logger.server";
import { installedShopDomains } from "~/models/shops.server";
import type { JobDriver } from "~/queue/driver";
import { recordCarrierTracking, type CarrierTrackingResult } from "./record-carrier-tracking.server";

/** The fields of GHN's callback Crossdock reads (its field table); the others (fees, COD, weights) are ignored. */
const ghnCallbackSchema = z.object({
  OrderCode: z.string().trim().min(1).max(100),
  ClientOrderCode: z.string().nullish(),
  ShopID: z.coerce.number().int(),
  Status: z.string().trim().min(1).max(60),
  Type: z.string().trim().min(1).max(60),
  Time: z.string().min(1),
  Description: z.string().nullish(),
  Reason: z.string().nullish(),
  Warehouse: z.string().nullish(),
});

export type GhnCallbackResult =
  /** Not GHN (wrong or unset secret): answered as if there were no such URL. */
  | { status: "refused" }
  | { status: "invalid"; message: string }
  /** Nothing to record: another GHN shop's order, an order not made by Crossdock, a weight/fee/COD update. */
  | { status: "ignored"; reason: string }
  | CarrierTrackingResult;

function secretMatches(given: string, expected: string | undefined): boolean {
  if (!expected) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function receiveGhnCallback(input: { secret: string; body: unknown }, deps: { now?: Date; driver?: JobDriver } = {}): Promise<GhnCallbackResult> {
  const e = env();
  if (!secretMatches(input.secret, e.GHN_WEBHOOK_SECRET)) return { status: "refused" };
  const parsed = ghnCallbackSchema.safeParse(input.body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { status: "invalid", message: `${issue.path.join(".") || "body"} ${issue.message}` };
  }
  const callback = parsed.data;
  if (callback.ShopID !== e.GHN_SHOP_ID) return { status: "ignored", reason: "another GHN shop" };
  // Create and Switch_status carry a status; Update_weight, Update_cod and Update_fee repeat it.
  const type = callback.Type.toLowerCase();
  if (type !== "create" && type !== "switch_status") return { status: "ignored", reason: `a ${callback.Type} update` };
  const tag = ghnShopTagOf(callback.ClientOrderCode ?? "");
  const shop = tag ? (await installedShopDomains()).find((domain) => ghnShopTag(domain) === tag) : undefined;
  if (!shop) {
    logger.info({ orderCode: callback.OrderCode, clientOrderCode: callback.ClientOrderCode }, "GHN callback for an order of no installed shop");
    return { status: "not-found" };
  }
  const message = [callback.Description, callback.Reason, callback.Warehouse].map((s) => s?.trim()).filter(Boolean).join(" · ");
  return recordCarrierTracking(
    {
      shop,
      carrier: GHN_CARRIER,
      trackingNumber: callback.OrderCode,
      status: ghnTrackingStatus(callback.Status),
      at: callback.Time,
      message,
      // GHN's callbacks carry no id: the order, its status and GHN's time make one (a retry repeats all three).
      eventId: `ghn:${callback.OrderCode}:${callback.Status.toLowerCase()}:${callback.Time}`,
    },
    deps,
  );
}
