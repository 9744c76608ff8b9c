/**
 * Carriers' webhooks that go through the webhook inbox like Shopify's (stored once per event, processed
 * by the worker, retried, shown on the Activity page): one row each, as app/jobs/webhook-topics.server.ts
 * has for Shopify's topics, without a shopify.app.toml subscription (the carrier's account names the URL).
 */
import { EASYPOST_TRACKER_TOPIC, recordEasyPostTracking } from "~/services/record-easypost-tracking.server";
import type { DeliveryProcessor } from "./processor";

export interface CarrierTopic {
  topic: string;
  /** The key of its name on the Activity page (activity.json `topics.<label>`). */
  label: string;
  process: DeliveryProcessor;
}

export const CARRIER_TOPICS: readonly CarrierTopic[] = [
  {
    topic: EASYPOST_TRACKER_TOPIC,
    label: "easypostTracking",
    process: async (ctx) => {
      const result = await recordEasyPostTracking({ shop: ctx.delivery.shop, event: ctx.delivery.payload });
      switch (result.status) {
        case "not-a-tracker-event":
          return { skipped: "Not an EasyPost tracker Event" };
        case "recorded":
          ctx.log.debug({ rma: result.rma, from: result.from, to: result.to }, "EasyPost tracking recorded");
          return;
        case "duplicate":
          return { skipped: `Already recorded for return ${result.rma}` };
        case "invalid":
          return { skipped: `The Event could not be read: ${result.message}` };
        case "not-found":
          return { skipped: "No return of this shop carries this tracking code" };
        case "not-installed":
          return { skipped: "The shop is not installed" };
      }
    },
  },
];
