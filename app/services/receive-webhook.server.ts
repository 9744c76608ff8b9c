import { jobDriver } from "~/jobs/runtime.server";
import type { JsonValue } from "~/models/scope.server";
import { recordDelivery } from "~/models/webhook-deliveries.server";
import { logger } from "~/logger.server";
import type { VerifiedWebhook } from "~/shopify/webhook-signature.server";

/**
 * A verified webhook delivery (app/http/webhook-endpoint.server.ts): store it in the inbox once per
 * webhook id (one INSERT … ON CONFLICT DO NOTHING), hand it to the queue. No Admin API call happens
 * here: Shopify gives up on slow endpoints.
 *
 * A redelivery is acknowledged and neither stored nor enqueued again. When the queue is unreachable
 * (Redis down) the delivery stays RECEIVED, the failure is logged, and the caller still answers 200:
 * the delivery is safe in the inbox and the worker's drain enqueues it once Redis is back.
 */
export async function receiveWebhook(
  delivery: VerifiedWebhook & { payload: { [key: string]: JsonValue } } & {
    /** The body cannot be stored: the delivery is recorded SKIPPED, with this reason and an empty payload, and not queued. */
    unstorable?: string;
  },
): Promise<void> {
  // Crossdock keeps Shopify's own spelling of the topic ("inventory_levels/update"), which is what
  // the processors key on.
  const { shop, topic, webhookId, apiVersion, payload, unstorable } = delivery;
  const triggeredAt = parseDate(delivery.triggeredAt);
  const { isNew } = await recordDelivery(
    unstorable
      ? { shop, topic, webhookId, apiVersion, triggeredAt, payload: {}, status: "SKIPPED", lastError: unstorable }
      : { shop, topic, webhookId, apiVersion, triggeredAt, payload },
  );
  if (!isNew) {
    logger.info({ shop, topic, webhookId }, "webhook redelivered: already stored");
    return;
  }
  if (unstorable) {
    logger.error({ shop, topic, webhookId, reason: unstorable }, "webhook body cannot be stored: recorded as skipped, not processed");
    return;
  }
  try {
    // The row stays RECEIVED (= waiting): workers claim RECEIVED and QUEUED alike, and marking it
    // here would cost a statement per request (the drain marks what it re-enqueues).
    await jobDriver().enqueueDelivery({ shop, topic, webhookId });
  } catch (error) {
    logger.error({ err: error, shop, topic, webhookId }, "webhook stored but not enqueued; the inbox drain will enqueue it");
  }
  logger.debug({ shop, topic, webhookId }, "webhook received");
}

function parseDate(value: string | null): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
