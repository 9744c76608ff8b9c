import type { JsonValue } from "~/models/scope.server";
import { recordDelivery } from "~/models/webhook-deliveries.server";
import { logger } from "~/logger.server";
import { authenticate } from "~/shopify.server";

/**
 * Every webhook route: verify Shopify's HMAC (401 otherwise, nothing written), store the delivery
 * in the inbox once per webhook id, answer 200 at once. A redelivery is acknowledged and not stored
 * again. No Admin API call happens here: Shopify gives up on slow endpoints.
 */
export async function receiveWebhook(request: Request): Promise<Response> {
  const { shop, topic, webhookId, apiVersion, payload, triggeredAt } = await authenticate.webhook(request);
  const { isNew } = await recordDelivery({
    shop,
    topic,
    webhookId,
    apiVersion,
    triggeredAt: parseDate(triggeredAt),
    payload: payload as { [key: string]: JsonValue },
  });
  logger.info({ shop, topic, webhookId, duplicate: !isNew }, "webhook received");
  return new Response(null, { status: 200 });
}

function parseDate(value: string | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
