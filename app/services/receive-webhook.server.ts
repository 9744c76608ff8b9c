import { jobDriver } from "~/jobs/runtime.server";
import type { JsonValue } from "~/models/scope.server";
import { recordDelivery } from "~/models/webhook-deliveries.server";
import { logger } from "~/logger.server";
import { authenticate } from "~/shopify.server";

/**
 * Every webhook route: verify Shopify's HMAC (401 otherwise, nothing written), store the delivery
 * in the inbox once per webhook id (one INSERT … ON CONFLICT DO NOTHING), hand it to the queue,
 * answer 200. No Admin API call happens here: Shopify gives up on slow endpoints.
 *
 * A redelivery is acknowledged and neither stored nor enqueued again. When the queue is unreachable
 * (Redis down) the delivery stays RECEIVED, the failure is logged, and the answer is still 200: the
 * delivery is safe in the inbox and the worker's drain enqueues it once Redis is back.
 */
export async function receiveWebhook(request: Request): Promise<Response> {
  const context = await authenticate.webhook(request);
  const { shop, webhookId, apiVersion, payload, triggeredAt } = context;
  // The library reports topics as enum names ("INVENTORY_LEVELS_UPDATE"); Crossdock keeps Shopify's
  // own spelling from the header ("inventory_levels/update"), which is what the processors key on.
  const topic = request.headers.get("x-shopify-topic")?.trim() || context.topic;
  const { isNew } = await recordDelivery({
    shop,
    topic,
    webhookId,
    apiVersion,
    triggeredAt: parseDate(triggeredAt),
    payload: payload as { [key: string]: JsonValue },
  });
  if (!isNew) {
    logger.info({ shop, topic, webhookId }, "webhook redelivered: already stored");
    return new Response(null, { status: 200 });
  }
  try {
    // The row stays RECEIVED (= waiting): workers claim RECEIVED and QUEUED alike, and marking it
    // here would cost a statement per request (the drain marks what it re-enqueues).
    await jobDriver().enqueueDelivery({ shop, topic, webhookId });
  } catch (error) {
    logger.error({ err: error, shop, topic, webhookId }, "webhook stored but not enqueued; the inbox drain will enqueue it");
  }
  logger.debug({ shop, topic, webhookId }, "webhook received");
  return new Response(null, { status: 200 });
}

function parseDate(value: string | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
