/**
 * An EasyPost tracker Event the webhook inbox holds for a shop (services/receive-easypost-webhook):
 * read as a carrier-neutral update (labels/easypost-tracking.server.ts) and recorded through
 * record-carrier-tracking, once per Event id.
 */
import { easypostTrackingUpdate } from "~/labels/easypost-tracking.server";
import { recordCarrierTracking, type CarrierTrackingResult } from "./record-carrier-tracking.server";

/** The webhook inbox's topic of EasyPost's tracker Events (not a Shopify topic: no subscription in shopify.app.toml). */
export const EASYPOST_TRACKER_TOPIC = "easypost/tracker";

export async function recordEasyPostTracking(input: { shop: string; event: unknown }): Promise<CarrierTrackingResult | { status: "not-a-tracker-event" }> {
  const update = easypostTrackingUpdate(input.event);
  if (!update) return { status: "not-a-tracker-event" };
  return recordCarrierTracking({ shop: input.shop, ...update });
}
